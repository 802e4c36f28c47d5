/**
 * Building blocks every page uses: the page heading that receives focus on navigation,
 * progress and error boxes, and labelled form fields that show their errors beside them.
 */
import type { ComponentChildren, JSX } from 'preact';
import { useId } from 'preact/hooks';
import type { ApiError } from '../api/errors.js';
import { t } from '../i18n/index.js';
import { errorText } from './error-text.js';

export { errorText };

export function Page(props: { title: string; children: ComponentChildren; actions?: ComponentChildren }) {
  return (
    <section class="page" aria-labelledby="page-title">
      <div class="page-head">
        <h1 id="page-title" tabIndex={-1}>
          {props.title}
        </h1>
        {props.actions}
      </div>
      {props.children}
    </section>
  );
}

export function Loading(props: { label?: string }) {
  return (
    <p class="loading" role="status">
      <span class="spinner" aria-hidden="true" />
      {props.label ?? t.value.app.loading}
    </p>
  );
}


export function ErrorBox(props: { error: ApiError | null; retry?: () => void; text?: string }) {
  if (!props.error && !props.text) return null;
  return (
    <div class="error-box" role="alert">
      <p>{props.text ?? errorText(props.error!)}</p>
      {props.retry && (
        <button type="button" class="secondary" onClick={props.retry}>
          {t.value.app.retry}
        </button>
      )}
    </div>
  );
}

/** A polite announcement (saved, copied, sent). */
export function Notice(props: { children: ComponentChildren }) {
  return (
    <p class="notice" role="status">
      {props.children}
    </p>
  );
}

interface FieldProps {
  label: string;
  hint?: string | undefined;
  errors?: readonly string[] | undefined;
  class?: string;
}

/** Label, control, hint and errors wired together with ids (aria-describedby, aria-invalid). */
export function Field(props: FieldProps & { children: (a: { id: string; describedBy: string | undefined; invalid: boolean }) => JSX.Element }) {
  const id = useId();
  const errors = props.errors ?? [];
  const hintId = props.hint ? `${id}-hint` : undefined;
  const errId = errors.length > 0 ? `${id}-err` : undefined;
  const describedBy = [hintId, errId].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`field ${errors.length > 0 ? 'invalid' : ''} ${props.class ?? ''}`}>
      <label for={id}>{props.label}</label>
      {props.children({ id, describedBy, invalid: errors.length > 0 })}
      {props.hint && (
        <p class="hint" id={hintId}>
          {props.hint}
        </p>
      )}
      {errors.length > 0 && (
        <p class="field-error" id={errId}>
          {errors.join(' ')}
        </p>
      )}
    </div>
  );
}

type InputProps = Omit<JSX.InputHTMLAttributes<HTMLInputElement>, 'value' | 'onInput' | 'label'> & {
  label: string;
  value: string;
  onValue: (v: string) => void;
  hint?: string | undefined;
  errors?: readonly string[] | undefined;
};

export function TextField({ label, value, onValue, hint, errors, class: cls, ...rest }: InputProps) {
  return (
    <Field label={label} hint={hint} errors={errors} class={typeof cls === 'string' ? cls : ''}>
      {({ id, describedBy, invalid }) => (
        <input
          id={id}
          type="text"
          {...rest}
          value={value}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          onInput={(e) => onValue(e.currentTarget.value)}
        />
      )}
    </Field>
  );
}

export function TextArea(props: { label: string; value: string; onValue: (v: string) => void; hint?: string; errors?: readonly string[]; rows?: number; required?: boolean }) {
  return (
    <Field label={props.label} hint={props.hint} errors={props.errors}>
      {({ id, describedBy, invalid }) => (
        <textarea
          id={id}
          rows={props.rows ?? 3}
          required={props.required}
          value={props.value}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          onInput={(e) => props.onValue(e.currentTarget.value)}
        />
      )}
    </Field>
  );
}

export function SelectField<V extends string>(props: {
  label: string;
  value: V;
  options: readonly { value: V; label: string }[];
  onValue: (v: V) => void;
  hint?: string;
  errors?: readonly string[] | undefined;
  class?: string;
}) {
  return (
    <Field label={props.label} hint={props.hint} errors={props.errors} class={props.class ?? ''}>
      {({ id, describedBy, invalid }) => (
        <select id={id} value={props.value} aria-describedby={describedBy} aria-invalid={invalid || undefined} onChange={(e) => props.onValue(e.currentTarget.value as V)}>
          {props.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function Checkbox(props: { label: string; checked: boolean; onChange: (v: boolean) => void; hint?: string }) {
  const id = useId();
  return (
    <div class="check">
      <input id={id} type="checkbox" checked={props.checked} onChange={(e) => props.onChange(e.currentTarget.checked)} />
      <label for={id}>{props.label}</label>
    </div>
  );
}

/** A submit button that says it is working and cannot be pressed twice. */
export function Submit(props: { busy: boolean; children: ComponentChildren; busyLabel?: string }) {
  return (
    <button type="submit" class="primary" disabled={props.busy} aria-busy={props.busy || undefined}>
      {props.busy ? (props.busyLabel ?? t.value.app.saving) : props.children}
    </button>
  );
}
