/**
 * The knowledge base in the console (issue 18): the owner's questions and answers per language,
 * and the questions visitors asked that nothing answered. Staff read both; the owner edits.
 */
import { z } from 'zod';
import { createEntry, deleteEntry, listEntries, updateEntry } from '../../../services/knowledge/entries.js';
import { dismissUnanswered, listUnanswered } from '../../../services/knowledge/unanswered.js';
import { unwrap } from '../../errors.js';
import { NOT_STORABLE, storable } from '../../inputs.js';
import { idSchema, langSchema } from '../inputs.js';
import { ownerProcedure, router, staffProcedure } from '../trpc.js';

const text = (max: number) => z.string().trim().min(1, 'required').max(max).refine(storable, NOT_STORABLE);

const entryInput = z.strictObject({
  lang: langSchema,
  question: text(300),
  phrasings: z.array(z.string().trim().max(300).refine(storable, NOT_STORABLE)).max(20).default([]),
  answer: text(2000),
  serviceId: idSchema.nullable().default(null),
});

export const knowledgeRouter = router({
  list: staffProcedure.query(({ ctx }) => listEntries(ctx.deps, ctx.session.businessId)),
  create: ownerProcedure
    .input(entryInput.extend({ fromUnanswered: idSchema.optional() }))
    .mutation(async ({ ctx, input }) => {
      const { fromUnanswered, ...entry } = input;
      return unwrap(await createEntry(ctx.deps, ctx.session.businessId, entry, fromUnanswered));
    }),
  update: ownerProcedure
    .input(entryInput.extend({ id: idSchema }))
    .mutation(async ({ ctx, input }) => {
      const { id, ...entry } = input;
      return unwrap(await updateEntry(ctx.deps, ctx.session.businessId, id, entry));
    }),
  delete: ownerProcedure.input(z.strictObject({ id: idSchema })).mutation(async ({ ctx, input }) => unwrap(await deleteEntry(ctx.deps, ctx.session.businessId, input.id))),
  unanswered: staffProcedure.query(({ ctx }) => listUnanswered(ctx.deps.db, ctx.session.businessId)),
  dismiss: ownerProcedure.input(z.strictObject({ id: idSchema })).mutation(async ({ ctx, input }) => ({ removed: await dismissUnanswered(ctx.deps.db, ctx.session.businessId, input.id) })),
});
