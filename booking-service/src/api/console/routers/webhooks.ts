/** Outbound webhooks (owner only): endpoints, the delivery log, resend, test event. */
import { z } from 'zod';
import { WEBHOOK_EVENT_TYPES } from '../../../services/webhooks/event-types.js';
import { createEndpoint, listDeliveries, listEndpoints, redeliver, removeEndpoint, sendTestEvent, updateEndpoint } from '../../../services/webhooks/endpoints.js';
import { unwrap } from '../../errors.js';
import { idSchema } from '../inputs.js';
import { ownerProcedure, router } from '../trpc.js';

const urlSchema = z.string().trim().max(2000).pipe(z.url({ protocol: /^https?$/, message: 'an http(s) URL' }));
const eventsSchema = z.array(z.enum(WEBHOOK_EVENT_TYPES)).min(1, 'choose at least one event').max(WEBHOOK_EVENT_TYPES.length);
const descriptionSchema = z.string().trim().max(200);

export const webhooksRouter = router({
  eventTypes: ownerProcedure.query(() => [...WEBHOOK_EVENT_TYPES]),
  list: ownerProcedure.query(({ ctx }) => listEndpoints(ctx.deps, ctx.session.businessId)),
  create: ownerProcedure
    .input(z.strictObject({ url: urlSchema, events: eventsSchema, description: descriptionSchema.optional() }))
    .mutation(async ({ ctx, input }) => unwrap(await createEndpoint(ctx.deps, ctx.session.businessId, input))),
  update: ownerProcedure
    .input(z.strictObject({ id: idSchema, url: urlSchema.optional(), events: eventsSchema.optional(), description: descriptionSchema.optional(), active: z.boolean().optional(), rotateSecret: z.boolean().optional() }))
    .mutation(async ({ ctx, input }) => unwrap(await updateEndpoint(ctx.deps, ctx.session.businessId, input))),
  remove: ownerProcedure.input(z.strictObject({ id: idSchema })).mutation(async ({ ctx, input }) => unwrap(await removeEndpoint(ctx.deps, ctx.session.businessId, input.id))),
  deliveries: ownerProcedure
    .input(z.strictObject({ endpointId: idSchema, before: idSchema.optional() }))
    .query(async ({ ctx, input }) => unwrap(await listDeliveries(ctx.deps, ctx.session.businessId, input))),
  redeliver: ownerProcedure.input(z.strictObject({ deliveryId: idSchema })).mutation(async ({ ctx, input }) => unwrap(await redeliver(ctx.deps, ctx.session.businessId, input.deliveryId))),
  sendTest: ownerProcedure.input(z.strictObject({ endpointId: idSchema })).mutation(async ({ ctx, input }) => unwrap(await sendTestEvent(ctx.deps, ctx.session.businessId, input.endpointId))),
});
