import { h } from 'preact';
import type { Prompt } from '../flow/port';
import type { View } from './view';

type ContactPrompt = Extract<Prompt, { kind: 'contact' }>;
type CodePrompt = Extract<Prompt, { kind: 'code' }>;

/** A labelled input whose error (the server's words) is tied to it (aria-invalid + aria-describedby). */
function Field({ v, k, label, error, type = 'text', auto, area }: {
  v: View; k: string; label: string; error?: string | undefined; type?: string; auto?: string; area?: boolean;
}) {
  const id = `fd-${k}`;
  const props = {
    id, name: k, value: v.draft[k] ?? '', 'aria-invalid': !!error,
    'aria-describedby': error ? `${id}-e` : undefined,
    onInput: (e: Event) => void (v.draft[k] = (e.currentTarget as HTMLInputElement).value),
  };
  return (
    <div>
      <label for={id}>{label}</label>
      {area ? <textarea rows={3} {...props} /> : <input type={type} autocomplete={auto} {...props} />}
      {error ? <p id={`${id}-e`} class="err">{error}</p> : null}
    </div>
  );
}

/**
 * Contact details for a booking, a hand-off or a look-up: the fields the server asks for, one
 * "phone or e-mail" field, and the consent tick where the law needs it. The server validates;
 * its field errors come back with the prompt.
 */
export function ContactForm({ v, p }: { v: View; p: ContactPrompt }) {
  const { m, t, draft } = v;
  const e = p.errors ?? {};
  for (const k of ['name', 'contact'] as const) if (p.values?.[k] && draft[k] === undefined) draft[k] = p.values[k];
  return (
    <form noValidate onSubmit={(ev) => {
      ev.preventDefault();
      const consent = (ev.currentTarget.elements.namedItem('consent') as HTMLInputElement | null)?.checked ?? false;
      void m.send({
        type: 'contact', consent,
        ...(p.fields.includes('name') ? { name: draft.name ?? '' } : {}),
        ...(p.fields.includes('contact') ? { contact: draft.contact ?? '' } : {}),
        ...(p.fields.includes('message') ? { message: draft.message ?? '' } : {}),
      });
    }}>
      {p.fields.includes('message') ? <Field v={v} k="message" label={t.text} error={e.message} area /> : null}
      {p.fields.includes('name') ? <Field v={v} k="name" label={t.name} error={e.name} auto="name" /> : null}
      {p.fields.includes('contact') ? <Field v={v} k="contact" label={t.contact} error={e.contact} auto="email" /> : null}
      {p.consent.required ? (
        <div>
          <label class="check">
            <input type="checkbox" name="consent" aria-invalid={!!e.consent} aria-describedby={e.consent ? 'fd-c-e' : undefined} />
            <span>{p.consent.text}</span>
          </label>
          {e.consent ? <p id="fd-c-e" class="err">{e.consent}</p> : null}
        </div>
      ) : null}
      <button class="btn">{p.submit}</button>
    </form>
  );
}

/** The one-time code of "My booking". */
export function CodeForm({ v, p }: { v: View; p: CodePrompt }) {
  const { m, t } = v;
  return (
    <form noValidate onSubmit={(ev) => {
      ev.preventDefault();
      const input = ev.currentTarget.elements.namedItem('code') as HTMLInputElement;
      const code = input.value.replace(/\D/g, '');
      input.value = '';
      if (code) void m.send({ type: 'code', code });
      else input.focus();
    }}>
      <div>
        <label for="fd-code">{t.code}</label>
        <input id="fd-code" name="code" inputMode="numeric" autocomplete="one-time-code" maxLength={p.length + 4}
          aria-invalid={!!p.error} aria-describedby={p.error ? 'fd-code-e' : undefined} />
        {p.error ? <p id="fd-code-e" class="err">{p.error}</p> : null}
      </div>
      <button class="btn">{t.send}</button>
    </form>
  );
}
