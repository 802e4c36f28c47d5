/**
 * Input schemas of the public API. Limits are generous for people and tight for abuse.
 */
import { z } from 'zod';
import { quoteEvaluateInputSchema } from '../domain/quote/index.js';

export const langSchema = z.enum(['ru', 'hy', 'en']);

// PostgreSQL text cannot hold U+0000 nor (as UTF-8) a lone UTF-16 surrogate: refused here, as a
// named field, rather than failing in SQL (both found by test/fuzz.test.ts). With the u flag the
// class matches only unpaired surrogates.
export const storable = (s: string) => !/[\u0000\ud800-\udfff]/u.test(s);
export const NOT_STORABLE = 'no NUL characters or broken Unicode';

export const siteKeySchema = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _ only');
export const idSchema = z.string().trim().min(1).max(64).refine(storable, NOT_STORABLE);

/**
 * The widget's random id for one page visit: joins its calls to KPI events (services/events.ts).
 * Optional everywhere, so older widgets and server-to-server callers keep working.
 */
export const conversationIdSchema = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _ only');

/**
 * The sane range of every date and instant the API accepts (issue 12, defect 2): the date code
 * works with four-digit years only, and "9999-12-31" plus a week is year 10000. Tighter bounds —
 * a business's booking horizon — are checked where the business is known (services/booking-window.ts).
 */
export const EARLIEST_DATE = '2000-01-01';
export const LATEST_DATE = '2199-12-31';
const EARLIEST_MS = Date.parse(`${EARLIEST_DATE}T00:00:00Z`) - 86_400_000;
const LATEST_MS = Date.parse(`${LATEST_DATE}T00:00:00Z`) + 2 * 86_400_000;
export const DATE_RANGE_MESSAGE = `a date between ${EARLIEST_DATE} and ${LATEST_DATE}`;
// Both pass what is not a date at all: the format check already names that field once.
/** A 'YYYY-MM-DD' within the sane range (compared as text: same width, same order). */
export const saneDate = (d: string) => !/^\d{4}-\d{2}-\d{2}$/.test(d) || (d >= EARLIEST_DATE && d <= LATEST_DATE);
/** An instant's text within the sane range (a day of slack each side for offsets). */
export const saneInstant = (s: string) => {
  const t = Date.parse(s);
  return !Number.isFinite(t) ? !/^\d{4}-/.test(s) : t >= EARLIEST_MS && t < LATEST_MS;
};

/** A real calendar date, 'YYYY-MM-DD', in the sane range. */
export const localDateSchema = z.iso.date({ message: 'a date as YYYY-MM-DD' }).refine(saneDate, DATE_RANGE_MESSAGE);

/** An instant with an explicit offset or Z, in the sane range. */
export const instantSchema = z.iso
  .datetime({ offset: true, message: 'an ISO-8601 date-time with offset, e.g. 2026-03-01T10:00:00Z' })
  .refine(saneInstant, DATE_RANGE_MESSAGE);

export const tokenSchema = z.string().min(10).max(512).refine(storable, NOT_STORABLE);

// E.164 allows 15 digits; people type spaces, dashes, dots and brackets.
const phoneSchema = z
  .string()
  .trim()
  .max(32)
  .regex(/^\+?[0-9\s().-]{6,31}$/, 'a phone number, e.g. +7 900 123-45-67')
  .refine((v) => {
    const digits = v.replace(/\D/g, '').length;
    return digits >= 7 && digits <= 15;
  }, 'a phone number with 7 to 15 digits');

// Visible text only: a name may not carry control characters (e-mail header injection).
const noControl = (s: string) => !/[\u0000-\u001f\u007f]/.test(s);

export const customerSchema = z
  .object({
    name: z.string().trim().min(1, 'your name').max(100).refine(noControl, 'no control characters').refine(storable, NOT_STORABLE),
    phone: phoneSchema.optional(),
    email: z.email('an e-mail address').max(254).optional(),
  })
  .refine((c) => c.phone !== undefined || c.email !== undefined, {
    message: 'a phone number or an e-mail address',
    path: ['phone'],
  });

export const siteGetInput = z.object({ siteKey: siteKeySchema, lang: langSchema.optional() });

export const slotsFindInput = z.object({
  siteKey: siteKeySchema,
  serviceId: idSchema,
  staffId: idSchema.optional(),
  from: localDateSchema,
  days: z.number().int().min(1).max(31).default(7),
  /** Also list every free staff member per slot (a larger answer; the widget does not need it). */
  allStaff: z.boolean().optional(),
  conversationId: conversationIdSchema.optional(),
});

/** slots.findCompact: slots.find's input without allStaff (the compact shape carries the serving staff only). */
export const slotsFindCompactInput = slotsFindInput.omit({ allStaff: true });

export const holdInput = z.object({
  siteKey: siteKeySchema,
  serviceId: idSchema,
  staffId: idSchema.optional(),
  start: instantSchema,
  conversationId: conversationIdSchema.optional(),
  /**
   * The quote the visitor was given for this service (the tree and their answers): the server
   * evaluates it again and the booking keeps its final price and options. Without it, the service's price.
   */
  quote: quoteEvaluateInputSchema.pick({ treeId: true, answers: true }).optional(),
  lang: langSchema.optional(),
});

export const confirmInput = z.object({
  holdToken: tokenSchema,
  customer: customerSchema,
  consent: z.literal(true, { message: 'consent must be given to book' }),
  lang: langSchema,
  note: z.string().trim().max(1000).refine(storable, NOT_STORABLE).optional(),
  idempotencyKey: z.string().min(8).max(100).refine(storable, NOT_STORABLE),
  conversationId: conversationIdSchema.optional(),
});

export const manageInput = z.object({ manageToken: tokenSchema, lang: langSchema.optional() });
/** The booking version the visitor saw (optional): the change applies only if it still is that one, else CONFLICT. */
const seenVersion = z.number().int().min(0).max(1_000_000).optional();
export const rescheduleInput = z.object({ manageToken: tokenSchema, start: instantSchema, version: seenVersion });
export const cancelInput = z.object({ manageToken: tokenSchema, reason: z.string().trim().max(500).refine(storable, NOT_STORABLE).optional(), version: seenVersion });

/** The pages' form posts (pages/visitor-pages.ts): the same field schemas as the API. */
export const rebookInput = z.object({ token: tokenSchema, start: instantSchema });
export const attendanceInput = z.object({ token: tokenSchema });

export const handoffInput = z.object({
  siteKey: siteKeySchema,
  message: z.string().trim().min(1, 'your message').max(2000).refine(storable, NOT_STORABLE),
  contact: z
    .object({
      name: z.string().trim().min(1, 'your name').max(100).refine(noControl, 'no control characters').refine(storable, NOT_STORABLE),
      phone: phoneSchema.optional(),
      email: z.email('an e-mail address').max(254).optional(),
    })
    .refine((c) => c.phone !== undefined || c.email !== undefined, {
      message: 'a phone number or an e-mail address',
      path: ['phone'],
    }),
  lang: langSchema,
  intent: z.enum(['book', 'prices', 'human', 'my_booking', 'other']).optional(),
  summary: z.string().trim().max(2000).refine(storable, NOT_STORABLE).optional(),
  conversationId: conversationIdSchema.optional(),
});

export const interpretInput = z.object({
  siteKey: siteKeySchema,
  text: z.string().trim().min(1, 'a message').max(2000).refine(storable, NOT_STORABLE),
  lang: langSchema,
  conversationId: conversationIdSchema.optional(),
});

export const quoteInput = quoteEvaluateInputSchema.extend({ conversationId: conversationIdSchema.optional() });

/** What the widget reports that no other call shows: the panel opened, a menu intent chosen. */
export const eventRecordInput = z.object({
  siteKey: siteKeySchema,
  conversationId: conversationIdSchema,
  kind: z.enum(['widget_opened', 'intent_chosen']),
  intent: z.enum(['book', 'prices', 'human', 'my_booking', 'other']).optional(),
});
