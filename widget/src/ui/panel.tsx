import { h } from 'preact';
import type { Lang } from '@frontdesk/shared';
import { fill } from '../i18n';
import { Log } from './log';
import { Step } from './steps';
import type { View } from './view';

/** The server's limit on one message (api/routers/conversation.ts TEXT_MAX). */
export const TEXT_MAX = 5000;
/** The counter shows from here on, so the limit is never a surprise. */
export const TEXT_WARN = 4500;

/** Each language named in itself: a visitor finds their own even when they can't read the others. */
const ENDONYMS: Record<Lang, string> = { en: 'English', ru: 'Русский', hy: 'Հայերեն' };

/** The header's language switcher, when the site speaks more than one. */
function Languages({ v }: { v: View }) {
  const { m, t } = v;
  const offered = m.site.value?.business.languages ?? [];
  if (offered.length < 2) return null;
  return (
    <select class="lang" aria-label={t.language} value={m.lang.value} onChange={(e) => m.switchLang(e.currentTarget.value as Lang)}>
      {offered.map((l) => <option key={l} value={l} lang={l}>{ENDONYMS[l]}</option>)}
    </select>
  );
}

/**
 * The message box. Past TEXT_WARN characters a counter shows how many are left; past TEXT_MAX the
 * message says so and is not sent (it stays in the box to be shortened), rather than failing on
 * the server and offering a retry that would fail again.
 */
function Composer({ v }: { v: View }) {
  const { m, t, typed } = v;
  const n = typed.value;
  const over = n > TEXT_MAX;
  return (
    <div class="foot">
      {n ? (
        <p id="fd-count" class={over ? 'count err' : 'count'} role={over ? 'alert' : undefined}>
          {over ? `${fill(t.tooLong, { max: String(TEXT_MAX) })} ` : ''}{n} / {TEXT_MAX}
        </p>
      ) : null}
      <form class="compose" onSubmit={(e) => {
        e.preventDefault();
        const input = (e.currentTarget).elements.namedItem('q') as HTMLInputElement;
        if (input.value.length > TEXT_MAX) return input.focus();
        const text = input.value;
        input.value = '';
        typed.value = 0;
        m.ask(text);
      }}>
        <input name="q" aria-label={t.message} placeholder={m.prompt.value?.kind === 'text' ? m.prompt.value.placeholder : t.message}
          aria-invalid={over} aria-describedby={n ? 'fd-count' : undefined}
          onInput={(e) => {
            const len = e.currentTarget.value.length;
            // Re-rendered only near the limit: typing a short message costs no render.
            if (len > TEXT_WARN || typed.value) typed.value = len > TEXT_WARN ? len : 0;
          }} />
        <button aria-label={t.send}>
          <span aria-hidden="true">➤</span>
        </button>
      </form>
    </div>
  );
}

/** The chat panel: a labelled dialog (a region when inline) with header, transcript, controls and composer. */
export function Panel({ v }: { v: View }) {
  const { m, t } = v;
  const site = m.site.value;
  const problem = m.problem.value;
  return (
    <div class="dlg" role={v.inline ? 'region' : 'dialog'} aria-labelledby="fd-title" tabIndex={-1} lang={m.lang.value}
      onKeyDown={(e) => e.key === 'Escape' && v.close()}>
      <header>
        <h2 id="fd-title">{site?.business.name ?? t.title}</h2>
        <Languages v={v} />
        {v.inline ? null : (
          <button type="button" class="x" aria-label={t.close} onClick={v.close}>
            <span aria-hidden="true">✕</span>
          </button>
        )}
      </header>
      <div class="body">
        <Log v={v} />
        {problem ? (
          <div class="problem" role="alert">
            <p>{(t.problem as Record<string, string>)[problem.code] ?? t.problem.other}</p>
            {problem.retry ? <button type="button" onClick={problem.retry}>{t.retry}</button> : null}
          </div>
        ) : null}
        <Step v={v} />
      </div>
      <Composer v={v} />
    </div>
  );
}
