/**
 * Input of the `quote.evaluate` API call. The widget resends every answer on each step, so the
 * limits follow the tree limits: one answer per question (≤ 20), option ids or short numbers.
 */
import { z } from 'zod';
import { langSchema } from './localized-text.js';
import { MAX_QUESTIONS, quoteIdSchema } from './quote-tree-schema.js';

/** Longer than any option id (40); the slack lets a bad answer reach evaluateQuote's 'invalid'. */
const MAX_ANSWER_LENGTH = 100;

export const quoteEvaluateInputSchema = z.object({
  // PostgreSQL text cannot hold U+0000 or a lone surrogate; the key is looked up in SQL.
  siteKey: z.string().trim().min(1).max(100).refine((s) => !/[\u0000\ud800-\udfff]/u.test(s), 'no NUL characters or broken Unicode'),
  treeId: quoteIdSchema,
  // Keys follow the id pattern; zod also drops a "__proto__" key from parsed JSON.
  answers: z
    .record(
      quoteIdSchema,
      z.union([z.string().trim().max(MAX_ANSWER_LENGTH), z.number().min(-1_000_000_000).max(1_000_000_000)]),
    )
    .refine((answers) => Object.keys(answers).length <= MAX_QUESTIONS, {
      message: `at most ${MAX_QUESTIONS} answers`,
    }),
  lang: langSchema,
});

export type QuoteEvaluateInput = z.infer<typeof quoteEvaluateInputSchema>;
