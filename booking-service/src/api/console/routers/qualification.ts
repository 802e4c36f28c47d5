/** qualification.* — the owner's qualification questions per service (issue 17); staff may read them. */
import { z } from 'zod';
import { qualificationSchema } from '../../../domain/qualification/qualification.js';
import { loadQualifications, saveQualification } from '../../../services/qualification/qualifications.js';
import { unwrap } from '../../errors.js';
import { idSchema } from '../inputs.js';
import { ownerProcedure, router, staffProcedure } from '../trpc.js';

export const qualificationRouter = router({
  /** Every service's questions, by service id (a service without questions is absent). */
  list: staffProcedure.query(({ ctx }) => loadQualifications(ctx.deps.db, ctx.session.businessId)),
  save: ownerProcedure
    .input(z.strictObject({ serviceId: idSchema, qualification: qualificationSchema }))
    .mutation(async ({ ctx, input }) => unwrap(await saveQualification(ctx.deps, ctx.session.businessId, input.serviceId, input.qualification))),
});
