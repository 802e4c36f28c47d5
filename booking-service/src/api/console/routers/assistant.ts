/**
 * assistant.* — the owner's AI assistant settings (issue 18): on/off, an OpenAI-compatible
 * endpoint (base URL, model, key), the daily token cap, and "Test connection". Owner only, scoped
 * to the session's business. The key is write-only: answers say only whether one is set.
 */
import { z } from 'zod';
import { readAssistantSettings, saveAssistantSettings, testAssistantConnection } from '../../../services/assistant/settings.js';
import { unwrap } from '../../errors.js';
import { ownerProcedure, router } from '../trpc.js';

const endpoint = {
  baseUrl: z.string().trim().max(500),
  model: z.string().trim().max(200),
  // Empty keeps the stored key.
  apiKey: z.string().trim().max(1000).optional(),
};

export const assistantRouter = router({
  get: ownerProcedure.query(({ ctx }) => readAssistantSettings(ctx.deps, ctx.session.businessId)),

  save: ownerProcedure
    .input(z.strictObject({ ...endpoint, enabled: z.boolean(), clearKey: z.boolean().optional(), dailyTokens: z.number().int().min(0).max(100_000_000) }))
    .mutation(async ({ ctx, input }) => unwrap(await saveAssistantSettings(ctx.deps, ctx.session.businessId, input))),

  // One tiny call to the endpoint as typed; nothing is stored.
  test: ownerProcedure
    .input(z.strictObject(endpoint))
    .mutation(async ({ ctx, input }) => unwrap(await testAssistantConnection(ctx.deps, ctx.session.businessId, input))),
});
