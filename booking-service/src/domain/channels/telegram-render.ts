/**
 * The engine's answer as Telegram messages (pure): each bot or staff message of the transcript
 * is one Telegram message, and the prompt on screen rides on the last one as an inline keyboard
 * (choices, slots, days, yes/no) — or, for a contact form, as a one-time reply keyboard with
 * "Share my phone number". Button presses come back as callback data (`callbackEvent`), at most
 * 64 bytes as the Bot API allows.
 */
import type { Card, Lang, Option, Prompt, TranscriptMessage, VisitorEvent } from '../conversation/protocol.js';
import { dayWords, instantWords } from '../conversation/words/format.js';
import { channelWord } from './words.js';

export interface InlineButton {
  text: string;
  callback_data: string;
}

export type TelegramMarkup =
  | { inline_keyboard: InlineButton[][] }
  | { keyboard: Array<Array<{ text: string; request_contact?: boolean }>>; one_time_keyboard: true; resize_keyboard: true }
  | { remove_keyboard: true };

export interface TelegramOut {
  text: string;
  markup?: TelegramMarkup | undefined;
}

/** Telegram's cap on callback_data (bytes). */
const CALLBACK_MAX = 64;
/** Telegram's cap on a message (characters). */
const TEXT_MAX = 4096;
const MENU = 'menu';
const MORE = 'more';

const fits = (data: string) => new TextEncoder().encode(data).length <= CALLBACK_MAX;

function optionButton(o: Option): InlineButton | null {
  const data = `o:${o.id}`;
  if (!fits(data)) return null;
  return { text: o.detail ? `${o.label} · ${o.detail}` : o.label, callback_data: data };
}

const rowsOf = <T>(items: T[], n: number): T[][] => Array.from({ length: Math.ceil(items.length / n) }, (_, i) => items.slice(i * n, i * n + n));
const buttons = (options: Option[] | undefined) => (options ?? []).flatMap((o) => (optionButton(o) ? [optionButton(o)!] : []));

export function cardText(card: Card, lang: Lang): string {
  switch (card.kind) {
    case 'booking': {
      const when = instantWords(Date.parse(card.start), card.timeZone, lang).when;
      return [
        `${card.serviceName} — ${when}`,
        card.staffName,
        card.address,
        card.price?.display,
        card.price?.summary,
        card.status === 'confirmed' ? channelWord(lang, 'manage', { url: card.manageUrl }) : undefined,
      ].filter((x): x is string => !!x).join('\n');
    }
    case 'quote':
      return [card.price.display, ...card.factors].join('\n');
    case 'handoff':
      return '';
  }
}

function messageText(m: TranscriptMessage, lang: Lang): string {
  const parts = [m.from === 'staff' && m.author ? `${m.author}: ${m.text}` : m.text, m.card ? cardText(m.card, lang) : ''].filter(Boolean);
  return parts.join('\n\n').slice(0, TEXT_MAX);
}

/** What the client sees for a prompt: extra words (how to answer here) and the keyboard. */
export function promptMarkup(prompt: Prompt, lang: Lang): { hint?: string; markup?: TelegramMarkup } {
  const menuRow = [{ text: channelWord(lang, 'menu'), callback_data: MENU }];
  switch (prompt.kind) {
    case 'choice':
      return { markup: { inline_keyboard: [...buttons(prompt.options).map((b) => [b]), ...(prompt.menu ? [] : [menuRow])] } };
    case 'confirm':
      return { hint: prompt.question, markup: { inline_keyboard: [buttons([prompt.yes, prompt.no]), menuRow] } };
    case 'slots': {
      const slotButtons = prompt.slots.flatMap((s) => {
        const w = instantWords(Date.parse(s.start), prompt.timeZone, lang);
        const data = `o:${s.id}`;
        return fits(data) ? [{ text: prompt.day ? w.time : `${w.date}, ${w.time}`, callback_data: data }] : [];
      });
      const days = prompt.days.filter((d) => d.free && d.date !== prompt.day).slice(0, 6).map((d) => ({ text: dayWords(d.date, lang).date, callback_data: `d:${d.date}` }));
      const rows = [
        ...rowsOf(slotButtons, 3),
        ...(prompt.more ? [[{ text: channelWord(lang, 'moreTimes'), callback_data: MORE }]] : []),
        ...rowsOf(days, 3),
        ...buttons(prompt.actions).map((b) => [b]),
        menuRow,
      ];
      return { ...(slotButtons.length === 0 ? { hint: channelWord(lang, 'noTimes') } : {}), markup: { inline_keyboard: rows } };
    }
    case 'contact': {
      const errors = prompt.errors ? Object.values(prompt.errors).filter(Boolean).join(' ') : '';
      const errorLine = errors ? `${channelWord(lang, 'fieldErrors', { errors })}\n` : '';
      if (!prompt.fields.includes('name')) return { hint: `${errorLine}${channelWord(lang, 'lookupHint')}` };
      return {
        hint: `${errorLine}${channelWord(lang, 'contactHint', { consent: prompt.consent.text })}`,
        markup: { keyboard: [[{ text: channelWord(lang, 'sharePhone'), request_contact: true }]], one_time_keyboard: true, resize_keyboard: true },
      };
    }
    case 'code':
      return { hint: [prompt.error, channelWord(lang, 'codeHint', { length: prompt.length, sentTo: prompt.sentTo })].filter(Boolean).join('\n'), markup: { inline_keyboard: buttons(prompt.actions).map((b) => [b]) } };
    case 'number':
      return { hint: channelWord(lang, 'numberHint', { min: prompt.min, max: prompt.max, unit: prompt.unit ? ` ${prompt.unit}` : '' }) };
    case 'text':
      return prompt.actions?.length ? { markup: { inline_keyboard: buttons(prompt.actions).map((b) => [b]) } } : {};
  }
}

/**
 * The Telegram messages for transcript messages the client has not seen yet (their own words
 * are not echoed) and, when `prompt` is given, the prompt on screen on the last one.
 */
export function renderForTelegram(messages: TranscriptMessage[], prompt: Prompt | null, lang: Lang): TelegramOut[] {
  const out: TelegramOut[] = messages.filter((m) => m.from !== 'visitor').map((m) => ({ text: messageText(m, lang) })).filter((m) => m.text.trim() !== '');
  if (!prompt) return out;
  const { hint, markup } = promptMarkup(prompt, lang);
  const empty = !markup || ('inline_keyboard' in markup && markup.inline_keyboard.length === 0);
  if (hint) out.push({ text: hint, ...(empty ? {} : { markup }) });
  else if (!empty) {
    const last = out.at(-1);
    // A keyboard needs a message to ride on: the last one, or a repeat of the question.
    if (last && !last.markup) last.markup = markup;
    else out.push({ text: channelWord(lang, 'menu'), markup });
  }
  return out;
}

/** A pressed button's callback data as the visitor event it stands for (null: not ours). */
export function callbackEvent(data: string): VisitorEvent | null {
  if (data === MENU) return { type: 'menu' };
  if (data === MORE) return { type: 'more' };
  if (data.startsWith('o:') && data.length > 2) return { type: 'choose', optionId: data.slice(2) };
  const day = /^d:(\d{4}-\d{2}-\d{2})$/.exec(data);
  return day ? { type: 'day', date: day[1]! } : null;
}

/**
 * Typed text as the event it answers: under a contact form, "Anna +7 900 123-45-67" (or the
 * contact first) is the form sent with consent — the hint above it says sending means agreeing.
 */
export function textEvent(text: string, prompt: Prompt | null, parseContactPoint: (raw: string) => boolean): VisitorEvent {
  const typed = text.trim();
  if (prompt?.kind === 'contact' && prompt.fields.includes('name')) {
    const parts = typed.split(/[\s,;]+/).filter(Boolean);
    // The longest tail (or head) that is a phone or an e-mail; the rest is the name.
    for (let i = 1; i < parts.length; i++) {
      const tail = parts.slice(i).join(' ');
      if (parseContactPoint(tail)) return { type: 'contact', name: parts.slice(0, i).join(' '), contact: tail, consent: true };
      const head = parts.slice(0, parts.length - i).join(' ');
      if (parseContactPoint(head)) return { type: 'contact', name: parts.slice(parts.length - i).join(' '), contact: head, consent: true };
    }
    if (prompt.values?.name && parseContactPoint(typed)) return { type: 'contact', name: prompt.values.name, contact: typed, consent: true };
  }
  if (prompt?.kind === 'code' && /^\d[\d\s-]{2,10}$/.test(typed)) return { type: 'code', code: typed.replace(/\D/g, '') };
  if (prompt?.kind === 'number' && /^-?\d+([.,]\d+)?$/.test(typed)) return { type: 'number', value: Number(typed.replace(',', '.')) };
  return { type: 'text', text: typed.slice(0, 5000) };
}
