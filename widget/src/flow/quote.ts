import { signal } from '@preact/signals-core';
import { createModel } from './model';
import type { Chat } from './chat';
import type { Question, QuoteStep } from './port';

export type QuoteStage = 'tree' | 'question' | 'final';
type Final = Extract<QuoteStep, { kind: 'final' }>;

/**
 * The quote tree, one question at a time. The server computes every price: this
 * model only carries answers to it and shows the range, then the final price.
 */
export const Quote = createModel((chat: Chat) => {
  const stage = signal<QuoteStage>('tree');
  const treeId = signal('');
  const answers = signal<Record<string, string | number>>({});
  const question = signal<Question | null>(null);
  const final = signal<Final | null>(null);

  /** Prices: the site's quote tree; without one, the service list (each with its price). */
  function start(): void {
    const trees = chat.site.value?.widget.quoteTrees ?? [];
    if (!trees.length) return chat.to.booking({});
    chat.go('quote');
    if (trees.length === 1) return void pickTree(trees[0]!.id);
    stage.value = 'tree';
    chat.bot({ k: 'tree' });
  }

  async function pickTree(id: string, label?: string): Promise<void> {
    chat.user(label);
    treeId.value = id;
    answers.value = {};
    final.value = null;
    await evaluate();
  }

  async function answer(value: string | number, label?: string): Promise<void> {
    const q = question.value;
    if (!q) return;
    chat.user(label ?? String(value));
    answers.value = { ...answers.value, [q.id]: value };
    await evaluate();
  }

  async function evaluate(): Promise<void> {
    const input = { siteKey: chat.siteKey.value, treeId: treeId.value, answers: answers.value, lang: chat.lang.value };
    const r = await chat.call(() => chat.deps.api.quote(input), () => void evaluate());
    if (!r.ok) return;
    const step = r.data;
    if (step.kind === 'handoff') {
      if (step.reason) chat.bot({ k: 'q', text: step.reason });
      return chat.to.handoff({ intent: 'prices', summary: step.summary });
    }
    if (step.kind === 'final') {
      final.value = step;
      question.value = null;
      stage.value = 'final';
      const { price, range, summary, factors, currency } = step;
      chat.bot({ k: 'final', price, range, summary, factors, currency });
      return chat.deps.emit('quote', { treeId: treeId.value, price, range, currency, serviceId: step.serviceId });
    }
    // The service sends a range with the clarifying question only: the range first, with the
    // factors that move it, then that question for the final price.
    question.value = step.question;
    stage.value = 'question';
    if (step.range) chat.bot({ k: 'range', range: step.range, factors: step.factors, currency: step.currency });
    chat.bot({ k: 'q', text: step.question.text });
  }

  /** "Book this": carries the quoted service into booking. */
  function book(): void {
    chat.to.booking({ serviceId: final.value?.serviceId ?? undefined });
  }

  /** "Ask a specialist": hands the quote summary to a person. */
  function ask(): void {
    chat.to.handoff({ intent: 'prices', summary: final.value?.summary ?? '' });
  }

  return { stage, treeId, answers, question, final, start, pickTree, answer, book, ask };
});
export type Quote = InstanceType<typeof Quote>;
