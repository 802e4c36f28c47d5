/** The business's services (contract: notes/console-api.md, services). */
import { z } from 'zod';
import { localizedTextSchema } from '../../../domain/quote/localized-text.js';
import { MAX_PRICE } from '../../../domain/quote/quote-tree-schema.js';
import { archiveService, listServices, saveService } from '../../../services/console/catalog.js';
import { unwrap } from '../../errors.js';
import { idSchema, localizedSchema } from '../inputs.js';
import { ownerProcedure, router, staffProcedure } from '../trpc.js';

const price = z.number().int('whole units of the currency').min(0).max(MAX_PRICE);
const minutes = (max: number) => z.number().int().min(0).max(max);

const serviceInput = z
  .strictObject({
    id: idSchema.optional(),
    names: localizedTextSchema(120),
    descriptions: localizedSchema(1000).nullable().optional(),
    durationMin: z.number().int().min(5).max(12 * 60),
    bufferBeforeMin: minutes(240),
    bufferAfterMin: minutes(240),
    priceMin: price,
    priceMax: price.nullable(),
    active: z.boolean(),
    staffIds: z.array(idSchema).max(200),
  })
  .refine((s) => s.priceMax === null || s.priceMax >= s.priceMin, { message: 'must be at least priceMin', path: ['priceMax'] });

export const servicesRouter = router({
  list: staffProcedure.query(({ ctx }) => listServices(ctx.deps, ctx.session.businessId)),
  save: ownerProcedure.input(serviceInput).mutation(async ({ ctx, input }) => unwrap(await saveService(ctx.deps, ctx.session.businessId, input))),
  archive: ownerProcedure.input(z.object({ id: idSchema })).mutation(async ({ ctx, input }) => unwrap(await archiveService(ctx.deps, ctx.session.businessId, input.id))),
});
