/**
 * A destructive button that asks first, in place: "Remove Question 2?" with "Yes, remove" and
 * "Keep" (no browser confirm()). The question takes the button's place, so the owner's eyes stay
 * where they clicked.
 */
import { useState } from 'preact/hooks';
import { t } from '../i18n/index.js';

export function RemoveButton(props: { label: string; ask: string; onRemove: () => void; named?: string; small?: boolean; class?: string }) {
  const [asking, setAsking] = useState(false);
  const size = props.small ? ' small' : '';
  const cls = props.class ? ` ${props.class}` : '';
  if (!asking) {
    return (
      <button type="button" class={`danger${size}${cls}`} aria-label={props.named ? `${props.label}: ${props.named}` : undefined} onClick={() => setAsking(true)}>
        {props.label}
      </button>
    );
  }
  return (
    <span class={`remove-ask${cls}`} role="group" aria-label={props.ask}>
      <span>{props.ask}</span>{' '}
      <button
        type="button"
        class={`danger${size}`}
        ref={(el) => el?.focus()}
        onClick={() => {
          setAsking(false);
          props.onRemove();
        }}
      >
        {t.value.chatDetails.yesRemove}
      </button>{' '}
      <button type="button" class={`secondary${size}`} onClick={() => setAsking(false)}>
        {t.value.chatDetails.keep}
      </button>
    </span>
  );
}
