import { confirmBooking } from '../../services/confirm.js';
import { holdSlot } from '../../services/hold.js';
import { cancelBooking, getManagedBooking, rescheduleBooking } from '../../services/manage.js';
import { unwrap } from '../errors.js';
import { cancelInput, confirmInput, holdInput, manageInput, rescheduleInput } from '../inputs.js';
import { publicProcedure, router } from '../trpc.js';

export const bookingRouter = router({
  hold: publicProcedure
    .input(holdInput)
    .mutation(async ({ ctx, input }) => unwrap(await holdSlot(ctx.deps, input, ctx.origin))),
  confirm: publicProcedure
    .input(confirmInput)
    .mutation(async ({ ctx, input }) => unwrap(await confirmBooking(ctx.deps, input, ctx.origin))),
  get: publicProcedure
    .input(manageInput)
    .query(async ({ ctx, input }) => unwrap(await getManagedBooking(ctx.deps, input.manageToken, ctx.origin, input.lang))),
  reschedule: publicProcedure
    .input(rescheduleInput)
    .mutation(async ({ ctx, input }) => unwrap(await rescheduleBooking(ctx.deps, input, ctx.origin))),
  cancel: publicProcedure
    .input(cancelInput)
    .mutation(async ({ ctx, input }) => unwrap(await cancelBooking(ctx.deps, input, ctx.origin))),
});
