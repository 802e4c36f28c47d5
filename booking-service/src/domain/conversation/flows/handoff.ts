/**
 * "Talk to a person": one message box (the chat's own), the visitor's words in the transcript,
 * a contact with consent like a booking's, then the request lands in the staff inbox and the
 * visitor is told when to expect an answer; the chat goes on live in the same thread.
 */
import type { IntentId } from '../protocol.js';
import type { ResultOf } from '../effects.js';
import type { Turn } from '../turn.js';
import { dayWords, instantWords } from '../words/format.js';
import { addDays, utcToZoned } from '@frontdesk/shared';
import { askForContact, type ContactInput, validContact } from './contact-step.js';
import { qualificationSummary, qualifyIntent } from './qualify.js';

export interface HandoffStart {
  intent: IntentId;
  /** The visitor's words when they already said what they need. */
  message?: string | undefined;
  /** Context for staff in the team's language (a quote, a wanted booking). */
  summary?: string | null | undefined;
}

export function startHandoff(t: Turn, opts: HandoffStart): void {
  t.state.intent ??= opts.intent;
  // The words a visitor said with "talk to a person" before the owner's questions (flows/qualify.ts)
  // reach staff even when they took the long way round: not qualified → the alternatives → a person.
  opts = { ...opts, message: opts.message ?? (opts.intent === 'human' ? pendingMessage(t) : undefined) };
  // Already waiting for a person (or talking to one): the same thread goes on, no second request.
  const open = t.state.handoff;
  if (open?.id && (t.state.status === 'waiting' || t.state.status === 'live')) {
    t.go({ at: 'live' });
    if (opts.message) t.visitor(opts.message);
    else t.say('handoffAsk');
    return;
  }
  // "Talk to a person": the owner's questions for it come before the form (flows/qualify.ts).
  if (opts.intent === 'human' && qualifyIntent(t, 'human', { kind: 'handoff', message: opts.message ?? null })) return;
  t.state.handoff = { intent: opts.intent, message: opts.message ?? null, summary: opts.summary ?? null, id: null };
  if (!opts.message) {
    t.go({ at: 'handoff-message' });
    t.say('handoffAsk');
    return;
  }
  needContact(t);
}

/** What the visitor asked a person for before the owner's questions, not yet sent to anyone. */
function pendingMessage(t: Turn): string | undefined {
  const q = t.state.qualify;
  if (q?.intent !== 'human' || q.then?.kind !== 'handoff' || t.state.handoff?.id) return undefined;
  return q.then.message ?? undefined;
}

/** The visitor's question, typed in the chat. */
export function takeMessage(t: Turn, text: string): void {
  t.visitor(text);
  t.state.handoff!.message = text;
  needContact(t);
}

function needContact(t: Turn): void {
  if (t.state.contact) return send(t);
  t.say('handoffContact');
  askForContact(t, 'handoff');
}

export function submitContact(t: Turn, input: ContactInput): void {
  if (validContact(t, input, 'handoff')) send(t);
}

function send(t: Turn): void {
  const h = t.state.handoff!;
  const c = t.state.contact!;
  // The qualification answers (when asked) tell staff what the visitor wants and how soon.
  const q = t.state.qualify;
  const answered = q && q.qualified !== null ? { qualified: q.qualified, soon: q.soon } : undefined;
  t.request({ kind: 'handoff', message: h.message ?? '', name: c.name, contact: c.contact, intent: h.intent, summary: h.summary ?? qualificationSummary(t), lang: t.lang, ...(answered ? { qualification: answered } : {}) });
}

export function onHandoff(t: Turn, r: ResultOf<'handoff'>): void {
  if (!r.ok) {
    t.say('error');
    t.go({ at: 'contact', purpose: 'handoff' });
    return;
  }
  t.state.handoff!.id = r.id;
  t.state.status = 'waiting';
  t.outcome('handed_off');
  const by = byWords(t, r.expectedReplyBy);
  t.say(r.withinOpeningHours ? 'handoffSent' : 'handoffSentClosed', { by }, {
    kind: 'handoff',
    handoffId: r.id,
    expectedReplyBy: new Date(r.expectedReplyBy).toISOString(),
    withinOpeningHours: r.withinOpeningHours,
  });
  t.go({ at: 'live' });
}

/** "by 6:00 PM today", "завтра до 10:00", "до среды, 4 марта, 10:00": relative to the turn's day. */
function byWords(t: Turn, at: number): string {
  const tz = t.ctx.business.timeZone;
  const day = utcToZoned(at, tz).date;
  const today = utcToZoned(t.ctx.now, tz).date;
  const tomorrow = addDays(today, 1);
  const words = { ...instantWords(at, tz, t.lang), ...dayWords(day, t.lang) };
  return t.word(day === today ? 'by.today' : day === tomorrow ? 'by.tomorrow' : 'by.other', words);
}
