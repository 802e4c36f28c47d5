/**
 * Messengers (owner): connect the business's Telegram bot by pasting the token BotFather gave,
 * see its link, replace or disconnect it; WhatsApp below (whatsapp-channel.tsx). The token goes to the server once and never comes back.
 */
import { useState } from 'preact/hooks';
import { api } from '../api/api.js';
import { fieldErrors } from '../api/errors.js';
import { fmt, t } from '../i18n/index.js';
import { ErrorBox, Loading, Page, Submit, TextField } from '../ui/common.js';
import { useAction, useResource } from '../ui/resource.js';
import { WhatsAppChannel } from './whatsapp-channel.js';

export function ChannelsPage() {
  const d = t.value.channels;
  const status = useResource(() => api.channels.status(), []);
  const action = useAction();
  const [token, setToken] = useState('');
  const s = status.data;
  const telegram = s?.channels.find((c) => c.channel === 'telegram');
  const whatsapp = s?.channels.find((c) => c.channel === 'whatsapp');
  return (
    <Page title={d.title}>
      {status.error ? (
        <ErrorBox error={status.error} retry={status.reload} />
      ) : !s ? (
        <Loading />
      ) : !s.enabled ? (
        <p>{d.off}</p>
      ) : (
        <>
          <p>{d.intro}</p>
          <section class="panel" aria-labelledby="telegram-title">
            <h2 id="telegram-title">{d.telegram}</h2>
            {telegram?.demo && <p class="badge demo">{d.demo}</p>}
            {telegram?.connected &&
              (telegram.status === 'ok' ? (
                <p class="ok">
                  {fmt(d.connected, { username: `@${telegram.username ?? ''}` })}{' '}
                  {telegram.link && (
                    <a href={telegram.link} target="_blank" rel="noopener noreferrer">
                      {d.openBot}
                    </a>
                  )}
                </p>
              ) : (
                <p role="alert" class="error-box">
                  {fmt(d.broken, { reason: telegram.brokenReason ?? '' })}
                </p>
              ))}
            <p>{d.telegramSteps}</p>
            <form
              onSubmit={(e) => {
                e.preventDefault();
                void action.run(() => api.channels.connectTelegram(token)).then((r) => {
                  if (!r) return;
                  setToken('');
                  status.set(r);
                });
              }}
            >
              <TextField
                label={d.token}
                hint={d.tokenHint}
                value={token}
                onValue={setToken}
                autocomplete="off"
                spellcheck={false}
                required
                // The server's reason is English; the owner reads it in the console's language.
                errors={fieldErrors(action.error?.fields ?? [], 'token').length ? [d.tokenInvalid] : []}
              />
              <Submit busy={action.busy}>{telegram?.connected ? d.replace : d.connect}</Submit>
            </form>
            {telegram?.connected && (
              <button type="button" class="danger" disabled={action.busy} onClick={() => void action.run(() => api.channels.disconnectTelegram()).then((r) => r && status.set(r))}>
                {d.disconnect}
              </button>
            )}
            <ErrorBox error={action.error} />
          </section>
          {whatsapp?.channel === 'whatsapp' && <WhatsAppChannel view={whatsapp} onStatus={status.set} />}
        </>
      )}
    </Page>
  );
}
