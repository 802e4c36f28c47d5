/** The business's settings (contract: notes/console-api.md, business). */
import { z } from 'zod';
import { CURRENCIES } from '../../../domain/quote/quote-tree-schema.js';
import { getBusinessSettings, updateBusinessSettings } from '../../../services/console/business-settings.js';
import { colorSchema, dateSchema, fieldError, emailSchema, langSchema, nameSchema, timeZoneSchema, weeklyHoursSchema } from '../inputs.js';
import { ownerProcedure, router, staffProcedure } from '../trpc.js';

const patchSchema = z
  .strictObject({
    name: nameSchema(200),
    address: z.string().trim().max(300),
    phone: z.string().trim().max(40).nullable(),
    timeZone: timeZoneSchema,
    languages: z.array(langSchema).min(1).max(3).refine((l) => new Set(l).size === l.length, 'listed twice'),
    defaultLang: langSchema,
    currency: z.enum(CURRENCIES),
    brandColor: colorSchema,
    minNoticeMin: z.number().int().min(0).max(60 * 24 * 30),
    horizonDays: z.number().int().min(1).max(730),
    // Slots must tile an hour evenly so the grid lines up across days.
    slotStepMin: z.number().int().refine((n) => [5, 10, 15, 20, 30, 60].includes(n), 'one of 5, 10, 15, 20, 30, 60'),
    cancellationWindowMin: z.number().int().min(0).max(60 * 24 * 14),
    reminderLeadsMin: z.array(z.number().int().min(10).max(60 * 24 * 14)).max(4),
    feedbackEnabled: z.boolean(),
    notifyEmail: emailSchema.nullable(),
    // Same rules as staff hours (HH:MM, start < end, no overlaps). An empty week is allowed: hand-offs
    // then promise the SLA target in wall-clock time (services/handoff.ts).
    openingHours: weeklyHoursSchema,
    // Closed days (holidays): each from ≤ to, business-local dates. The whole list is sent each time.
    closures: z
      .array(
        z
          .strictObject({ from: dateSchema, to: dateSchema, note: z.string().trim().max(100).refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'no control characters (line breaks, tabs)') })
          .refine((c) => c.from <= c.to, { message: 'must not end before it starts', path: ['to'] }),
      )
      .max(200),
    noShowFreesSlot: z.boolean(),
    fillGaps: z.boolean(),
    // A week at least (a hand-off can go on for days), three years at most.
    transcriptRetentionDays: z.number().int().min(7).max(1095),
    // SLA targets in working minutes (issue 17): 1 min … 7 days; hot ≤ warm ≤ cold is checked with the stored ones.
    slaHotMin: z.number().int('whole minutes').min(1).max(7 * 24 * 60),
    slaWarmMin: z.number().int('whole minutes').min(1).max(7 * 24 * 60),
    slaColdMin: z.number().int('whole minutes').min(1).max(7 * 24 * 60),
    // Release unconfirmed slots N hours before (issue 17): 1…72 whole hours, null = off (the database keeps the same).
    releaseUnconfirmedHours: z.number().int('whole hours').min(1).max(72).nullable(),
  })
  .partial();

export const businessRouter = router({
  get: staffProcedure.query(({ ctx }) => getBusinessSettings(ctx.deps, ctx.session.businessId)),

  update: ownerProcedure.input(patchSchema).mutation(async ({ ctx, input }) => {
    const current = await getBusinessSettings(ctx.deps, ctx.session.businessId);
    const languages = input.languages ?? current.languages;
    const defaultLang = input.defaultLang ?? current.defaultLang;
    if (!languages.includes(defaultLang)) throw fieldError(['defaultLang'], 'must be one of languages');
    // Hotter leads are answered sooner (the database keeps the same order).
    const hot = input.slaHotMin ?? current.slaHotMin;
    const warm = input.slaWarmMin ?? current.slaWarmMin;
    const cold = input.slaColdMin ?? current.slaColdMin;
    if (hot > warm) throw fieldError(['slaWarmMin'], 'must be at least the hot target');
    if (warm > cold) throw fieldError(['slaColdMin'], 'must be at least the warm target');
    return updateBusinessSettings(ctx.deps, ctx.session.businessId, input);
  }),
});
