/** API keys of the REST API (owner only): list, create (the secret is in this one answer), revoke. */
import { z } from 'zod';
import { createApiKey, listApiKeys, revokeApiKey } from '../../../services/api-keys/keys.js';
import { unwrap } from '../../errors.js';
import { idSchema, nameSchema } from '../inputs.js';
import { ownerProcedure, router } from '../trpc.js';

export const apiKeysRouter = router({
  list: ownerProcedure.query(({ ctx }) => listApiKeys(ctx.deps, ctx.session.businessId)),

  create: ownerProcedure
    .input(z.strictObject({ name: nameSchema(80), scope: z.enum(['read', 'write']), rateLimitPerMinute: z.number().int().min(1).max(6000).optional() }))
    .mutation(({ ctx, input }) => createApiKey(ctx.deps, ctx.session.businessId, ctx.session.userId, input)),

  revoke: ownerProcedure.input(z.strictObject({ id: idSchema })).mutation(async ({ ctx, input }) => unwrap(await revokeApiKey(ctx.deps, ctx.session.businessId, input.id))),
});
