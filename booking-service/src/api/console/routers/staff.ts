/**
 * Staff members (contract: notes/console-api.md, staff). Staff users may change their own
 * working hours and days off; everything else is the owner's.
 */
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { inviteUser } from '../../../services/console/accounts.js';
import { listStaff, saveStaff, setDayOff, setHours, staffBelongs } from '../../../services/console/team.js';
import type { ConsoleSession } from '../../../services/console/sessions.js';
import { fail } from '../../../services/result.js';
import { unwrap } from '../../errors.js';
import { dateSchema, emailSchema, idSchema, nameSchema, timeZoneSchema, weeklyHoursSchema } from '../inputs.js';
import { ownerProcedure, router, staffProcedure } from '../trpc.js';

function mayEdit(session: ConsoleSession, staffId: string) {
  if (session.role !== 'owner' && session.staffId !== staffId) {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'Staff can change only their own hours and days off' });
  }
}

export const staffRouter = router({
  list: staffProcedure.query(({ ctx }) => listStaff(ctx.deps, ctx.session.businessId)),

  save: ownerProcedure
    .input(z.strictObject({ id: idSchema.optional(), name: nameSchema(100), timeZone: timeZoneSchema.nullable(), weeklyHours: weeklyHoursSchema, active: z.boolean() }))
    .mutation(async ({ ctx, input }) => unwrap(await saveStaff(ctx.deps, ctx.session.businessId, input))),

  invite: ownerProcedure
    .input(z.strictObject({ email: emailSchema, name: nameSchema(100, 0), role: z.enum(['staff', 'owner']), staffId: idSchema.nullable() }))
    .mutation(async ({ ctx, input }) => {
      if (input.staffId !== null && !(await staffBelongs(ctx.deps, ctx.session.businessId, input.staffId))) {
        unwrap(fail('STAFF_NOT_FOUND', 'No such staff member', { field: 'staffId' }));
      }
      unwrap(await inviteUser(ctx.deps, ctx.session.businessId, input));
      return { ok: true as const };
    }),

  setHours: staffProcedure.input(z.strictObject({ staffId: idSchema, weeklyHours: weeklyHoursSchema })).mutation(async ({ ctx, input }) => {
    mayEdit(ctx.session, input.staffId);
    return unwrap(await setHours(ctx.deps, ctx.session.businessId, input.staffId, input.weeklyHours));
  }),

  setDayOff: staffProcedure.input(z.strictObject({ staffId: idSchema, date: dateSchema, off: z.boolean() })).mutation(async ({ ctx, input }) => {
    mayEdit(ctx.session, input.staffId);
    return unwrap(await setDayOff(ctx.deps, ctx.session.businessId, input.staffId, input.date, input.off));
  }),
});
