import { signal } from '@preact/signals-core';
import { createModel } from './model';
import type { Chat, HandoffStart } from './chat';
import { customer, serverErrors, validate } from './contact';
import type { IntentId } from '@frontdesk/shared';

/**
 * "Talk to a person" and "other": a message and a contact go to the staff inbox;
 * the visitor is told when to expect an answer (the service computes it from the
 * opening hours).
 */
export const Handoff = createModel((chat: Chat) => {
  const stage = signal<'form' | 'sent'>('form');
  const intent = signal<IntentId>('human');
  const summary = signal('');
  const { draft, errors } = chat;

  function start(opts: HandoffStart): void {
    chat.go('handoff');
    intent.value = opts.intent;
    summary.value = opts.summary ?? '';
    if (opts.message) draft.value = { ...draft.value, message: opts.message };
    stage.value = 'form';
    chat.bot({ k: 'handoff' });
  }

  async function submit(): Promise<boolean> {
    const d = draft.value;
    const e = validate(d, { message: true });
    errors.value = e;
    if (Object.keys(e).length) return false;
    const input = {
      siteKey: chat.siteKey.value, message: d.message.trim(), contact: customer(d), lang: chat.lang.value,
      intent: intent.value, ...(summary.value ? { summary: summary.value } : {}),
    };
    const r = await chat.call(() => chat.deps.api.handoff(input), () => void submit(), ['BAD_REQUEST']);
    if (!r.ok) {
      errors.value = serverErrors(r.error.fields);
      return !Object.keys(errors.value).length;
    }
    stage.value = 'sent';
    draft.value = { ...draft.value, message: '' };
    chat.bot({ k: 'sent', by: r.data.expectedReplyBy });
    chat.deps.emit('handoff', { id: r.data.id, intent: intent.value, expectedReplyBy: r.data.expectedReplyBy });
    return true;
  }

  return { stage, intent, summary, start, submit };
});
export type Handoff = InstanceType<typeof Handoff>;
