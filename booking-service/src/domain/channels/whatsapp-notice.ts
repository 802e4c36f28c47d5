/**
 * A booking message on WhatsApp (pure). Inside the 24-hour customer service window (the client
 * wrote to the business in the last 24 hours) any message may be sent: the same words as the
 * messenger text. Outside it Meta delivers only approved templates, so the message becomes the
 * business's template for the client's language — the reminder template with its parameters
 * ({{1}} service, {{2}} date and time, {{3}} business), or the general "notice" template
 * ({{1}} business, {{2}} the message) for everything else. No template configured: null, and
 * the caller falls back to the next channel.
 */
import type { Lang } from '../messages/types.js';
import { instantWords } from '../conversation/words/format.js';
import type { WaOut } from './whatsapp-render.js';

/** 24 hours, less a margin: the window runs from the client's message as Meta received it, a little before we did. */
export const WINDOW_MS = 24 * 60 * 60_000 - 5 * 60_000;

export interface NoticeTemplates { code: string; reminder: string; notice: string }

export interface NoticeFacts {
  kind: string;
  /** The whole message, as a messenger text. */
  text: string;
  businessName: string;
  serviceName: string;
  start: number;
  timeZone: string;
  /** A reminder's Confirm / Reschedule buttons: reply buttons inside the window, quick-reply payloads of the template outside. */
  buttons?: Array<{ id: string; title: string }> | undefined;
}

/** Template parameters may not hold new lines, tabs or more than four spaces in a row (Meta's rule). */
const param = (s: string) => s.replace(/\s+/g, ' ').trim().slice(0, 1000) || '—';

export function windowOpen(lastClientMessageAt: number | null, now: number): boolean {
  return lastClientMessageAt !== null && now - lastClientMessageAt < WINDOW_MS;
}

export function whatsappNotice(f: NoticeFacts, lang: Lang, open: boolean, templates: NoticeTemplates | undefined): WaOut | null {
  if (open) {
    if (!f.buttons?.length) return { type: 'text', text: { body: f.text, preview_url: false } };
    return { type: 'interactive', interactive: { type: 'button', body: { text: f.text.slice(0, 1024) }, action: { buttons: f.buttons.map((b) => ({ type: 'reply' as const, reply: { id: b.id, title: b.title } })) } } };
  }
  if (!templates) return null;
  const language = { code: templates.code };
  if ((f.kind === 'reminder' || f.kind === 'reconfirm') && templates.reminder) {
    const w = instantWords(f.start, f.timeZone, lang);
    // The approved reminder template has two quick replies (Confirm, Reschedule): a re-confirmation's Cancel stays behind the link.
    const quickReplies = (f.buttons ?? []).slice(0, 2).map((b, i) => ({ type: 'button' as const, sub_type: 'quick_reply' as const, index: String(i), parameters: [{ type: 'payload' as const, payload: b.id }] }));
    return { type: 'template', template: { name: templates.reminder, language, components: [{ type: 'body', parameters: [f.serviceName, `${w.date}, ${w.time}`, f.businessName].map((t) => ({ type: 'text' as const, text: param(t) })) }, ...quickReplies] } };
  }
  if (!templates.notice) return null;
  return { type: 'template', template: { name: templates.notice, language, components: [{ type: 'body', parameters: [f.businessName, f.text].map((t) => ({ type: 'text' as const, text: param(t) })) }] } };
}
