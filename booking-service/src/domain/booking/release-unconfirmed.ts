/**
 * Releasing unconfirmed slots (issue 17): when the owner turns it on (N hours, off by default), a
 * booking the client was asked to confirm (a reminder went out for its current version before the
 * cut-off) and has not confirmed is cancelled at start − N h, so the time can be booked again.
 * A client never asked — booked after the cut-off, or no reminder reached them — keeps the
 * booking: they had no chance to answer.
 */

const HOUR = 3_600_000;

/** The instant from which a booking starting at `startsAt` may be released. */
export function releaseCutoff(startsAt: Date, hours: number): Date {
  return new Date(startsAt.getTime() - hours * HOUR);
}

export interface ReleaseCandidate {
  startsAt: Date;
  visitorConfirmed: boolean;
  /** When the first reminder for the booking's current version went out; null when none did. */
  askedAt: Date | null;
}

/** Whether the booking is to be released at `now` under a setting of `hours` (null = off). */
export function isReleaseDue(c: ReleaseCandidate, hours: number | null, now: Date): boolean {
  if (hours === null || c.visitorConfirmed || c.askedAt === null) return false;
  const cutoff = releaseCutoff(c.startsAt, hours);
  return c.askedAt < cutoff && now >= cutoff && now < c.startsAt;
}

/**
 * The cancellation reason stored on a released booking, in the client's language: the client's
 * cancellation notice and the staff's show it (domain/messages/render.ts) next to the rebook link.
 */
export const RELEASE_REASON = {
  en: 'Not confirmed in time — the slot was released for other clients',
  ru: 'Запись не подтверждена вовремя — время освобождено для других клиентов',
  hy: 'Այցը ժամանակին չի հաստատվել — ժամն ազատվել է այլ հաճախորդների համար',
} as const satisfies Record<'en' | 'ru' | 'hy', string>;
