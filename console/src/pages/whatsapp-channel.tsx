/**
 * The WhatsApp part of Messengers (owner): the phone number id, access token and app secret from
 * Meta's App Dashboard (the token and secret go to the server once and never come back), the
 * template names per client language, and — once connected — the callback URL and verify token
 * to paste into the dashboard's webhook form.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ChannelsStatus } from '../api/contract.js';
import { api } from '../api/api.js';
import { fieldErrors } from '../api/errors.js';
import { fmt, t } from '../i18n/index.js';
import { ErrorBox, Submit, TextField } from '../ui/common.js';
import { useAction } from '../ui/resource.js';

type View = Extract<ChannelsStatus['channels'][number], { channel: 'whatsapp' }>;
type Lang = 'en' | 'ru' | 'hy';
type TemplateSet = { code: string; reminder: string; notice: string };

const LANGS: ReadonlyArray<{ lang: Lang; name: string }> = [
  { lang: 'en', name: 'English' },
  { lang: 'ru', name: 'Русский' },
  { lang: 'hy', name: 'Հայերեն' },
];
const EMPTY: TemplateSet = { code: '', reminder: '', notice: '' };

export function WhatsAppChannel(props: { view: View; onStatus: (s: ChannelsStatus) => void }) {
  const d = t.value.whatsapp;
  const v = props.view;
  const action = useAction();
  const [phoneNumberId, setPhoneNumberId] = useState(v.phoneNumberId ?? '');
  const [accessToken, setAccessToken] = useState('');
  const [appSecret, setAppSecret] = useState('');
  const [templates, setTemplates] = useState<Record<Lang, TemplateSet>>({ en: EMPTY, ru: EMPTY, hy: EMPTY, ...v.templates });
  useEffect(() => {
    setPhoneNumberId(v.phoneNumberId ?? '');
    setTemplates({ en: EMPTY, ru: EMPTY, hy: EMPTY, ...v.templates });
  }, [v.phoneNumberId, JSON.stringify(v.templates)]);
  const errs = (path: string) => (fieldErrors(action.error?.fields ?? [], path).length ? [d.invalid] : []);
  const setTemplate = (lang: Lang, k: keyof TemplateSet, value: string) => setTemplates({ ...templates, [lang]: { ...templates[lang], [k]: value } });

  return (
    <section class="panel" aria-labelledby="whatsapp-title">
      <h2 id="whatsapp-title">{d.title}</h2>
      {v.demo && <p class="badge demo">{d.demo}</p>}
      {v.connected &&
        (v.status === 'ok' ? (
          <p class="ok">{fmt(d.connected, { number: v.displayPhoneNumber ?? '', name: v.verifiedName ?? '' })}</p>
        ) : (
          <p role="alert" class="error-box">
            {fmt(d.broken, { reason: v.brokenReason ?? '' })}
          </p>
        ))}
      <p>{d.steps}</p>
      {v.connected && (
        <dl class="copy-list">
          <dt>{d.callbackUrl}</dt>
          <dd>
            <code>{v.callbackUrl}</code>
          </dd>
          <dt>{d.verifyToken}</dt>
          <dd>
            <code>{v.verifyToken}</code>
          </dd>
        </dl>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void action.run(() => api.channels.connectWhatsApp({ phoneNumberId, accessToken, appSecret, templates })).then((r) => {
            if (!r) return;
            setAccessToken('');
            setAppSecret('');
            props.onStatus(r);
          });
        }}
      >
        <TextField label={d.phoneNumberId} value={phoneNumberId} onValue={setPhoneNumberId} inputMode="numeric" autocomplete="off" required errors={errs('phoneNumberId')} />
        <TextField label={d.accessToken} hint={d.accessTokenHint} value={accessToken} onValue={setAccessToken} autocomplete="off" spellcheck={false} required={!v.connected} errors={errs('accessToken')} />
        <TextField label={d.appSecret} hint={d.appSecretHint} value={appSecret} onValue={setAppSecret} autocomplete="off" spellcheck={false} required={!v.connected} errors={errs('appSecret')} />
        <h3>{d.templates}</h3>
        <p class="hint">{d.templatesIntro}</p>
        {LANGS.map(({ lang, name }) => (
          <fieldset key={lang} class="inline-set">
            <legend>
              {d.clientsIn}: {name}
            </legend>
            <TextField label={d.code} hint={lang === 'hy' ? d.codeHint : undefined} value={templates[lang].code} onValue={(x) => setTemplate(lang, 'code', x)} autocomplete="off" spellcheck={false} errors={errs(`templates.${lang}.code`)} />
            <TextField label={d.reminder} value={templates[lang].reminder} onValue={(x) => setTemplate(lang, 'reminder', x)} autocomplete="off" spellcheck={false} errors={errs(`templates.${lang}.reminder`)} />
            <TextField label={d.notice} value={templates[lang].notice} onValue={(x) => setTemplate(lang, 'notice', x)} autocomplete="off" spellcheck={false} errors={errs(`templates.${lang}.notice`)} />
          </fieldset>
        ))}
        <Submit busy={action.busy}>{v.connected ? d.save : d.connect}</Submit>
      </form>
      {v.connected && (
        <button type="button" class="danger" disabled={action.busy} onClick={() => void action.run(() => api.channels.disconnectWhatsApp()).then((r) => r && props.onStatus(r))}>
          {d.disconnect}
        </button>
      )}
      <ErrorBox error={action.error} />
    </section>
  );
}
