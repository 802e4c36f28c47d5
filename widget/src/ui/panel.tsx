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
            <span aria-hidden="true">✕</span>
          </button>
        )}
      </header>
      <div class="body">
        <Log v={v} />
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
        const input = (e.currentTarget).elements.namedItem('q') as HTMLInputElement;
        const text = input.value;
        input.value = '';
        m.ask(text);
      }}>
        <input name="q" aria-label={t.message} placeholder={m.prompt.value?.kind === 'text' ? m.prompt.value.placeholder : t.message} maxLength={5000} />
        <button aria-label={t.send}>
          <span aria-hidden="true">➤</span>
        </button>
      </form>
    </div>
  );
}
