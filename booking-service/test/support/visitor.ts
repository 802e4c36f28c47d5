/**
 * One visitor's side of a server-held conversation through the public API (createCaller): sends
 * events, keeps the id, token and seq cursor like the widget does, and collects the transcript.
 */
import type { ConversationSource, ConversationView, VisitorEvent } from '../../src/domain/conversation/protocol.js';
import type { Harness } from './harness.js';

export function visitor(h: Harness, siteKey: string, lang: 'ru' | 'hy' | 'en' = 'en', opts: { origin?: string; source?: ConversationSource } = {}) {
  let v: ConversationView | null = null;
  const all: ConversationView['messages'] = [];
  return {
    get view(): ConversationView {
      if (!v) throw new Error('no turn yet');
      return v;
    },
    /** Every message received so far, in order. */
    transcript: all,
    async send(event: VisitorEvent): Promise<ConversationView> {
      v = await h.caller(opts.origin).conversation.send({
        siteKey,
        lang,
        after: v?.seq ?? 0,
        event,
        ...(v ? { conversationId: v.conversationId, token: v.token } : opts.source ? { source: opts.source } : {}),
      });
      all.push(...v.messages);
      return v;
    },
    /** The id of the option (choice or confirm) whose label contains `label`. */
    option(label: string): string {
      const p = v?.prompt;
      const options = p?.kind === 'choice' ? p.options : p?.kind === 'confirm' ? [p.yes, p.no] : [];
      const o = options.find((x) => x.label.includes(label));
      if (!o) throw new Error(`no option "${label}" in ${JSON.stringify(p)}`);
      return o.id;
    },
  };
}
export type Visitor = ReturnType<typeof visitor>;

/** Books the first nearest time of `service` with anyone, in the chat, with consent; the booking card. */
export async function bookInChat(v: Visitor, service: string, name: string, contact: string) {
  await v.send({ type: 'choose', optionId: 'intent:book' });
  await v.send({ type: 'choose', optionId: v.option(service) });
  await v.send({ type: 'choose', optionId: v.option('Anyone') });
  const p = v.view.prompt;
  if (p.kind !== 'slots') throw new Error(`not a slots prompt: ${p.kind}`);
  await v.send({ type: 'choose', optionId: p.slots[0]!.id });
  await v.send({ type: 'contact', name, contact, consent: true });
  const card = v.view.messages.find((m) => m.card?.kind === 'booking')?.card;
  if (card?.kind !== 'booking') throw new Error('no booking card');
  return card;
}
