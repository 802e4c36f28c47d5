/**
 * Owner: API keys of the REST API. A new key's secret is shown once, with a Copy button; the
 * list shows each key's name, access, limit, dates and a Revoke button (refused at once).
 */
import { useState } from 'preact/hooks';
import { api, type ApiKey } from '../api/api.js';
import { fieldErrors } from '../api/errors.js';
import { fmt, locale, t } from '../i18n/index.js';
import { copyText } from '../lib/clipboard.js';
import { me } from '../app/session.js';
import { formatDateTime } from '../lib/format.js';
import { ErrorBox, Loading, Notice, Page, SelectField, Submit, TextField } from '../ui/common.js';
import { useAction, useResource } from '../ui/resource.js';

export function ApiKeysPage() {
  const d = t.value.apiKeys;
  const keys = useResource(() => api.apiKeys.list(), []);
  const [intro1, intro2] = d.intro.split('{docs}');
  return (
    <Page title={d.title}>
      <p>
        {intro1}
        <a href="/api/v1/docs" target="_blank" rel="noopener">
          {d.docs}
        </a>
        {intro2}
      </p>
      <NewKey onCreated={keys.reload} />
      <section class="panel" aria-labelledby="keys-title">
        <h2 id="keys-title">{d.keys}</h2>
        {keys.error ? <ErrorBox error={keys.error} retry={keys.reload} /> : !keys.data ? <Loading /> : <KeyTable keys={keys.data} onChanged={keys.reload} />}
      </section>
    </Page>
  );
}

function NewKey(props: { onCreated: () => void }) {
  const d = t.value.apiKeys;
  const [name, setName] = useState('');
  const [scope, setScope] = useState<'read' | 'write'>('read');
  const [perMinute, setPerMinute] = useState('120');
  const [secret, setSecret] = useState<string | null>(null);
  const [copied, setCopied] = useState<boolean | null>(null);
  const action = useAction();
  const errs = (p: string) => fieldErrors(action.error?.fields ?? [], p);
  return (
    <section class="panel" aria-labelledby="new-key-title">
      <h2 id="new-key-title">{d.create}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setCopied(null);
          const limit = Number(perMinute);
          void action.run(() => api.apiKeys.create({ name: name.trim(), scope, ...(Number.isInteger(limit) && limit > 0 ? { rateLimitPerMinute: limit } : {}) })).then((r) => {
            if (!r) return;
            setSecret(r.secret);
            setName('');
            props.onCreated();
          });
        }}
      >
        <TextField label={d.name} hint={d.nameHint} value={name} onValue={setName} errors={errs('name')} required maxLength={80} />
        <SelectField
          label={d.scope}
          value={scope}
          onValue={setScope}
          options={[
            { value: 'read', label: d.read },
            { value: 'write', label: d.write },
          ]}
        />
        <TextField label={d.perMinute} value={perMinute} onValue={setPerMinute} errors={errs('rateLimitPerMinute')} type="number" min={1} max={6000} inputMode="numeric" />
        {action.error && action.error.fields.length === 0 && <ErrorBox error={action.error} />}
        <Submit busy={action.busy}>{d.create}</Submit>
      </form>
      {secret && (
        <div class="secret" role="status">
          <p>
            <strong>{d.created}</strong>
          </p>
          <input class="snippet" readOnly value={secret} aria-label={d.title} onFocus={(e) => e.currentTarget.select()} size={Math.min(secret.length, 70)} />{' '}
          <button type="button" class="secondary" onClick={() => void copyText(secret).then(setCopied)}>
            {d.copy}
          </button>
          {copied === true && <Notice>{d.copied}</Notice>}
          {copied === false && <ErrorBox error={null} text={d.copyFailed} />}
        </div>
      )}
    </section>
  );
}

function KeyTable(props: { keys: ApiKey[]; onChanged: () => void }) {
  const d = t.value.apiKeys;
  const revoke = useAction();
  const zone = me.value?.business.timeZone ?? 'UTC';
  const when = (iso: string | null) => (iso ? formatDateTime(iso, zone, locale.value) : d.never);
  if (props.keys.length === 0) return <p>{t.value.app.none}</p>;
  return (
    <>
      {revoke.error && <ErrorBox error={revoke.error} />}
      <table class="keys">
        <thead>
          <tr>
            <th>{d.name}</th>
            <th>{d.scope}</th>
            <th>{d.perMinute}</th>
            <th>{d.createdAt}</th>
            <th>{d.lastUsed}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {props.keys.map((k) => (
            <tr key={k.id} class={k.revokedAt ? 'revoked' : undefined}>
              <td>
                {k.name}
                <div class="hint">
                  <code>{k.preview}</code>
                </div>
              </td>
              <td>{k.scope === 'write' ? d.write : d.read}</td>
              <td>{k.rateLimitPerMinute}</td>
              <td>{when(k.createdAt)}</td>
              <td>{when(k.lastUsedAt)}</td>
              <td>
                {k.revokedAt ? (
                  fmt(d.revoked, { when: when(k.revokedAt) })
                ) : (
                  <button
                    type="button"
                    class="danger"
                    disabled={revoke.busy}
                    onClick={() => {
                      if (!confirm(fmt(d.confirmRevoke, { name: k.name }))) return;
                      void revoke.run(() => api.apiKeys.revoke({ id: k.id })).then((r) => r && props.onChanged());
                    }}
                  >
                    {d.revoke}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
