/** Staff booking for phone clients, moving, cancelling, marking visits (contract: notes/console-api.md, bookings). */
import { z } from 'zod';
import { cancelByStaff, createPhoneBooking, deskSlots, markAttendanceByStaff, rescheduleByStaff } from '../../../services/console/desk.js';
import { unwrap } from '../../errors.js';
import { dateSchema, emailSchema, idSchema, isoSchema, langSchema, nameSchema } from '../inputs.js';
import { router, staffProcedure } from '../trpc.js';

const customerSchema = z.strictObject({
  name: nameSchema(100),
  phone: z.string().trim().regex(/^\+?[0-9 ()-]{5,25}$/, 'digits, spaces, ( ) - and a leading + only').optional(),
  email: emailSchema.optional(),
});

/** The booking version the calendar showed: a change applies only to the booking as shown, else BOOKING_CHANGED. */
const seenVersion = z.number().int().min(0).max(1_000_000).optional();

export const bookingsRouter = router({
  slots: staffProcedure
    .input(z.object({ serviceId: idSchema, staffId: idSchema.optional(), date: dateSchema }))
    .query(async ({ ctx, input }) => unwrap(await deskSlots(ctx.deps, ctx.session.businessId, input))),

  create: staffProcedure
    .input(z.strictObject({ serviceId: idSchema, staffId: idSchema, startsAt: isoSchema, customer: customerSchema, lang: langSchema, note: z.string().trim().max(1000).optional() }))
    .mutation(async ({ ctx, input }) => unwrap(await createPhoneBooking(ctx.deps, ctx.session.businessId, ctx.session.userId, ctx.session.lang, input))),

  reschedule: staffProcedure
    .input(z.strictObject({ bookingId: idSchema, startsAt: isoSchema, staffId: idSchema.optional(), version: seenVersion }))
    .mutation(async ({ ctx, input }) => unwrap(await rescheduleByStaff(ctx.deps, ctx.session.businessId, ctx.session.userId, ctx.session.lang, input))),

  cancel: staffProcedure
    .input(z.strictObject({ bookingId: idSchema, reason: z.string().trim().max(500).optional(), version: seenVersion }))
    .mutation(async ({ ctx, input }) => unwrap(await cancelByStaff(ctx.deps, ctx.session.businessId, ctx.session.userId, ctx.session.lang, input))),

  markAttendance: staffProcedure
    .input(z.strictObject({ bookingId: idSchema, status: z.enum(['attended', 'no_show', 'confirmed']) }))
    .mutation(async ({ ctx, input }) => unwrap(await markAttendanceByStaff(ctx.deps, ctx.session.businessId, ctx.session.userId, ctx.session.lang, input))),
});
