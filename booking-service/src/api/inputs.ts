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

/** A real calendar date, 'YYYY-MM-DD'. */
export const localDateSchema = z.iso.date({ message: 'a date as YYYY-MM-DD' });

/** An instant with an explicit offset or Z. */
export const instantSchema = z.iso.datetime({ offset: true, message: 'an ISO-8601 date-time with offset, e.g. 2026-03-01T10:00:00Z' });

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

export const holdInput = z.object({
  siteKey: siteKeySchema,
  serviceId: idSchema,
  staffId: idSchema.optional(),
  start: instantSchema,
  conversationId: conversationIdSchema.optional(),
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
export const rescheduleInput = z.object({ manageToken: tokenSchema, start: instantSchema });
export const cancelInput = z.object({ manageToken: tokenSchema, reason: z.string().trim().max(500).refine(storable, NOT_STORABLE).optional() });

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
