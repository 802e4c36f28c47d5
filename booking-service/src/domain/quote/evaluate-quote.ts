/**
 * Runs a quote tree against the visitor's answers so far and says what happens next: the next
 * question (with the price range once scoping is done), the final price, a hand-off, or which
 * answer is invalid. Stateless: the widget resends all answers each time, and shows exactly
 * what this returns; it never computes a price itself.
 */
import type { Currency, NumberQuestion, QuoteQuestion, QuoteTree } from './quote-tree-schema.js';
import type { Lang } from '@frontdesk/shared';
import { localize, type LocalizedText } from './localized-text.js';
import { labelled } from '../messages/icu.js';
import {
  canMovePrice,
  finalizePrice,
  initialTerms,
  isAsked,
  priceRange,
  reachFrom,
  withNumber,
  withOption,
  type PriceRange,
  type PriceTerms,
} from './price-bounds.js';

export type { PriceRange } from './price-bounds.js';

export type QuoteAnswers = Readonly<Record<string, string | number>>;

/** A question in the visitor's language, ready to render as quick replies or a number input. */
export type QuoteQuestionView = {
  id: string;
  stage: 'scoping' | 'clarifying';
  text: string;
  /** Short name of what the question decides, e.g. "Hair length". */
  factor: string;
} & (
  | { type: 'choice'; options: Array<{ id: string; label: string }> }
  | { type: 'number'; min: number; max: number; step: number; unit?: string }
);

export type QuoteInvalidReason =
  /** The answers name a question the tree doesn't have (stale widget, tampering). */
  | 'UNKNOWN_QUESTION'
  /** A choice answer that is not one of the question's option ids. */
  | 'UNKNOWN_OPTION'
  /** A number question answered with something that isn't a whole number. */
  | 'NOT_A_NUMBER'
  | 'OUT_OF_RANGE'
  /** Not on the min, min + step, … grid. */
  | 'OFF_STEP';

export type QuoteEvaluation =
  | {
      kind: 'question';
      question: QuoteQuestionView;
      /** Present once the scoping questions are answered, i.e. for the clarifying question. */
      range?: PriceRange;
      /** Factors that can still change the price, e.g. ["Technique", "Hair density"]. */
      factors: string[];
      currency: Currency;
    }
  | {
      kind: 'final';
      price: number;
      /** The range shown before the clarifying question ({price, price} if there was none). */
      range: PriceRange;
      currency: Currency;
      serviceId: string;
      /** One line for the visitor and the staff: "Hair coloring: Hair length: Long; …". */
      summary: string;
      /** The answers that made the price, "Hair length: Long", in question order. */
      factors: string[];
    }
  | {
      kind: 'handoff';
      /** What the visitor asked for so far, for the specialist (evaluate again in the team's language for staff). */
      summary: string;
      /** Why a person has to take over, in the visitor's language. */
      reason: string;
      /** The service the visitor was heading to, for routing the hand-off. */
      serviceId: string;
    }
  | { kind: 'invalid'; field: string; reason: QuoteInvalidReason };

type Step =
  | { kind: 'priced'; terms: PriceTerms; line: string; optionId?: string; serviceId?: string }
  | { kind: 'handoff'; line: string; reason: LocalizedText }
  | { kind: 'invalid'; reason: QuoteInvalidReason };

function factorOf(q: QuoteQuestion, lang: Lang, defaultLang: Lang): string {
  return localize(q.factor ?? q.text, lang, defaultLang);
}

function parseWholeNumber(value: string | number): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  // The widget may send what the input held; accept plain digits only ("3", " 12 ").
  return /^\s*\d{1,9}\s*$/.test(value) ? Number(value) : null;
}

function answerNumber(q: NumberQuestion, value: string | number, terms: PriceTerms, factor: string, lang: Lang): Step {
  const n = parseWholeNumber(value);
  if (n === null) return { kind: 'invalid', reason: 'NOT_A_NUMBER' };
  if (n < q.min || n > q.max) return { kind: 'invalid', reason: 'OUT_OF_RANGE' };
  if (!Number.isInteger(n) || (n - q.min) % (q.step ?? 1) !== 0) return { kind: 'invalid', reason: 'OFF_STEP' };
  const line = labelled(lang, factor, String(n));
  if (q.handoffAbove !== undefined && n > q.handoffAbove.value) return { kind: 'handoff', line, reason: q.handoffAbove.reason };
  return { kind: 'priced', terms: withNumber(terms, q, n), line };
}

function answer(q: QuoteQuestion, value: string | number, terms: PriceTerms, lang: Lang, defaultLang: Lang): Step {
  const factor = factorOf(q, lang, defaultLang);
  if (q.type === 'number') return answerNumber(q, value, terms, factor, lang);
  const option = typeof value === 'string' ? q.options.find((o) => o.id === value) : undefined;
  if (option === undefined) return { kind: 'invalid', reason: 'UNKNOWN_OPTION' };
  const line = labelled(lang, factor, localize(option.label, lang, defaultLang));
  if (option.handoff !== undefined) return { kind: 'handoff', line, reason: option.handoff.reason };
  return {
    kind: 'priced',
    terms: withOption(terms, option.price),
    line,
    optionId: option.id,
    ...(option.serviceId !== undefined && { serviceId: option.serviceId }),
  };
}

function questionView(q: QuoteQuestion, lang: Lang, defaultLang: Lang): QuoteQuestionView {
  const base = { id: q.id, stage: q.stage, text: localize(q.text, lang, defaultLang), factor: factorOf(q, lang, defaultLang) };
  if (q.type === 'choice') {
    return { ...base, type: 'choice', options: q.options.map((o) => ({ id: o.id, label: localize(o.label, lang, defaultLang) })) };
  }
  return {
    ...base,
    type: 'number',
    min: q.min,
    max: q.max,
    step: q.step ?? 1,
    ...(q.unit !== undefined && { unit: localize(q.unit, lang, defaultLang) }),
  };
}

function summaryOf(tree: QuoteTree, lines: readonly string[], lang: Lang): string {
  const title = localize(tree.title, lang, tree.defaultLang);
  // A factor that repeats the title ("Стрижка: Стрижка: Женская") says it once: "Стрижка: Женская".
  const repeat = labelled(lang, title, '');
  const own = lines.map((l) => (l.toLocaleLowerCase(lang).startsWith(repeat.toLocaleLowerCase(lang)) ? l.slice(repeat.length) : l));
  return own.length === 0 ? title : labelled(lang, title, own.join('; '));
}

/**
 * Evaluates `tree` against `answers` (questionId → option id or number) in language `lang`.
 *
 * Questions are walked in order; answers to questions that no longer apply (the visitor went
 * back and changed an earlier answer) are ignored, answers past the first unanswered question
 * are checked when it is answered.
 *
 * @example
 * evaluateQuote(coloringTree, { length: 'long', technique: 'balayage' }, 'en')
 * // → { kind: 'question', question: { id: 'density', stage: 'clarifying', … },
 * //     range: { min: 10500, max: 11500 }, factors: ['Hair density'], currency: 'RUB' }
 */
export function evaluateQuote(tree: QuoteTree, answers: QuoteAnswers, lang: Lang): QuoteEvaluation {
  const byId = new Map(tree.questions.map((q) => [q.id, q]));
  for (const field of Object.keys(answers)) {
    if (!byId.has(field)) return { kind: 'invalid', field, reason: 'UNKNOWN_QUESTION' };
  }

  const { defaultLang } = tree;
  const picks = new Map<string, string>();
  const lines: string[] = [];
  let terms = initialTerms(tree);
  let serviceId = tree.serviceId;
  let rangeBeforeClarifying: PriceRange | undefined;

  for (const [index, q] of tree.questions.entries()) {
    if (!isAsked(q, picks)) continue;

    if (q.stage === 'clarifying' && rangeBeforeClarifying === undefined) {
      rangeBeforeClarifying = priceRange(tree, picks, terms, index);
    }

    // Own properties only: an answers object is parsed JSON and "constructor" is a valid id.
    if (!Object.hasOwn(answers, q.id)) {
      const reach = reachFrom(tree, picks, index);
      const factors = tree.questions
        .slice(index)
        .filter((later) => reach.get(later.id) !== 'no' && canMovePrice(later))
        .map((later) => factorOf(later, lang, defaultLang));
      return {
        kind: 'question',
        question: questionView(q, lang, defaultLang),
        ...(q.stage === 'clarifying' && rangeBeforeClarifying !== undefined && { range: rangeBeforeClarifying }),
        factors,
        currency: tree.currency,
      };
    }

    const value = answers[q.id];
    const step = value === undefined ? ({ kind: 'invalid', reason: 'UNKNOWN_OPTION' } as const) : answer(q, value, terms, lang, defaultLang);
    if (step.kind === 'invalid') return { kind: 'invalid', field: q.id, reason: step.reason };
    if (step.kind === 'handoff') {
      return {
        kind: 'handoff',
        summary: summaryOf(tree, [...lines, step.line], lang),
        reason: localize(step.reason, lang, defaultLang),
        serviceId,
      };
    }
    terms = step.terms;
    lines.push(step.line);
    if (step.optionId !== undefined) picks.set(q.id, step.optionId);
    if (step.serviceId !== undefined) serviceId = step.serviceId;
  }

  const price = finalizePrice(terms, tree.roundTo ?? 1);
  return {
    kind: 'final',
    price,
    range: rangeBeforeClarifying ?? { min: price, max: price },
    currency: tree.currency,
    serviceId,
    summary: summaryOf(tree, lines, lang),
    factors: lines,
  };
}

