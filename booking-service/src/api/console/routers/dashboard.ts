/** dashboard.kpis (console API contract); definitions in services/console/kpis.ts. */
import { z } from 'zod';
import { dashboardKpis } from '../../../services/console/kpis.js';
import { dashboardKpisByChannel } from '../../../services/console/kpis-by-channel.js';
import { deliveryFailuresOf } from '../../../services/console/delivery-failures.js';
import { unwrap } from '../../errors.js';
import { idSchema, instantSchema } from '../../inputs.js';
import { router, staffProcedure } from '../trpc.js';

const MAX_PERIOD_MS = 400 * 86_400_000;

const periodInput = z
  .object({ from: instantSchema, to: instantSchema, siteId: idSchema.optional() })
  // A year and a bit: enough for year-on-year, bounded so one call cannot scan everything.
  .refine((i) => Date.parse(i.to) - Date.parse(i.from) <= MAX_PERIOD_MS, { message: 'at most 400 days', path: ['to'] });

export const dashboardRouter = router({
  kpis: staffProcedure.input(periodInput).query(async ({ ctx, input }) => unwrap(await dashboardKpis(ctx.deps, ctx.session.businessId, input))),
  /** First response, SLA%, lead → booking and no-show rate per channel (services/console/kpis-by-channel.ts). */
  byChannel: staffProcedure.input(periodInput).query(async ({ ctx, input }) => unwrap(await dashboardKpisByChannel(ctx.deps, ctx.session.businessId, input))),
  /** Messages to clients that went nowhere or by another channel in the last 7 days (services/console/delivery-failures.ts): the dashboard's figure and the inbox's banner. */
  deliveryFailures: staffProcedure.query(({ ctx }) => deliveryFailuresOf(ctx.deps.db, ctx.session.businessId, ctx.deps.clock.now())),
});
