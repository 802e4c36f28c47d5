/**
 * The arithmetic of the quote price model (formula in quote-tree-schema.ts): applying answers,
 * rounding, and the price RANGE still reachable from a partly answered tree.
 *
 * Invariant the range code relies on: the raw price is (sum of adds) × (product of factors),
 * every factor is ≥ 0, and rounding/clamping is monotone. So for fixed choice answers the price
 * is linear in each number answer, its extremes sit at the ends of each number's accepted
 * range, and enumerating choice options × number endpoints finds the exact min and max.
 */
import type { NumberQuestion, QuoteQuestion, QuoteTree } from './quote-tree-schema.js';

export interface PriceRange {
  min: number;
  max: number;
}

/** Running terms of the formula: price = finalize(add × factor). */
export interface PriceTerms {
  add: number;
  factor: number;
}

/** Option picked per choice question (questionId → optionId); decides which questions apply. */
export type Picks = ReadonlyMap<string, string>;

/**
 * Exact enumeration visits at most this many nodes (≈ a few ms) before falling back to
 * interval arithmetic, which is never narrower than the truth but may be wider.
 */
const EXACT_VISIT_BUDGET = 20_000;

export function initialTerms(tree: QuoteTree): PriceTerms {
  return { add: tree.basePrice, factor: 1 };
}

/** Rounds to the tree's granularity and never goes below zero (a discount can't pay the visitor). */
export function finalizePrice(terms: PriceTerms, roundTo: number): number {
  // Snap float noise first (11000 × 1.15 is 12649.999999999998, which must round like 12650).
  // Every step is monotone, so ranges computed on raw prices stay valid after rounding.
  const raw = Math.round(terms.add * terms.factor * 10_000) / 10_000;
  return Math.max(0, Math.round(raw / roundTo) * roundTo);
}

export function withOption(terms: PriceTerms, effect: { add?: number | undefined; multiply?: number | undefined } | undefined): PriceTerms {
  return { add: terms.add + (effect?.add ?? 0), factor: terms.factor * (effect?.multiply ?? 1) };
}

export function withNumber(terms: PriceTerms, q: NumberQuestion, value: number): PriceTerms {
  return q.pricing.type === 'quantity'
    ? { add: terms.add, factor: terms.factor * value }
    : { add: terms.add + value * q.pricing.amount, factor: terms.factor };
}

/** Answers a number question accepts without a hand-off: lowest and highest on the step grid. */
export function acceptedNumberRange(q: NumberQuestion): { lo: number; hi: number } | null {
  const step = q.step ?? 1;
  const top = Math.min(q.max, q.handoffAbove?.value ?? q.max);
  if (top < q.min) return null;
  return { lo: q.min, hi: q.min + Math.floor((top - q.min) / step) * step };
}

/** Whether a question is asked, given the options picked so far (conditions refer to earlier questions only). */
export function isAsked(q: QuoteQuestion, picks: Picks): boolean {
  if (q.when === undefined) return true;
  const picked = picks.get(q.when.questionId);
  return picked !== undefined && q.when.anyOf.includes(picked);
}

/** Whether the answer to this question can change the price (ignoring hand-offs). */
export function canMovePrice(q: QuoteQuestion): boolean {
  if (q.type === 'choice') {
    const effects = new Set(
      q.options.filter((o) => o.handoff === undefined).map((o) => `${o.price?.add ?? 0}×${o.price?.multiply ?? 1}`),
    );
    return effects.size > 1;
  }
  const accepted = acceptedNumberRange(q);
  if (accepted === null || accepted.lo === accepted.hi) return false;
  return q.pricing.type === 'quantity' || q.pricing.amount !== 0;
}

export type Reach = 'yes' | 'maybe' | 'no';

/**
 * For each question from `from` on: will it be asked ('yes'), might it be ('maybe', depends on
 * an answer still to come), or not ('no'). Questions before `from` are settled: asked iff
 * picked (number questions are never referenced by conditions).
 */
export function reachFrom(tree: QuoteTree, picks: Picks, from: number): Map<string, Reach> {
  const reach = new Map<string, Reach>();
  tree.questions.forEach((q, i) => {
    if (i < from) {
      reach.set(q.id, picks.has(q.id) || q.type === 'number' ? 'yes' : 'no');
      return;
    }
    if (q.when === undefined) {
      reach.set(q.id, 'yes');
      return;
    }
    const picked = picks.get(q.when.questionId);
    if (picked !== undefined) {
      reach.set(q.id, q.when.anyOf.includes(picked) ? 'yes' : 'no');
      return;
    }
    const refReach = reach.get(q.when.questionId) ?? 'no';
    const ref = tree.questions.find((other) => other.id === q.when?.questionId);
    if (refReach === 'no' || ref === undefined || ref.type !== 'choice') {
      reach.set(q.id, 'no');
      return;
    }
    // Hand-off options never lead to a price, so only priced options count.
    const priced = ref.options.filter((o) => o.handoff === undefined);
    const matching = priced.filter((o) => q.when?.anyOf.includes(o.id)).length;
    reach.set(q.id, matching === 0 ? 'no' : matching === priced.length && refReach === 'yes' ? 'yes' : 'maybe');
  });
  return reach;
}

function exactRange(tree: QuoteTree, picks: Picks, terms: PriceTerms, from: number): PriceRange | null {
  const roundTo = tree.roundTo ?? 1;
  const current = new Map(picks);
  let visits = 0;
  let min = Infinity;
  let max = -Infinity;

  // Returns false once the budget is spent.
  const visit = (i: number, t: PriceTerms): boolean => {
    visits += 1;
    if (visits > EXACT_VISIT_BUDGET) return false;
    const q = tree.questions[i];
    if (q === undefined) {
      const price = finalizePrice(t, roundTo);
      min = Math.min(min, price);
      max = Math.max(max, price);
      return true;
    }
    if (!isAsked(q, current)) return visit(i + 1, t);
    if (q.type === 'choice') {
      for (const o of q.options) {
        if (o.handoff !== undefined) continue;
        current.set(q.id, o.id);
        const ok = visit(i + 1, withOption(t, o.price));
        current.delete(q.id);
        if (!ok) return false;
      }
      return true;
    }
    const accepted = acceptedNumberRange(q);
    if (accepted === null) return true;
    const ends = accepted.lo === accepted.hi ? [accepted.lo] : [accepted.lo, accepted.hi];
    return ends.every((v) => visit(i + 1, withNumber(t, q, v)));
  };

  if (!visit(from, terms) || min > max) return null;
  return { min, max };
}

/**
 * Interval arithmetic over the remaining questions: cheap and never narrower than the truth,
 * but wider when conditions correlate with prices. The fallback for trees too big to enumerate.
 */
export function intervalRange(tree: QuoteTree, picks: Picks, terms: PriceTerms, from: number): PriceRange {
  const reach = reachFrom(tree, picks, from);
  let addLo = terms.add;
  let addHi = terms.add;
  let factorLo = terms.factor;
  let factorHi = terms.factor;

  for (const q of tree.questions.slice(from)) {
    const r = reach.get(q.id) ?? 'no';
    if (r === 'no') continue;
    let aLo: number;
    let aHi: number;
    let fLo: number;
    let fHi: number;
    if (q.type === 'choice') {
      const priced = q.options.filter((o) => o.handoff === undefined);
      const adds = priced.map((o) => o.price?.add ?? 0);
      const factors = priced.map((o) => o.price?.multiply ?? 1);
      [aLo, aHi, fLo, fHi] = [Math.min(...adds), Math.max(...adds), Math.min(...factors), Math.max(...factors)];
    } else {
      const accepted = acceptedNumberRange(q) ?? { lo: 0, hi: 0 };
      if (q.pricing.type === 'quantity') {
        [aLo, aHi, fLo, fHi] = [0, 0, accepted.lo, accepted.hi];
      } else {
        const ends = [accepted.lo * q.pricing.amount, accepted.hi * q.pricing.amount];
        [aLo, aHi, fLo, fHi] = [Math.min(...ends), Math.max(...ends), 1, 1];
      }
    }
    if (r === 'maybe') {
      // Not asked contributes nothing: add 0, factor 1.
      [aLo, aHi, fLo, fHi] = [Math.min(aLo, 0), Math.max(aHi, 0), Math.min(fLo, 1), Math.max(fHi, 1)];
    }
    addLo += aLo;
    addHi += aHi;
    // Factors are never negative, so the product's bounds are the products of the bounds.
    factorLo *= fLo;
    factorHi *= fHi;
  }

  const roundTo = tree.roundTo ?? 1;
  const corners = [addLo * factorLo, addLo * factorHi, addHi * factorLo, addHi * factorHi].map((raw) =>
    finalizePrice({ add: raw, factor: 1 }, roundTo),
  );
  return { min: Math.min(...corners), max: Math.max(...corners) };
}

/**
 * Every final price reachable when the questions before `from` are settled (their effect is in
 * `terms`, their picks in `picks`) and the rest are still open. Exact while the tree is small
 * enough to enumerate, otherwise a guaranteed superset.
 */
export function priceRange(tree: QuoteTree, picks: Picks, terms: PriceTerms, from: number): PriceRange {
  return exactRange(tree, picks, terms, from) ?? intervalRange(tree, picks, terms, from);
}

/** The highest price any answers could produce (used to reject trees with a typo'd price). */
export function treePriceCeiling(tree: QuoteTree): number {
  return intervalRange(tree, new Map(), initialTerms(tree), 0).max;
}
