import { h } from 'preact';
import type { Field as Key } from '../flow/contact';
import type { View } from './view';

/** A labelled input whose error is tied to it (aria-invalid + aria-describedby). */
function Field({ v, k, label, type = 'text', auto, hint }: { v: View; k: Key; label: string; type?: string; auto?: string; hint?: boolean }) {
  const { m } = v;
  const id = `fd-${k}`;
  const error = m.errors.value[k];
  const props = {
    id, name: k, value: m.draft.value[k] as string, 'aria-invalid': !!error,
    'aria-describedby': [error && `${id}-e`, hint && 'fd-hint'].filter(Boolean).join(' ') || undefined,
    onInput: (e: Event) => m.edit(k, (e.currentTarget as HTMLInputElement).value),
  };
  return (
    <div>
      <label for={id}>{label}</label>
      {k === 'message' ? <textarea rows={3} {...props} /> : <input type={type} autocomplete={auto} {...props} />}
      {error ? <p id={`${id}-e`} class="err">{v.t.err[error]}</p> : null}
    </div>
  );
}

/**
 * The contact form shared by booking (with consent) and hand-off (with a message).
 * On a rejected submit, focus goes to the first field to fix.
 */
export function ContactForm({ v, submit, label, message, children }: {
  v: View; submit: () => Promise<boolean>; label: string; message?: boolean; children?: preact.ComponentChildren;
}) {
  const { m, t } = v;
  const consentError = m.errors.value.consent;
  return (
    <form noValidate onSubmit={async (e) => {
      e.preventDefault();
      const form = e.currentTarget;
      if (!(await submit())) form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    }}>
      {message ? <Field v={v} k="message" label={t.text} /> : null}
      <Field v={v} k="name" label={t.name} auto="name" />
      <Field v={v} k="phone" label={t.phone} type="tel" auto="tel" hint />
      <Field v={v} k="email" label={t.email} type="email" auto="email" hint />
      <p id="fd-hint" class="note">{t.hint}</p>
      {message ? null : (
        <div>
          <label class="check">
            <input type="checkbox" checked={m.draft.value.consent} aria-invalid={!!consentError} aria-describedby={consentError ? 'fd-c-e' : undefined}
              onChange={(e) => m.edit('consent', (e.currentTarget).checked)} />
            <span>{t.consent}</span>
          </label>
          {consentError ? <p id="fd-c-e" class="err">{t.err[consentError]}</p> : null}
        </div>
      )}
      <button class="btn">{label}</button>
      {children}
    </form>
  );
}
