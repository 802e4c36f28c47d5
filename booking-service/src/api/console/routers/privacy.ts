/** One person's data (owner only): find them, export everything as JSON, erase it (services/privacy). */
import { z } from 'zod';
import { eraseCustomer } from '../../../services/privacy/erase.js';
import { exportCustomer } from '../../../services/privacy/export.js';
import { findPeople } from '../../../services/privacy/find.js';
import { unwrap } from '../../errors.js';
import { idSchema } from '../inputs.js';
import { ownerProcedure, router } from '../trpc.js';

export const privacyRouter = router({
  find: ownerProcedure.input(z.strictObject({ query: z.string().max(200) })).query(({ ctx, input }) => findPeople(ctx.deps.db, ctx.session.businessId, input.query)),

  export: ownerProcedure
    .input(z.strictObject({ customerId: idSchema }))
    .query(async ({ ctx, input }) => unwrap(await exportCustomer(ctx.deps.db, ctx.session.businessId, input.customerId, ctx.deps.clock.now()))),

  erase: ownerProcedure.input(z.strictObject({ customerId: idSchema })).mutation(async ({ ctx, input }) => {
    const r = unwrap(await eraseCustomer(ctx.deps.db, ctx.session.businessId, input.customerId, ctx.deps.clock.now(), { actor: { by: 'staff', userId: ctx.session.userId } }));
    // Open chats of the person end now rather than at their next heartbeat.
    for (const c of r.conversations) await ctx.deps.bus?.publish({ businessId: ctx.session.businessId, conversationId: c.id, seq: c.seq, kind: 'messages' });
    return r.erased;
  }),
});
