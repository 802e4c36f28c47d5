/** qualification.* — the owner's qualification questions per service and per intent (issue 17); staff may read them. */
import { z } from 'zod';
import { QUAL_INTENTS, qualificationSchema } from '../../../domain/qualification/qualification.js';
import { loadIntentQualifications, loadQualifications, saveIntentQualification, saveQualification } from '../../../services/qualification/qualifications.js';
import { unwrap } from '../../errors.js';
import { idSchema } from '../inputs.js';
import { ownerProcedure, router, staffProcedure } from '../trpc.js';

export const qualificationRouter = router({
  /** Every service's questions, by service id (a service without questions is absent). */
  list: staffProcedure.query(({ ctx }) => loadQualifications(ctx.deps.db, ctx.session.businessId)),
  save: ownerProcedure
    .input(z.strictObject({ serviceId: idSchema, qualification: qualificationSchema }))
    .mutation(async ({ ctx, input }) => unwrap(await saveQualification(ctx.deps, ctx.session.businessId, input.serviceId, input.qualification))),
  /** The questions before a price (`prices`) and before "talk to a person" (`human`), by intent. */
  intents: staffProcedure.query(({ ctx }) => loadIntentQualifications(ctx.deps.db, ctx.session.businessId)),
  saveIntent: ownerProcedure
    .input(z.strictObject({ intent: z.enum(QUAL_INTENTS), qualification: qualificationSchema }))
    .mutation(async ({ ctx, input }) => unwrap(await saveIntentQualification(ctx.deps, ctx.session.businessId, input.intent, input.qualification))),
});
