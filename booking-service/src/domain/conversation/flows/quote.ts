/**
 * Prices. With a quote tree: one question at a time (each asked once), the realistic RANGE with
 * the factors that move it before the clarifying question, then the FINAL price; "book this"
 * carries the quote into booking, "ask a specialist" hands it to a person. A complex request
 * (an option or a number the tree marks) goes to a specialist with a summary. Without a tree: a
 * service's price from the price list.
 */
import { evaluateQuote, type QuoteTree } from '../../quote/index.js';
import { findService, findTree } from '../context.js';
import { quoteCard, quoteSummary } from '../cards.js';
import { serviceName } from '../names.js';
import type { Turn } from '../turn.js';
import { durationWords, listWords, priceWords } from '../words/format.js';
import { say } from '../words/index.js';
import { startBooking } from './booking.js';
import { startHandoff } from './handoff.js';
import { qualifyIntent } from './qualify.js';

/** Trees that price a service: the tree's own, or one with an option that books it. */
export function treesFor(t: Turn, serviceId: string): QuoteTree[] {
  return t.ctx.quoteTrees.filter((tree) => tree.serviceId === serviceId || tree.questions.some((q) => q.type === 'choice' && q.options.some((o) => o.serviceId === serviceId)));
}

export function startQuote(t: Turn): void {
  t.state.intent ??= 'prices';
  // The owner's questions before a price come first (flows/qualify.ts); each entry below asks them.
  if (qualifyIntent(t, 'prices', { kind: 'quote' })) return;
  const trees = t.ctx.quoteTrees;
  if (trees.length === 1) return pickTree(t, trees[0]!.id);
  if (trees.length > 1) {
    t.go({ at: 'tree' });
    t.say('askTree');
    return;
  }
  t.go({ at: 'service', purpose: 'price', ids: null });
  t.say('askTree');
}

/** Starts a tree, with answers already known (the service named in the text picks its option). */
export function pickTree(t: Turn, treeId: string, preset: Record<string, string> = {}): void {
  if (qualifyIntent(t, 'prices', { kind: 'tree', treeId, preset })) return;
  t.state.quote = { treeId, answers: preset, asked: [], rangeShown: false, final: null };
  evaluate(t);
}

/** The price of one service: through its tree when it has one, else the price list. */
export function priceOfService(t: Turn, serviceId: string): void {
  if (qualifyIntent(t, 'prices', { kind: 'price', serviceId })) return;
  const tree = treesFor(t, serviceId)[0];
  if (tree) {
    const q = tree.questions.find((x) => x.type === 'choice' && x.options.some((o) => o.serviceId === serviceId));
    const option = q?.type === 'choice' ? q.options.find((o) => o.serviceId === serviceId) : undefined;
    return pickTree(t, tree.id, q && option ? { [q.id]: option.id } : {});
  }
  const s = findService(t.ctx, serviceId)!;
  t.say('priceOf', { service: serviceName(t.ctx, s.id, t.lang), price: priceWords(s.price, s.currency, t.lang), duration: durationWords(s.durationMin, t.lang) });
  t.say('priceAskBook');
  t.go({ at: 'priced', serviceId });
}

function evaluate(t: Turn): void {
  const q = t.state.quote!;
  const tree = findTree(t.ctx, q.treeId);
  // The owner removed or broke the tree since: back to the menu rather than a half-run quote.
  if (!tree) {
    t.go({ at: 'menu' });
    return t.say('again');
  }
  const ev = evaluateQuote(tree, q.answers, t.lang);
  if (ev.kind === 'invalid') {
    // Only a preset can be invalid here (the engine checks every typed answer first): drop it.
    delete q.answers[ev.field];
    return evaluate(t);
  }
  if (ev.kind === 'handoff') {
    t.bot(ev.reason);
    const staffSummary = quoteSummary(tree, q.answers, t.ctx.business.defaultLang);
    startHandoff(t, { intent: 'prices', message: quoteSummary(tree, q.answers, t.lang), summary: staffSummary });
    return;
  }
  if (ev.kind === 'final') {
    const summary = quoteSummary(tree, q.answers, t.lang);
    q.final = { price: ev.price, serviceId: ev.serviceId, summary };
    t.say('final', { price: priceWords({ kind: 'fixed', amount: ev.price }, ev.currency, t.lang) }, quoteCard(tree, 'final', { kind: 'fixed', amount: ev.price }, summary, ev.factors, ev.serviceId, t.lang));
    t.fact({ kind: 'quote_given', treeId: tree.id, price: ev.price, serviceId: ev.serviceId });
    t.go({ at: 'quoted' });
    return;
  }
  if (ev.range && !q.rangeShown) {
    q.rangeShown = true;
    const range = { kind: 'range' as const, min: ev.range.min, max: ev.range.max };
    const values = { range: priceWords(range, ev.currency, t.lang), factors: listWords(ev.factors, t.lang) };
    t.say(ev.factors.length ? 'rangeFactors' : 'range', values, quoteCard(tree, 'range', range, quoteSummary(tree, q.answers, t.lang), ev.factors, null, t.lang));
  }
  if (!q.asked.includes(ev.question.id)) {
    q.asked.push(ev.question.id);
    t.bot(ev.question.text);
  }
  t.go({ at: 'question', questionId: ev.question.id });
}

export function answerChoice(t: Turn, optionId: string): void {
  const q = t.state.quote!;
  const step = t.state.step;
  if (step.at !== 'question') return;
  q.answers[step.questionId] = optionId;
  evaluate(t);
}

/**
 * A number answer: out of range (0, −1, too big) or off the step gets a message naming what is
 * allowed, and the question stays (it is not asked again).
 */
export function answerNumber(t: Turn, value: number, echo: string): void {
  const q = t.state.quote!;
  const step = t.state.step;
  if (step.at !== 'question') return;
  const question = findTree(t.ctx, q.treeId)?.questions.find((x) => x.id === step.questionId);
  if (question?.type !== 'number') return;
  t.visitor(echo);
  const stepSize = question.step ?? 1;
  const ok = Number.isInteger(value) && value >= question.min && value <= question.max && (value - question.min) % stepSize === 0;
  if (!ok) {
    t.say(stepSize > 1 ? 'numberStep' : 'numberRange', { min: question.min, max: question.max, step: stepSize });
    return;
  }
  q.answers[step.questionId] = value;
  evaluate(t);
}

/** "Book this": booking with the quoted service, at the quoted price. */
export function bookQuoted(t: Turn): void {
  const q = t.state.quote;
  if (!q?.final) return startBooking(t);
  startBooking(t, { serviceId: q.final.serviceId, quote: { treeId: q.treeId, answers: q.answers, price: q.final.price, summary: q.final.summary } });
}

/** "Ask a specialist": the quote summary goes to a person. */
export function askSpecialist(t: Turn): void {
  const q = t.state.quote;
  const tree = q && findTree(t.ctx, q.treeId);
  const staffLang = t.ctx.business.defaultLang;
  const summary = q?.final && tree
    ? say(staffLang, 'summary.quote', { summary: quoteSummary(tree, q.answers, staffLang), price: priceWords({ kind: 'fixed', amount: q.final.price }, tree.currency, staffLang) })
    : null;
  startHandoff(t, { intent: 'prices', summary });
}
