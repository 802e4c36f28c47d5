/**
 * The engine's answer as WhatsApp Cloud API messages (pure). Each bot or staff message of the
 * transcript is one text message; the prompt on screen becomes an interactive message on the
 * last one: reply buttons when it has at most 3 short choices, a list message otherwise (the
 * Cloud API's limits: 3 buttons with titles ≤ 20 characters; a list of ≤ 10 rows, titles ≤ 24,
 * descriptions ≤ 72; an interactive body ≤ 1024). A tapped reply comes back as its id, read by
 * `replyEvent` — the same ids as Telegram's callback data, so both channels feed the engine alike.
 */
import type { Lang, Prompt, TranscriptMessage, VisitorEvent } from '../conversation/protocol.js';
import { dayWords, instantWords } from '../conversation/words/format.js';
import { callbackEvent, cardText } from './telegram-render.js';
import { channelWord } from './words.js';

export interface WaReplyButton { type: 'reply'; reply: { id: string; title: string } }
export interface WaListRow { id: string; title: string; description?: string | undefined }

export type WaInteractive =
  | { type: 'button'; body: { text: string }; action: { buttons: WaReplyButton[] } }
  | { type: 'list'; body: { text: string }; action: { button: string; sections: Array<{ title?: string | undefined; rows: WaListRow[] }> } };

export interface WaTemplateParameter { type: 'text'; text: string }
export type WaTemplateComponent =
  | { type: 'body'; parameters: WaTemplateParameter[] }
  | { type: 'button'; sub_type: 'quick_reply'; index: string; parameters: Array<{ type: 'payload'; payload: string }> };

/** One outbound message's content (the request body without `messaging_product`/`to`). */
export type WaOut =
  | { type: 'text'; text: { body: string; preview_url?: boolean } }
  | { type: 'interactive'; interactive: WaInteractive }
  | { type: 'template'; template: { name: string; language: { code: string }; components?: WaTemplateComponent[] } };

/** The Cloud API's caps (characters), from its message reference. */
export const WA_LIMITS = { text: 4096, body: 1024, buttons: 3, buttonTitle: 20, rows: 10, rowTitle: 24, rowDescription: 72, listButton: 20, replyId: 200 } as const;

/** The reply id of "Use my number" under a contact form: WhatsApp tells us the sender's number. */
export const SHARE_NUMBER = 'share';

const clip = (s: string, n: number) => (s.length <= n ? s : `${s.slice(0, n - 1)}…`);

interface Choice { id: string; title: string; description?: string | undefined }

/** The prompt's choices in the order they matter (the first ten fit a list). */
function choicesOf(prompt: Prompt, lang: Lang): { hint?: string; choices: Choice[] } {
  const menu: Choice = { id: 'menu', title: channelWord(lang, 'menu') };
  const opts = (os: Array<{ id: string; label: string; detail?: string | undefined }> | undefined) =>
    (os ?? []).map((o) => ({ id: `o:${o.id}`, title: o.label, description: o.detail }));
  switch (prompt.kind) {
    case 'choice':
      return { choices: [...opts(prompt.options), ...(prompt.menu ? [] : [menu])] };
    case 'confirm':
      return { hint: prompt.question, choices: [...opts([prompt.yes, prompt.no]), menu] };
    case 'slots': {
      const slots = prompt.slots.map((s) => {
        const w = instantWords(Date.parse(s.start), prompt.timeZone, lang);
        return { id: `o:${s.id}`, title: prompt.day ? w.time : `${w.date}, ${w.time}`, description: s.staffName ?? undefined };
      });
      const days = prompt.days.filter((d) => d.free && d.date !== prompt.day).map((d) => ({ id: `d:${d.date}`, title: dayWords(d.date, lang).date }));
      const tail = [...(prompt.more ? [{ id: 'more', title: channelWord(lang, 'moreTimes') }] : []), ...opts(prompt.actions), menu];
      // Times first, then a few other days, then "more"/actions/menu — ten rows in all.
      const room = WA_LIMITS.rows - tail.length;
      const shownSlots = slots.slice(0, Math.max(0, Math.min(slots.length, room - Math.min(days.length, 3))));
      const shownDays = days.slice(0, Math.max(0, room - shownSlots.length));
      return { ...(slots.length === 0 ? { hint: channelWord(lang, 'noTimes') } : {}), choices: [...shownSlots, ...shownDays, ...tail] };
    }
    case 'contact': {
      const errors = prompt.errors ? Object.values(prompt.errors).filter(Boolean).join(' ') : '';
      const errorLine = errors ? `${channelWord(lang, 'fieldErrors', { errors })}\n` : '';
      if (!prompt.fields.includes('name')) return { hint: `${errorLine}${channelWord(lang, 'lookupHint')}`, choices: [] };
      return { hint: `${errorLine}${channelWord(lang, 'waContactHint', { consent: prompt.consent.text })}`, choices: [{ id: SHARE_NUMBER, title: channelWord(lang, 'useMyNumber') }, ...opts(prompt.actions)] };
    }
    case 'code':
      return { hint: [prompt.error, channelWord(lang, 'codeHint', { length: prompt.length, sentTo: prompt.sentTo })].filter(Boolean).join('\n'), choices: opts(prompt.actions) };
    case 'number':
      return { hint: channelWord(lang, 'numberHint', { min: prompt.min, max: prompt.max, unit: prompt.unit ? ` ${prompt.unit}` : '' }), choices: opts(prompt.actions) };
    case 'text':
      return { choices: opts(prompt.actions) };
  }
}

/** Choices as reply buttons (≤ 3, short titles) or a list (≤ 10 rows); ids too long are left out. */
export function interactiveOf(body: string, choices: Choice[], lang: Lang): WaInteractive | null {
  const usable = choices.filter((c) => c.id.length <= WA_LIMITS.replyId);
  if (usable.length === 0) return null;
  const text = clip(body, WA_LIMITS.body);
  if (usable.length <= WA_LIMITS.buttons && usable.every((c) => c.title.length <= WA_LIMITS.buttonTitle && !c.description)) {
    return { type: 'button', body: { text }, action: { buttons: usable.map((c) => ({ type: 'reply', reply: { id: c.id, title: c.title } })) } };
  }
  const rows = usable.slice(0, WA_LIMITS.rows).map((c) => ({
    id: c.id,
    title: clip(c.title, WA_LIMITS.rowTitle),
    ...(c.description ? { description: clip(c.description, WA_LIMITS.rowDescription) } : {}),
  }));
  return { type: 'list', body: { text }, action: { button: clip(channelWord(lang, 'choose'), WA_LIMITS.listButton), sections: [{ rows }] } };
}

function messageText(m: TranscriptMessage, lang: Lang): string {
  const parts = [m.from === 'staff' && m.author ? `${m.author}: ${m.text}` : m.text, m.card ? cardText(m.card, lang) : ''].filter(Boolean);
  return parts.join('\n\n').slice(0, WA_LIMITS.text);
}

const text = (body: string): WaOut => ({ type: 'text', text: { body, preview_url: false } });

/**
 * The WhatsApp messages for transcript messages the client has not seen yet (their own words are
 * not echoed) and, when `prompt` is given, the prompt on screen as an interactive message.
 */
export function renderForWhatsApp(messages: TranscriptMessage[], prompt: Prompt | null, lang: Lang): WaOut[] {
  const texts = messages.filter((m) => m.from !== 'visitor').map((m) => messageText(m, lang)).filter((t) => t.trim() !== '');
  if (!prompt) return texts.map(text);
  const { hint, choices } = choicesOf(prompt, lang);
  // The choices ride on the hint, or on the last message when it fits an interactive body.
  const last = texts.at(-1);
  const carrier = hint ?? (last !== undefined && last.length <= WA_LIMITS.body ? last : undefined);
  const before = hint !== undefined || carrier === undefined ? texts : texts.slice(0, -1);
  const interactive = interactiveOf(carrier ?? channelWord(lang, 'menu'), choices, lang);
  if (!interactive) return [...before, ...(hint ? [hint] : carrier !== undefined ? [carrier] : [])].map(text);
  return [...before.map(text), { type: 'interactive', interactive }];
}

/** What WhatsApp reports about the sender of an inbound message. */
export interface WaSender { waId: string; name: string }

/** A tapped reply (button or list row) as the visitor event it stands for (null: not ours). */
export function replyEvent(id: string, prompt: Prompt | null, sender: WaSender): VisitorEvent | null {
  if (id === SHARE_NUMBER) {
    const phone = `+${sender.waId.replace(/\D/g, '')}`;
    if (prompt?.kind === 'contact' && prompt.fields.includes('name')) return { type: 'contact', name: prompt.values?.name ?? sender.name, contact: phone, consent: true };
    return { type: 'text', text: phone };
  }
  return callbackEvent(id);
}
