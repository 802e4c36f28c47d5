import { h } from 'preact';
import { Log } from './log';
import { Step } from './steps';
import type { View } from './view';

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
        {v.inline ? null : (
          <button type="button" class="x" aria-label={t.close} onClick={v.close}>
            <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M6.4 5 12 10.6 17.6 5 19 6.4 13.4 12 19 17.6 17.6 19 12 13.4 6.4 19 5 17.6 10.6 12 5 6.4z" /></svg>
          </button>
        )}
      </header>
      <div class="body">
        <Log v={v} />
        {m.busy.value ? <p aria-hidden="true">•••</p> : null}
        {problem ? (
          <div class="problem" role="alert">
            <p>{(t.problem as Record<string, string>)[problem.code] ?? t.problem.other}</p>
            <button type="button" onClick={problem.retry}>{t.retry}</button>
          </div>
        ) : null}
        <Step v={v} />
      </div>
      <form class="compose" onSubmit={(e) => {
        e.preventDefault();
        const input = (e.currentTarget as HTMLFormElement).elements.namedItem('q') as HTMLInputElement;
        const text = input.value;
        input.value = '';
        void m.ask(text);
      }}>
        <input name="q" aria-label={t.message} placeholder={t.message} autocomplete="off" enterKeyHint="send" maxLength={500} />
        <button aria-label={t.send}>
          <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M3 20.5V14l9-2-9-2V3.5L22 12z" /></svg>
        </button>
      </form>
    </div>
  );
}
