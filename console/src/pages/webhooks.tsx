/**
 * Owner: outbound webhooks. Add an endpoint (URL, events; a signing secret is made for it), see
 * and rotate its secret, choose events, turn it on or off, send a test event, and read its
 * delivery log (status, response code, duration, attempts, payload) with "Resend".
 */
import { useState } from 'preact/hooks';
import { api, type WebhookDelivery, type WebhookEndpoint, type WebhookEventType } from '../api/api.js';
import { fieldErrors } from '../api/errors.js';
import { me } from '../app/session.js';
import { fmt, locale, t } from '../i18n/index.js';
import { formatDateTime } from '../lib/format.js';
import { Checkbox, ErrorBox, Loading, Notice, Page, Submit, TextField } from '../ui/common.js';
import { useAction, useResource } from '../ui/resource.js';

const typeLabel = (type: string) => t.value.webhooks.types[type] ?? type;

export function WebhooksPage() {
  const d = t.value.webhooks;
  const endpoints = useResource(() => api.webhooks.list(), []);
  const types = useResource(() => api.webhooks.eventTypes(), []);
  return (
    <Page title={d.title}>
      <p>{d.intro}</p>
      {endpoints.error || types.error ? (
        <ErrorBox error={endpoints.error ?? types.error} retry={() => (endpoints.reload(), types.reload())} />
      ) : !endpoints.data || !types.data ? (
        <Loading />
      ) : (
        <>
          {endpoints.data.map((ep) => (
            <Endpoint key={ep.id} ep={ep} types={types.data!} onChanged={endpoints.reload} />
          ))}
          <NewEndpoint types={types.data} onCreated={endpoints.reload} />
        </>
      )}
    </Page>
  );
}

function EventChoice(props: { types: WebhookEventType[]; value: WebhookEventType[]; onValue: (v: WebhookEventType[]) => void; legend: string; errors: readonly string[] }) {
  return (
    <fieldset class="events">
      <legend>{props.legend}</legend>
      {props.types.map((ty) => (
        <Checkbox
          key={ty}
          label={`${typeLabel(ty)} (${ty})`}
          checked={props.value.includes(ty)}
          onChange={(on) => props.onValue(on ? [...props.value, ty] : props.value.filter((x) => x !== ty))}
        />
      ))}
      {props.errors.map((e) => (
        <p class="field-error" role="alert" key={e}>
          {e}
        </p>
      ))}
    </fieldset>
  );
}

function NewEndpoint(props: { types: WebhookEventType[]; onCreated: () => void }) {
  const d = t.value.webhooks;
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [events, setEvents] = useState<WebhookEventType[]>(props.types.filter((x) => x.startsWith('booking.')));
  const action = useAction();
  const errs = (p: string) => fieldErrors(action.error?.fields ?? [], p);
  return (
    <section class="panel" aria-labelledby="new-endpoint-title">
      <h2 id="new-endpoint-title">{d.add}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void action.run(() => api.webhooks.create({ url: url.trim(), events, ...(description.trim() ? { description: description.trim() } : {}) })).then((r) => {
            if (!r) return;
            setUrl('');
            setDescription('');
            setEvents(props.types.filter((x) => x.startsWith('booking.')));
            props.onCreated();
          });
        }}
      >
        <TextField label={d.url} hint={d.urlHint} value={url} onValue={setUrl} errors={errs('url')} required type="url" />
        <TextField label={d.description} value={description} onValue={setDescription} errors={errs('description')} maxLength={200} />
        <EventChoice legend={d.events} types={props.types} value={events} onValue={setEvents} errors={errs('events')} />
        {action.error && action.error.fields.length === 0 && <ErrorBox error={action.error} />}
        <Submit busy={action.busy}>{d.add}</Submit>
      </form>
    </section>
  );
}

function Endpoint(props: { ep: WebhookEndpoint; types: WebhookEventType[]; onChanged: () => void }) {
  const d = t.value.webhooks;
  const ep = props.ep;
  const [events, setEvents] = useState<WebhookEventType[]>(ep.events as WebhookEventType[]);
  const [showSecret, setShowSecret] = useState(false);
  const [tested, setTested] = useState(false);
  const [logNonce, setLogNonce] = useState(0);
  const save = useAction();
  const act = useAction();
  const titleId = `endpoint-${ep.id}`;
  const change = (i: Parameters<typeof api.webhooks.update>[0]) => void act.run(() => api.webhooks.update(i)).then((r) => r && props.onChanged());
  return (
    <section class="panel endpoint" aria-labelledby={titleId}>
      <h2 id={titleId} class="url">
        {ep.url}
      </h2>
      {ep.description && <p>{ep.description}</p>}
      <p class={ep.active ? 'state on' : 'state off'}>{ep.active ? d.active : ep.disabledReason ? fmt(d.off, { reason: ep.disabledReason }) : d.offPlain}</p>
      <div class="actions">
        <button type="button" class="secondary" disabled={act.busy} onClick={() => change({ id: ep.id, active: !ep.active })}>
          {ep.active ? d.turnOff : d.turnOn}
        </button>
        <button
          type="button"
          class="secondary"
          disabled={act.busy || !ep.active}
          onClick={() =>
            void act.run(() => api.webhooks.sendTest({ endpointId: ep.id })).then((r) => {
              if (!r) return;
              setTested(true);
              setLogNonce((n) => n + 1);
            })
          }
        >
          {d.sendTest}
        </button>
        <button
          type="button"
          class="danger"
          disabled={act.busy}
          onClick={() => {
            if (confirm(fmt(d.confirmRemove, { url: ep.url }))) void act.run(() => api.webhooks.remove({ id: ep.id })).then((r) => r && props.onChanged());
          }}
        >
          {d.remove}
        </button>
      </div>
      {tested && <Notice>{d.testQueued}</Notice>}
      {act.error && <ErrorBox error={act.error} />}
      <div class="secret-row">
        <strong>{d.secret}</strong> <span class="hint">{d.secretHint}</span>
        <div>
          {showSecret ? (
            <input class="snippet" readOnly value={ep.secret} aria-label={d.secret} size={Math.min(ep.secret.length, 60)} onFocus={(e) => e.currentTarget.select()} />
          ) : (
            <button type="button" class="secondary" onClick={() => setShowSecret(true)}>
              {d.showSecret}
            </button>
          )}{' '}
          <button
            type="button"
            class="secondary"
            disabled={act.busy}
            onClick={() => {
              if (confirm(d.confirmRotate)) change({ id: ep.id, rotateSecret: true });
            }}
          >
            {d.rotate}
          </button>
        </div>
      </div>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save.run(() => api.webhooks.update({ id: ep.id, events })).then((r) => r && props.onChanged());
        }}
      >
        <EventChoice legend={d.events} types={props.types} value={events} onValue={setEvents} errors={fieldErrors(save.error?.fields ?? [], 'events')} />
        {save.done && <Notice>{t.value.app.saved}</Notice>}
        <Submit busy={save.busy}>{d.saveEvents}</Submit>
      </form>
      <DeliveryLog endpointId={ep.id} nonce={logNonce} />
    </section>
  );
}

function DeliveryLog(props: { endpointId: string; nonce: number }) {
  const d = t.value.webhooks;
  const [nonce, setNonce] = useState(0);
  const log = useResource(() => api.webhooks.deliveries({ endpointId: props.endpointId }), [props.endpointId, props.nonce, nonce]);
  const resend = useAction();
  const zone = me.value?.business.timeZone ?? 'UTC';
  const when = (iso: string) => formatDateTime(iso, zone, locale.value);
  return (
    <div class="log">
      <h3>
        {d.log}{' '}
        <button type="button" class="secondary small" onClick={() => setNonce((n) => n + 1)}>
          {d.refresh}
        </button>
      </h3>
      {resend.error && <ErrorBox error={resend.error} />}
      {resend.done && <Notice>{d.resent}</Notice>}
      {log.error ? (
        <ErrorBox error={log.error} retry={log.reload} />
      ) : !log.data ? (
        <Loading />
      ) : log.data.length === 0 ? (
        <p>{d.noDeliveries}</p>
      ) : (
        <div class="table-scroll">
        <table class="keys deliveries">
          <thead>
            <tr>
              <th>{d.when}</th>
              <th>{d.event}</th>
              <th>{d.status}</th>
              <th>{d.code}</th>
              <th>{d.duration}</th>
              <th>{d.attempts}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {log.data.map((x: WebhookDelivery) => (
              <tr key={x.id}>
                <td>{when(x.createdAt)}</td>
                <td>
                  {typeLabel(x.eventType)}
                  <details>
                    <summary>{d.payload}</summary>
                    <div class="hint">
                      <code>webhook-id: {x.id}</code>
                    </div>
                    <pre>{JSON.stringify(x.payload, null, 2)}</pre>
                  </details>
                </td>
                <td>
                  <span class={`st ${x.status}`}>{d.st[x.status]}</span>
                  {x.lastError && x.status !== 'delivered' && <div class="hint">{fmt(d.error, { error: x.lastError })}</div>}
                  {x.status === 'pending' && x.nextAttemptAt && <div class="hint">{fmt(d.nextAttempt, { when: when(x.nextAttemptAt) })}</div>}
                </td>
                <td>{x.lastStatusCode ?? '—'}</td>
                <td>{x.lastDurationMs === null ? '—' : fmt(d.ms, { n: x.lastDurationMs })}</td>
                <td>{x.attempts}</td>
                <td>
                  <button type="button" class="secondary" disabled={resend.busy} onClick={() => void resend.run(() => api.webhooks.redeliver({ deliveryId: x.id })).then((r) => r && setNonce((n) => n + 1))}>
                    {d.resend}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      )}
    </div>
  );
}
