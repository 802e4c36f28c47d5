/**
 * When to follow up with a lead, and whether a follow-up still should go when its time comes.
 * Pure: the lead's facts, the owner's settings, the time and the client's zone go in.
 *
 * Sequences (PRODUCT.md §6–7, issue 17), only for a lead who left a contact with consent:
 * - nudge: the visitor went silent on a question → one reminder of it `nudge.delayMin` later;
 * - quote: a final price was given and not booked → 4 h later and the next day (+24 h);
 * - silent: a qualified lead (a buying intent) went quiet → day 1, day 3, day 7, then nothing.
 * A quoted lead gets the quote sequence instead of the silent one (one story, not two).
 * Any visitor activity re-plans from scratch (the service cancels what is pending first), so
 * "then stop" means: after day 7 nothing more until the visitor writes again.
 */
import type { ConversationOutcome, ConversationStatus } from '../conversation/protocol.js';
import { afterQuietHours, isQuiet } from './quiet-hours.js';
import type { FollowUpSettings, Sequence } from './settings.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Offsets from the visitor's last activity, per step of each sequence. */
export const QUOTE_AFTER_MS = [4 * HOUR, DAY] as const;
export const SILENT_AFTER_MS = [DAY, 3 * DAY, 7 * DAY] as const;

export interface LeadFacts {
  /** A contact left with consent that a follow-up can reach (an e-mail, or the messenger chat itself). */
  reachable: boolean;
  outcome: ConversationOutcome | null;
  status: ConversationStatus;
  /** The visitor was left on a question of a flow (not at rest: menu, booked, closed). */
  midFlow: boolean;
  /** A final quote was given (and the conversation is not booked). */
  quoted: boolean;
  /** Worth bringing back: a buying intent, or qualified by the owner's questions. */
  qualified: boolean;
}

export interface PlannedFollowUp {
  sequence: Sequence;
  /** 0-based step within the sequence. */
  step: number;
  dueAt: number;
}

/**
 * Why a lead gets no follow-up now (null = it may). A hand-off does not stop them: a lead that
 * asked for a person and then went quiet is the silent lead the sequence exists for.
 */
export function ineligible(f: LeadFacts): 'no_contact' | 'booked' | 'not_interested' | 'closed' | null {
  if (!f.reachable) return 'no_contact';
  if (f.outcome === 'booked') return 'booked';
  if (f.outcome === 'not_interested') return 'not_interested';
  if (f.status === 'closed') return 'closed';
  return null;
}

/**
 * Every follow-up to schedule after the visitor's activity at `lastActivity`.
 *
 * @example planFollowUps({ reachable: true, outcome: null, status: 'bot', midFlow: false, quoted: true, qualified: true }, settings, t, 'Europe/Moscow')
 * // → [{ sequence: 'quote', step: 0, dueAt: t + 4 h }, { sequence: 'quote', step: 1, dueAt: t + 24 h }] (moved out of quiet hours)
 */
export function planFollowUps(f: LeadFacts, s: FollowUpSettings, lastActivity: number, timeZone: string): PlannedFollowUp[] {
  if (ineligible(f)) return [];
  const out: PlannedFollowUp[] = [];
  const at = (ms: number) => afterQuietHours(lastActivity + ms, timeZone, s.quietHours);
  if (f.midFlow && s.nudge.on) out.push({ sequence: 'nudge', step: 0, dueAt: at(s.nudge.delayMin * 60_000) });
  if (f.quoted) {
    if (s.quote.on) QUOTE_AFTER_MS.forEach((ms, step) => out.push({ sequence: 'quote', step, dueAt: at(ms) }));
  } else if (f.qualified && s.silent.on) {
    SILENT_AFTER_MS.forEach((ms, step) => out.push({ sequence: 'silent', step, dueAt: at(ms) }));
  }
  return out;
}

export type SendDecision =
  | { send: true }
  | { send: false; skip: 'off' | 'replied' | NonNullable<ReturnType<typeof ineligible>> }
  | { send: false; later: number };

/**
 * Whether a scheduled follow-up goes now: the job asks this when it runs, on the lead as it is
 * then (a reply, a booking, an opt-out or staff taking over since it was scheduled stop it), and
 * quiet hours that a late run fell into push it to their end.
 */
export function decideSend(
  f: LeadFacts & { lastVisitorAt: number | null },
  followUp: { sequence: Sequence; scheduledAt: number },
  s: FollowUpSettings,
  now: number,
  timeZone: string,
): SendDecision {
  if (!s[followUp.sequence].on) return { send: false, skip: 'off' };
  const why = ineligible(f);
  if (why) return { send: false, skip: why };
  if (f.lastVisitorAt !== null && f.lastVisitorAt > followUp.scheduledAt) return { send: false, skip: 'replied' };
  if (isQuiet(now, timeZone, s.quietHours)) return { send: false, later: afterQuietHours(now, timeZone, s.quietHours) };
  return { send: true };
}
