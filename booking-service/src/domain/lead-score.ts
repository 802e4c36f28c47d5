/**
 * Qualifying a hand-off request when it arrives: how warm the lead is (which sets the SLA a
 * person must answer within) and a 0–100 score the inbox shows and sorts on.
 *
 * Temperature (first rule that matches; PRODUCT.md: hot = wants a slot within 48 h, plus urgency):
 * - hot:  wants a time within 48 h (a qualification answer the owner marked "soon", or the time
 *         held), or urgency words in the message or summary ("urgent", "срочно", "շտապ", "asap",
 *         "right now"…);
 * - cold: the owner's qualification questions said not qualified (the owner's verdict beats the
 *         guesses below);
 * - hot:  the visitor asked for a person (intent `human`) while the business is open and left a
 *         phone — someone is waiting by the phone now;
 * - cold: no phone and an intent that is not about buying (`other`, `my_booking` or none): an
 *         e-mail-only question can wait a working day;
 * - warm: everything else (the product's default: a person answers within the hour).
 *
 * Score (capped at 100): intent book 30, prices 25, human 20, my_booking 10, other/none 5;
 * phone +25; e-mail +10; a summary from the conversation (quote or chat context) +10;
 * business open now +10; urgency +20. The weights favour what predicts a booking: a buying
 * intent and a phone number.
 *
 * SLA targets in working (opening-hours) minutes, PRODUCT.md: hot 5 min, warm 1 h, cold 24 h by
 * default; the owner sets their own (businesses.sla_*_min, the console's Business page).
 */
export type LeadTemperature = 'hot' | 'warm' | 'cold';

export type SlaTargets = Record<LeadTemperature, number>;

export const SLA_MIN: SlaTargets = { hot: 5, warm: 60, cold: 24 * 60 };

/** "Within 48 h" of PRODUCT.md's hot lead. */
export const SOON_MS = 48 * 3_600_000;

export interface LeadFacts {
  intent?: string | null | undefined;
  message: string;
  summary?: string | null | undefined;
  hasPhone: boolean;
  hasEmail: boolean;
  /** Whether `now` is inside the business's opening hours. */
  openNow: boolean;
  /** Wants a time within 48 h (a "soon" qualification answer, a time held that soon). */
  wantsSoon?: boolean | undefined;
  /** The owner's qualification questions' verdict; null/absent = not asked. */
  qualified?: boolean | null | undefined;
}

export interface LeadQualification {
  temperature: LeadTemperature;
  score: number;
  slaMin: number;
}

// Word stems, matched case-insensitively anywhere in the text (so "срочно"/"срочная" both hit).
const URGENT = [
  'urgent', 'asap', 'emergency', 'right now', 'right away', 'immediately',
  'срочн', 'немедленн', 'прямо сейчас', 'как можно скорее', 'экстренн', 'болит',
  'շտապ', 'անմիջապես', 'հենց հիմա', 'ցավում',
];

const INTENT_POINTS: Record<string, number> = { book: 30, prices: 25, human: 20, my_booking: 10, other: 5 };
const BUYING = new Set(['book', 'prices', 'human']);

export function isUrgent(text: string): boolean {
  const t = text.toLowerCase();
  return URGENT.some((w) => t.includes(w));
}

/**
 * @example qualifyLead({ intent: 'human', message: 'call me', hasPhone: true, hasEmail: false, openNow: true })
 *          // → { temperature: 'hot', score: 55, slaMin: 5 }
 */
export function qualifyLead(f: LeadFacts, targets: SlaTargets = SLA_MIN): LeadQualification {
  const urgent = isUrgent(`${f.message} ${f.summary ?? ''}`);
  const intent = f.intent ?? 'other';
  const temperature: LeadTemperature =
    urgent || f.wantsSoon
      ? 'hot'
      : f.qualified === false
        ? 'cold'
        : intent === 'human' && f.openNow && f.hasPhone
          ? 'hot'
          : !f.hasPhone && !BUYING.has(intent)
            ? 'cold'
            : 'warm';
  const score =
    (INTENT_POINTS[intent] ?? 5) +
    (f.hasPhone ? 25 : 0) +
    (f.hasEmail ? 10 : 0) +
    (f.summary ? 10 : 0) +
    (f.openNow ? 10 : 0) +
    (urgent ? 20 : 0);
  return { temperature, score: Math.min(100, score), slaMin: targets[temperature] };
}
