/**
 * A quote decision tree: the per-site JSON an owner edits in a form and the server evaluates to
 * a price (see evaluate-quote.ts). The visitor is asked one question at a time, in array order:
 *
 * 1. "scoping" questions (service, size, technique…) → the server shows a price RANGE and the
 *    factors that still move it;
 * 2. at most ONE "clarifying" question on any path → the FINAL price.
 *
 * Any choice option may instead hand the conversation to a specialist (a complex request), and
 * a number question may do so above a threshold.
 *
 * Price model (all money is an integer in the currency's major unit: roubles, drams, dollars):
 *
 *   price = roundTo( (basePrice + Σ option.price.add + Σ number × pricing.amount)
 *                    × Π option.price.multiply × Π quantity answers )
 *
 * clamped at 0. Adds are per unit of every quantity (a clinic quotes per tooth, then multiplies
 * by the number of teeth). The model is deliberately small: every term is monotone, so a
 * price range can be computed exactly (price-bounds.ts) and a form can explain it.
 */
import { z } from 'zod';
import { localizedTextSchema, langSchema } from './localized-text.js';
import { treePriceCeiling } from './price-bounds.js';

/** Prices above this are a typo (an extra zero or three), not a salon service: 1e9 AMD ≈ $2.5M. */
export const MAX_PRICE = 1_000_000_000;
/** Keeps the answers object (≤ 20 keys, see quote-evaluate-input.ts) able to answer every question. */
export const MAX_QUESTIONS = 20;
/** Quick replies beyond a dozen stop being quick on a phone screen. */
export const MAX_OPTIONS = 12;
/** Largest value a number question may ask for (cm of hair, teeth, m², sessions…). */
export const MAX_NUMBER_ANSWER = 10_000;

export const CURRENCIES = ['RUB', 'AMD', 'USD'] as const;
export type Currency = (typeof CURRENCIES)[number];

/** Ids of trees, questions and options: stable keys the widget sends back, so URL-safe and short. */
export const quoteIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'use 1–40 lowercase latin letters, digits, "-" or "_"');

const serviceIdSchema = z.string().trim().min(1).max(100);
const moneySchema = z.number().int('prices are whole units of the currency').min(-MAX_PRICE).max(MAX_PRICE);
const countSchema = z.number().int().min(0).max(MAX_NUMBER_ANSWER);

const handoffSchema = z.strictObject({
  /** Told to the visitor and put in the staff summary: why a person has to take this. */
  reason: localizedTextSchema(300),
});

const priceEffectSchema = z.strictObject({
  /** Added to the price (may be negative, e.g. a discount for short hair). */
  add: moneySchema.optional(),
  /** Multiplies the whole price, e.g. 1.2 for "+20%". */
  multiply: z.number().positive().max(10).optional(),
});

const optionSchema = z.strictObject({
  id: quoteIdSchema,
  label: localizedTextSchema(80),
  price: priceEffectSchema.optional(),
  /** Book this service if the visitor picks this option (the last such answer wins). */
  serviceId: serviceIdSchema.optional(),
  /** Picking this option ends the quote with a hand-off instead of a price. */
  handoff: handoffSchema.optional(),
});

const conditionSchema = z.strictObject({
  /** An earlier choice question. */
  questionId: quoteIdSchema,
  /** Ask only if the visitor picked one of these options there. */
  anyOf: z.array(quoteIdSchema).min(1).max(MAX_OPTIONS),
});

const questionBase = {
  id: quoteIdSchema,
  stage: z.enum(['scoping', 'clarifying']),
  text: localizedTextSchema(300),
  /** Short name of what this question decides ("hair length"), listed among price factors. */
  factor: localizedTextSchema(60).optional(),
  when: conditionSchema.optional(),
};

const choiceQuestionSchema = z.strictObject({
  ...questionBase,
  type: z.literal('choice'),
  options: z.array(optionSchema).min(2).max(MAX_OPTIONS),
});

const numberQuestionSchema = z.strictObject({
  ...questionBase,
  type: z.literal('number'),
  min: countSchema,
  max: countSchema,
  /** Valid answers are min, min + step, … ≤ max. Default 1. */
  step: z.number().int().min(1).max(MAX_NUMBER_ANSWER).optional(),
  /** Short label beside the input ("cm"); the factor names the quantity in summaries. */
  unit: localizedTextSchema(20).optional(),
  pricing: z.discriminatedUnion('type', [
    /** Each unit adds `amount` (e.g. 300 ₽ per extra 10 cm of extensions). */
    z.strictObject({ type: z.literal('perUnit'), amount: moneySchema }),
    /** The answer multiplies the whole price (number of teeth, of people). */
    z.strictObject({ type: z.literal('quantity') }),
  ]),
  /** Answers above `value` go to a specialist (e.g. more than 2 teeth need a treatment plan). */
  handoffAbove: z.strictObject({ value: countSchema, reason: localizedTextSchema(300) }).optional(),
});

const questionSchema = z.discriminatedUnion('type', [choiceQuestionSchema, numberQuestionSchema]);

const quoteTreeShape = z.strictObject({
  id: quoteIdSchema,
  title: localizedTextSchema(80),
  /** The business's language: the fallback when a text lacks the visitor's language. */
  defaultLang: langSchema,
  currency: z.enum(CURRENCIES),
  /** Service to book unless an answer names another. */
  serviceId: serviceIdSchema,
  basePrice: moneySchema.min(0),
  /** Round the price to a multiple of this (100 ₽ looks like a price list; 1 $ does). Default 1. */
  roundTo: z.number().int().min(1).max(100_000).optional(),
  questions: z.array(questionSchema).max(MAX_QUESTIONS),
});

export type QuoteTree = z.infer<typeof quoteTreeShape>;
export type QuoteQuestion = QuoteTree['questions'][number];
export type ChoiceQuestion = Extract<QuoteQuestion, { type: 'choice' }>;
export type NumberQuestion = Extract<QuoteQuestion, { type: 'number' }>;
export type QuoteOption = ChoiceQuestion['options'][number];
export type PriceEffect = NonNullable<QuoteOption['price']>;

type Issue = { path: (string | number)[]; problem: string };

function pathLabel(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/** Rules zod's shape cannot say: uniqueness, references, ordering, reachability, magnitude. */
function semanticIssues(tree: QuoteTree): Issue[] {
  const issues: Issue[] = [];
  const firstIndexOfQuestion = new Map<string, number>();

  tree.questions.forEach((q, i) => {
    const at = (...rest: (string | number)[]) => ['questions', i, ...rest];
    const seen = firstIndexOfQuestion.get(q.id);
    if (seen !== undefined) {
      issues.push({ path: at('id'), problem: `duplicate question id "${q.id}" (already used by questions[${seen}])` });
    } else {
      firstIndexOfQuestion.set(q.id, i);
    }

    if (q.type === 'choice') {
      const optionIndex = new Map<string, number>();
      q.options.forEach((o, j) => {
        const prev = optionIndex.get(o.id);
        if (prev !== undefined) {
          issues.push({ path: at('options', j, 'id'), problem: `duplicate option id "${o.id}" (already used by options[${prev}])` });
        } else {
          optionIndex.set(o.id, j);
        }
      });
      if (q.options.every((o) => o.handoff !== undefined)) {
        issues.push({ path: at('options'), problem: 'every option hands off; at least one must lead to a price' });
      }
    } else {
      if (q.min > q.max) {
        issues.push({ path: at('max'), problem: `max (${q.max}) is below min (${q.min})` });
      } else if (q.handoffAbove !== undefined && (q.handoffAbove.value < q.min || q.handoffAbove.value >= q.max)) {
        issues.push({
          path: at('handoffAbove', 'value'),
          problem: `must be at least min (${q.min}) and below max (${q.max}), or no answer could lead to a price / hand off`,
        });
      }
    }

    if (q.when !== undefined) {
      const refIndex = tree.questions.findIndex((other) => other.id === q.when?.questionId);
      const ref = tree.questions[refIndex];
      if (ref === undefined) {
        issues.push({ path: at('when', 'questionId'), problem: `no question has id "${q.when.questionId}"` });
      } else if (refIndex >= i) {
        issues.push({ path: at('when', 'questionId'), problem: `"${ref.id}" must come before this question (questions[${refIndex}] is not earlier)` });
      } else if (ref.type !== 'choice') {
        issues.push({ path: at('when', 'questionId'), problem: `"${ref.id}" is a number question; conditions can only refer to choice questions` });
      } else {
        q.when.anyOf.forEach((optionId, k) => {
          if (!ref.options.some((o) => o.id === optionId)) {
            issues.push({ path: at('when', 'anyOf', k), problem: `question "${ref.id}" has no option "${optionId}"` });
          }
        });
        if (ref.options.every((o) => !q.when?.anyOf.includes(o.id) || o.handoff !== undefined)) {
          issues.push({ path: at('when', 'anyOf'), problem: 'lists only hand-off options (or none that exist), so this question could never be asked' });
        }
      }
    }
  });

  // Scoping first, then the clarifying question: the range is shown in between.
  const firstClarifying = tree.questions.findIndex((q) => q.stage === 'clarifying');
  if (firstClarifying >= 0) {
    tree.questions.forEach((q, i) => {
      if (i > firstClarifying && q.stage === 'scoping') {
        issues.push({ path: ['questions', i, 'stage'], problem: `scoping questions must come before the clarifying one (questions[${firstClarifying}])` });
      }
    });
  }

  // One clarifying question per path. Two clarifying questions are fine only when they are
  // alternatives: conditioned on the same question with disjoint options. This is stricter than
  // strictly necessary but is a rule an owner can follow in a form.
  const clarifying = tree.questions.flatMap((q, i) => (q.stage === 'clarifying' ? [{ q, i }] : []));
  for (let a = 0; a < clarifying.length; a++) {
    for (let b = a + 1; b < clarifying.length; b++) {
      const first = clarifying[a];
      const second = clarifying[b];
      if (first === undefined || second === undefined) continue;
      const exclusive =
        first.q.when !== undefined &&
        second.q.when !== undefined &&
        first.q.when.questionId === second.q.when.questionId &&
        !first.q.when.anyOf.some((id) => second.q.when?.anyOf.includes(id));
      if (!exclusive) {
        issues.push({
          path: ['questions', second.i, 'when'],
          problem: `questions[${first.i}] and questions[${second.i}] are both clarifying and could both be asked; only one clarifying question may apply, so condition both on the same question with different options`,
        });
      }
    }
  }

  // Only meaningful once the structure is sound (the ceiling walks the conditions).
  if (issues.length === 0 && treePriceCeiling(tree) > MAX_PRICE) {
    issues.push({ path: ['questions'], problem: `the highest possible price exceeds ${MAX_PRICE}; check for an extra zero or a large quantity range` });
  }
  return issues;
}

/** One quote tree, with its semantic rules. Error messages start with the path they refer to. */
export const quoteTreeSchema = quoteTreeShape.superRefine((tree, ctx) => {
  for (const { path, problem } of semanticIssues(tree)) {
    ctx.addIssue({ code: 'custom', path, message: `${pathLabel(path)}: ${problem}` });
  }
});

/** All trees of one site: what the widget config stores. Tree ids are unique per site. */
export const quoteTreeListSchema = z.array(quoteTreeSchema).max(50).superRefine((trees, ctx) => {
  const seen = new Map<string, number>();
  trees.forEach((tree, i) => {
    const prev = seen.get(tree.id);
    if (prev !== undefined) {
      ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `[${i}].id: duplicate tree id "${tree.id}" (already used by [${prev}])` });
    } else {
      seen.set(tree.id, i);
    }
  });
});
