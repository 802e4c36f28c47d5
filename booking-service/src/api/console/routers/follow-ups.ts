/** followUps.* — the owner's follow-up settings; anyone on the team sees a lead's follow-ups. */
import { z } from 'zod';
import { followUpsOf, getFollowUpSettings, saveFollowUpSettings } from '../../../services/follow-ups/settings.js';
import { NUDGE_MIN } from '../../../domain/follow-ups/settings.js';
import { unwrap } from '../../errors.js';
import { idSchema, NOT_STORABLE, storable } from '../../inputs.js';
import { ownerProcedure, router, staffProcedure } from '../trpc.js';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time HH:MM');
const text = z.string().max(1000).refine(storable, NOT_STORABLE);
const texts = z.strictObject({ en: text.optional(), ru: text.optional(), hy: text.optional() });
const settingsSchema = z.strictObject({
  nudge: z.strictObject({ on: z.boolean(), delayMin: z.number().int().min(NUDGE_MIN.min).max(NUDGE_MIN.max) }),
  quote: z.strictObject({ on: z.boolean() }),
  silent: z.strictObject({ on: z.boolean() }),
  quietHours: z.strictObject({ from: hhmm, to: hhmm }).refine((q) => q.from !== q.to, { message: 'from and to differ', path: ['to'] }).nullable(),
  texts: z.strictObject({ nudge: texts.optional(), quote: texts.optional(), silent: texts.optional() }),
});

export const followUpsRouter = router({
  settings: ownerProcedure.query(({ ctx }) => getFollowUpSettings(ctx.deps, ctx.session.businessId)),
  saveSettings: ownerProcedure.input(settingsSchema).mutation(async ({ ctx, input }) => unwrap(await saveFollowUpSettings(ctx.deps, ctx.session.businessId, input))),
  /** What is scheduled, sent, cancelled for a conversation's lead. */
  ofConversation: staffProcedure
    .input(z.object({ conversationId: idSchema }))
    .query(({ ctx, input }) => followUpsOf(ctx.deps, ctx.session.businessId, input.conversationId)),
});
