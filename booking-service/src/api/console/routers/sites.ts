/** Sites and their widget settings (contract: notes/console-api.md, sites). */
import { INTENT_IDS } from '@frontdesk/shared';
import { z } from 'zod';
import { normaliseOrigin } from '../../../domain/origin.js';
import { localizedTextSchema } from '../../../domain/quote/localized-text.js';
import { getBusinessSettings } from '../../../services/console/business-settings.js';
import { allowOrigin, createSite, listSites, MAX_ALLOWED_ORIGINS, saveSite } from '../../../services/console/site-settings.js';
import { unwrap } from '../../errors.js';
import { colorSchema, idSchema, localizedSchema } from '../inputs.js';
import { ownerProcedure, router, staffProcedure } from '../trpc.js';

/** Exact origins, or a loopback origin with a port wildcard (`http://localhost:*`) as domain/origin.ts allows. */
const originSchema = z
  .string()
  .trim()
  .max(200)
  .refine((o) => (o.endsWith(':*') ? /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\]):\*$/i.test(o) : normaliseOrigin(o) !== null), 'use an origin like https://salon.example (no path)')
  .transform((o) => (o.endsWith(':*') ? o.toLowerCase() : normaliseOrigin(o)!));
const originsSchema = z.array(originSchema).max(MAX_ALLOWED_ORIGINS).transform((os) => [...new Set(os)]);

export const INTENT_LABEL_MAX = 60;
/**
 * The widget's menu in display order. A blank label (or none) means the widget's own wording in
 * the visitor's language, so blanks are dropped rather than stored as empty buttons.
 */
const intentsSchema = z
  .array(
    z.strictObject({
      id: z.enum(INTENT_IDS),
      label: localizedSchema(INTENT_LABEL_MAX)
        .optional()
        .transform((l) => {
          const kept = Object.fromEntries(Object.entries(l ?? {}).filter(([, v]) => v !== undefined && v !== ''));
          return Object.keys(kept).length > 0 ? (kept) : undefined;
        }),
    }),
  )
  .min(1, 'keep at least one menu item')
  .max(INTENT_IDS.length)
  .superRefine((items, ctx) => {
    const seen = new Set<string>();
    items.forEach((it, i) => {
      if (seen.has(it.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: 'listed twice' });
      seen.add(it.id);
    });
  });

export const sitesRouter = router({
  list: staffProcedure.query(({ ctx }) => listSites(ctx.deps, ctx.session.businessId)),

  save: ownerProcedure
    .input(z.strictObject({ id: idSchema, allowedOrigins: originsSchema, color: colorSchema, position: z.enum(['right', 'left']), greeting: localizedTextSchema(300), intents: intentsSchema.optional() }))
    .mutation(async ({ ctx, input }) => unwrap(await saveSite(ctx.deps, ctx.session.businessId, input))),

  /** One click on a refused origin (SiteView.refused): adds it to the allowed origins. */
  allowOrigin: ownerProcedure
    .input(z.strictObject({ id: idSchema, origin: z.string().trim().max(200).refine((o) => normaliseOrigin(o) !== null, 'use an origin like https://salon.example') }))
    .mutation(async ({ ctx, input }) => unwrap(await allowOrigin(ctx.deps, ctx.session.businessId, input))),

  create: ownerProcedure
    .input(z.strictObject({ siteKey: z.string().regex(/^[a-z0-9][a-z0-9-]{2,59}$/, 'use 3–60 lowercase latin letters, digits or "-"').optional(), allowedOrigins: originsSchema }))
    .mutation(async ({ ctx, input }) => {
      const { brandColor } = await getBusinessSettings(ctx.deps, ctx.session.businessId);
      return unwrap(await createSite(ctx.deps, ctx.session.businessId, input, brandColor));
    }),
});
