import { h } from 'preact';
import type { IntentId } from '@frontdesk/shared';
import type { Option, Prompt } from '../flow/port';
import { fill } from '../i18n';
import { CodeForm, ContactForm } from './forms';
import { Slots } from './slots';
import type { View } from './view';

/** Quick replies: one button per option (sent back by id), then "Menu" to leave the current flow. */
function Chips({ v, items = [], menu = true, label }: { v: View; items?: Option[] | undefined; menu?: boolean; label?: string }) {
  const { m, t, f } = v;
  return (
    <ul aria-label={label}>
      {items.map((c) => (
        <li key={c.id}><button type="button" onClick={() => m.choose(c.id, c.label)}>{f.text(c.label)}{c.detail ? <small>{f.text(c.detail)}</small> : null}</button></li>
      ))}
      {menu ? <li><button type="button" onClick={() => m.menu(t.menu)}>{t.menu}</button></li> : null}
    </ul>
  );
}

/**
 * A number answer, with the allowed range beside the field. A number out of range still goes to
 * the server, whose answer names the range (0, −1 or 500 must not just sit there unexplained).
 */
function NumberForm({ v, p }: { v: View; p: Extract<Prompt, { kind: 'number' }> }) {
  const unit = p.unit ? ` ${p.unit}` : '';
  return (
    <form noValidate onSubmit={(e) => {
      e.preventDefault();
      const input = e.currentTarget.elements.namedItem('n') as HTMLInputElement;
      // An empty value is also what the browser gives for something that is not a number.
      if (input.value) void v.m.send({ type: 'number', value: +input.value }, input.value + unit);
      else input.focus();
    }}>
      <label for="fd-n">{v.t.answer}{unit}</label>
      <input id="fd-n" name="n" type="number" inputMode="decimal" min={p.min} max={p.max} step={p.step} aria-describedby="fd-n-r" />
      <p id="fd-n-r" class="note">{fill(v.t.range, { min: String(p.min), max: String(p.max) })}{unit}</p>
      <button class="btn">{v.t.send}</button>
    </form>
  );
}

/**
 * The intent menu before the first turn: the site's labels (or the widget's words) for the fixed
 * `intent:*` option ids, so the greeting and the menu need no network.
 */
function localMenu(v: View): Prompt {
  const { m, t } = v;
  const intents = m.site.value?.widget.intents ?? (Object.keys(t.intents) as IntentId[]).map((id) => ({ id, label: null }));
  return { kind: 'choice', menu: true, options: intents.map((i) => ({ id: `intent:${i.id}`, label: i.label || t.intents[i.id] })) };
}

/** Prompts that are only buttons hide while the answer comes; forms stay, with what was typed. */
const FORMS = new Set(['contact', 'code', 'number']);

/** The controls for what the visitor can do now, as the server said (or the local menu). */
export function Step({ v }: { v: View }) {
  const { m } = v;
  const p = m.prompt.value ?? (m.saved.value ? null : localMenu(v));
  if (!p || (m.busy.value && !FORMS.has(p.kind))) return <div class="step" />;
  const actions = p.kind === 'choice' || p.kind === 'confirm' ? undefined : p.actions;
  return (
    <div class="step">
      {p.kind === 'slots' ? <Slots v={v} p={p} />
        : p.kind === 'contact' ? <ContactForm v={v} p={p} />
        : p.kind === 'code' ? <CodeForm v={v} p={p} />
        : p.kind === 'number' ? <NumberForm v={v} p={p} />
        : null}
      <Chips v={v} items={p.kind === 'choice' ? p.options : p.kind === 'confirm' ? [p.yes, p.no] : actions}
        menu={!(p.kind === 'choice' && p.menu)} label={p.kind === 'confirm' ? p.question : undefined} />
    </div>
  );
}
