import { z } from 'zod';
import { interpretMessage } from '../../services/interpret.js';
import { unwrap } from '../errors.js';
import { langSchema, NOT_STORABLE, siteKeySchema, storable } from '../inputs.js';
import { publicProcedure, router } from '../trpc.js';

export const chatRouter = router({
  interpret: publicProcedure
    .input(z.object({ siteKey: siteKeySchema, text: z.string().trim().min(1, 'a message').max(2000).refine(storable, NOT_STORABLE), lang: langSchema }))
    .mutation(async ({ ctx, input }) => unwrap(await interpretMessage(ctx.deps, input, ctx.origin))),
});
