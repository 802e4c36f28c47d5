/** exports.csv (owner only): a period's bookings, leads or customers as a CSV file (services/integrations/csv-export.ts). */
import { z } from 'zod';
import { EXPORT_KINDS, exportCsv } from '../../../services/integrations/csv-export.js';
import { unwrap } from '../../errors.js';
import { instantSchema, langSchema } from '../../inputs.js';
import { ownerProcedure, router } from '../trpc.js';

const MAX_PERIOD_MS = 400 * 86_400_000;

export const exportsRouter = router({
  csv: ownerProcedure
    .input(
      z
        .strictObject({ kind: z.enum(EXPORT_KINDS), from: instantSchema, to: instantSchema, lang: langSchema })
        // As the dashboard: a year and a bit at most, so one call cannot read everything.
        .refine((i) => Date.parse(i.to) - Date.parse(i.from) <= MAX_PERIOD_MS, { message: 'at most 400 days', path: ['to'] }),
    )
    .query(async ({ ctx, input }) => unwrap(await exportCsv(ctx.deps, ctx.session.businessId, input))),
});
