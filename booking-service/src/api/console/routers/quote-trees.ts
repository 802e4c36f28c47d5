/**
 * Quote trees of a site (contract: notes/console-api.md, quoteTrees). Stored in the site's
 * widget config, validated with the same schema the widget's evaluation trusts.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { services, sites } from '../../../adapters/db/schema.js';
import { evaluateQuote } from '../../../domain/quote/evaluate-quote.js';
import { langSchema } from '../../../domain/quote/localized-text.js';
import { quoteTreeListSchema, quoteTreeSchema, type QuoteTree } from '../../../domain/quote/quote-tree-schema.js';
import { ownSite } from '../../../services/console/site-settings.js';
import { fail } from '../../../services/result.js';
import { unwrap } from '../../errors.js';
import { fieldError, idSchema } from '../inputs.js';
import { ownerProcedure, router, staffProcedure } from '../trpc.js';

const answersSchema = z.record(z.string().max(40), z.union([z.string().max(40), z.number()])).refine((a) => Object.keys(a).length <= 20, 'at most 20 answers');

export const quoteTreesRouter = router({
  get: staffProcedure.input(z.object({ siteId: idSchema })).query(async ({ ctx, input }) => {
    const site = await ownSite(ctx.deps, ctx.session.businessId, input.siteId);
    if (!site) return unwrap<never>(fail('SITE_NOT_FOUND', 'No such site', { field: 'siteId' }));
    return { trees: site.widget.quoteTrees as QuoteTree[] };
  }),

  save: ownerProcedure.input(z.object({ siteId: idSchema, trees: quoteTreeListSchema })).mutation(async ({ ctx, input }) => {
    const site = await ownSite(ctx.deps, ctx.session.businessId, input.siteId);
    if (!site) return unwrap<never>(fail('SITE_NOT_FOUND', 'No such site', { field: 'siteId' }));
    // Every service a tree books must be one of this business's (the widget books what it names).
    const own = new Set((await ctx.deps.db.select({ id: services.id }).from(services).where(eq(services.businessId, ctx.session.businessId))).map((r) => r.id));
    input.trees.forEach((tree, t) => {
      if (!own.has(tree.serviceId)) throw fieldError(['trees', t, 'serviceId'], `no service "${tree.serviceId}" in this business`);
      tree.questions.forEach((q, i) => {
        if (q.type !== 'choice') return;
        q.options.forEach((o, j) => {
          if (o.serviceId !== undefined && !own.has(o.serviceId)) throw fieldError(['trees', t, 'questions', i, 'options', j, 'serviceId'], `no service "${o.serviceId}" in this business`);
        });
      });
    });
    await ctx.deps.db.update(sites).set({ widget: { ...site.widget, quoteTrees: input.trees } }).where(eq(sites.id, site.id));
    return { trees: input.trees };
  }),

  preview: staffProcedure
    .input(z.object({ tree: quoteTreeSchema, answers: answersSchema, lang: langSchema }))
    .query(({ input }) => evaluateQuote(input.tree, input.answers, input.lang)),
});
