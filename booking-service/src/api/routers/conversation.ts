/**
 * The conversation API: every channel's one door to the engine. `send` plays one visitor event
 * (creating the conversation on the first one) and `get` resumes it (reload, another page, another
 * tab); both answer a ConversationView: the messages after `after` and the prompt now.
 */
import { z } from 'zod';
import { getConversation, sendTurn } from '../../services/conversation/turns.js';
import { unwrap } from '../errors.js';
import { conversationIdSchema, langSchema, localDateSchema, NOT_STORABLE, siteKeySchema, storable, tokenSchema } from '../inputs.js';
import { publicProcedure, router } from '../trpc.js';

/** The widget shows a counter against this; beyond it the answer is a BAD_REQUEST naming the limit. */
export const TEXT_MAX = 5000;

const text = (max: number) => z.string().max(max, `at most ${max} characters`).refine(storable, NOT_STORABLE);
const optionIdSchema = z.string().min(1).max(200).refine(storable, NOT_STORABLE);

export const visitorEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('choose'), optionId: optionIdSchema }),
  z.object({ type: z.literal('text'), text: text(TEXT_MAX) }),
  z.object({ type: z.literal('number'), value: z.number().finite().min(-1e9).max(1e9) }),
  z.object({ type: z.literal('day'), date: localDateSchema }),
  z.object({ type: z.literal('more') }),
  z.object({
    type: z.literal('contact'),
    name: text(200).optional(),
    contact: text(254).optional(),
    message: text(TEXT_MAX).optional(),
    consent: z.boolean(),
  }),
  z.object({ type: z.literal('code'), code: z.string().max(20).regex(/^[0-9\s-]*$/, 'digits only') }),
  z.object({ type: z.literal('menu') }),
  z.object({ type: z.literal('lang'), lang: langSchema }),
  z.discriminatedUnion('flow', [
    z.object({ type: z.literal('start'), flow: z.literal('book'), serviceId: z.string().min(1).max(64).refine(storable, NOT_STORABLE).optional() }),
    z.object({ type: z.literal('start'), flow: z.literal('manage'), manageToken: tokenSchema }),
  ]),
]);

const sourceSchema = z.object({
  url: text(2000).optional(),
  referrer: text(2000).optional(),
  utm: z.object({ source: text(200), medium: text(200), campaign: text(200), term: text(200), content: text(200) }).partial().optional(),
});

const conversationTokenSchema = z.string().min(20).max(100).regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _ only');
const afterSchema = z.number().int().min(0).max(1_000_000_000);

export const conversationSendInput = z
  .object({
    siteKey: siteKeySchema,
    conversationId: conversationIdSchema.optional(),
    token: conversationTokenSchema.optional(),
    lang: langSchema,
    /** The visitor's preferred languages, best first (browser, page). */
    prefs: z.array(z.string().max(35)).max(10).optional(),
    source: sourceSchema.optional(),
    after: afterSchema.default(0),
    event: visitorEventSchema,
  })
  .refine((i) => (i.conversationId === undefined) === (i.token === undefined), { message: 'conversationId and token go together', path: ['token'] });

export const conversationGetInput = z.object({ conversationId: conversationIdSchema, token: conversationTokenSchema, after: afterSchema.default(0) });

export const conversationRouter = router({
  send: publicProcedure
    .input(conversationSendInput)
    .mutation(async ({ ctx, input }) => unwrap(await sendTurn(ctx.deps, input, ctx.origin))),
  get: publicProcedure
    .input(conversationGetInput)
    .query(async ({ ctx, input }) => unwrap(await getConversation(ctx.deps, input, ctx.origin))),
});
