/** Input shapes shared by console routers (validated with zod: errors name the field). */
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { langSchema } from '../../domain/quote/localized-text.js';
import { DATE_RANGE_MESSAGE, saneDate, saneInstant } from '../inputs.js';

export { langSchema };

/** An IANA zone the runtime knows (Intl throws RangeError for anything else). */
export const timeZoneSchema = z
  .string()
  .min(1)
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'unknown time zone (use an IANA name such as Europe/Moscow)');

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'use HH:MM (00:00–24:00)');
const rangeSchema = z
  .strictObject({ start: hhmm, end: hhmm })
  .refine((r) => r.start < r.end, { message: 'end must be after start', path: ['end'] });
const dayRanges = z
  .array(rangeSchema)
  .max(6)
  .refine((rs) => [...rs].sort((a, b) => a.start.localeCompare(b.start)).every((r, i, s) => i === 0 || s[i - 1]!.end <= r.start), 'ranges overlap');

/** `{ "1": [{start,end}], … "7": [...] }`, 1 = Monday (ISO). */
export const weeklyHoursSchema = z.strictObject({
  '1': dayRanges.optional(),
  '2': dayRanges.optional(),
  '3': dayRanges.optional(),
  '4': dayRanges.optional(),
  '5': dayRanges.optional(),
  '6': dayRanges.optional(),
  '7': dayRanges.optional(),
});

/** Localized text where every language may be missing (descriptions, greetings being edited). */
export const localizedSchema = (max: number) =>
  z.strictObject({ ru: z.string().trim().max(max).optional(), hy: z.string().trim().max(max).optional(), en: z.string().trim().max(max).optional() });

/**
 * A person's or business's name: one visible line. Control characters (CR/LF above all) would
 * reach e-mail headers and bodies; the public API refuses them the same way (api/inputs.ts).
 */
export const nameSchema = (max: number, min = 1) =>
  z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'no control characters (line breaks, tabs)');

export const idSchema = z.string().min(1).max(100);
export const dateSchema = z
  .string()
  .refine((d) => {
    const t = /^\d{4}-\d{2}-\d{2}$/.test(d) ? Date.parse(`${d}T00:00:00Z`) : NaN;
    // Date.parse rolls 2026-02-30 over into March: compare back to reject it.
    return !Number.isNaN(t) && new Date(t).toISOString().startsWith(d);
  }, 'use a real date as YYYY-MM-DD')
  // Far years overflow the date code (issue 12, defect 2): the same sane range as the public API.
  .refine(saneDate, DATE_RANGE_MESSAGE);
export const isoSchema = z.iso
  .datetime({ offset: true })
  .refine(saneInstant, DATE_RANGE_MESSAGE)
  .transform((s) => new Date(s));
export const colorSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'use #rrggbb');
export const emailSchema = z.string().trim().toLowerCase().pipe(z.email('not an e-mail address').max(254));

/** A BAD_REQUEST naming one field, for rules that need more than the input itself (e.g. the stored languages). */
export function fieldError(path: Array<string | number>, message: string): TRPCError {
  // Built by a failing parse so it is the same ZodError the input validation throws (and formats).
  const { error } = z.unknown().superRefine((_v, ctx) => ctx.addIssue({ code: 'custom', path, message })).safeParse(undefined);
  return new TRPCError({ code: 'BAD_REQUEST', message, cause: error });
}
