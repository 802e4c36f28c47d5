/**
 * The quote-tree editor's form state and its conversion to and from the server's QuoteTree.
 * Inputs hold strings (a half-typed "1." is not a number yet) and every text has all three
 * languages; `toTree` turns that into the model, dropping blank languages and unset optional
 * parts, and reports what it cannot convert under the same paths the server uses
 * ("questions.2.options.1.price.add"), so both kinds of error land next to the same field.
 */
import type { QuoteTree } from '../api/contract.js';

type Question = QuoteTree['questions'][number];
type Option = Extract<Question, { type: 'choice' }>['options'][number];
export type LocalizedForm = { ru: string; hy: string; en: string };

export interface OptionForm {
  id: string;
  label: LocalizedForm;
  /** Added to the price, in whole currency units ('' = nothing). */
  add: string;
  /** Multiplies the price ('' = ×1). */
  multiply: string;
  serviceId: string;
  handoff: boolean;
  handoffReason: LocalizedForm;
}

export interface QuestionForm {
  id: string;
  type: 'choice' | 'number';
  stage: 'scoping' | 'clarifying';
  text: LocalizedForm;
  factor: LocalizedForm;
  /** Ask only after this earlier choice question… ('' = always). */
  whenQuestionId: string;
  /** …was answered with one of these options. */
  whenAnyOf: string[];
  options: OptionForm[];
  min: string;
  max: string;
  step: string;
  unit: LocalizedForm;
  pricing: 'perUnit' | 'quantity';
  perUnitAmount: string;
  handoffAbove: string;
  handoffAboveReason: LocalizedForm;
}

export interface TreeForm {
  id: string;
  title: LocalizedForm;
  defaultLang: QuoteTree['defaultLang'];
  currency: QuoteTree['currency'];
  serviceId: string;
  basePrice: string;
  roundTo: string;
  questions: QuestionForm[];
}

export const emptyText = (): LocalizedForm => ({ ru: '', hy: '', en: '' });

function textForm(t: { ru?: string | undefined; hy?: string | undefined; en?: string | undefined } | undefined): LocalizedForm {
  return { ru: t?.ru ?? '', hy: t?.hy ?? '', en: t?.en ?? '' };
}

const str = (n: number | undefined) => (n === undefined ? '' : String(n));

/**
 * The smallest `n` whose `prefix-n` is not taken: ids are made here, never typed by the owner, and
 * a removed question's number may come back without clashing with one still there.
 */
export function nextNumber(prefix: string, ids: readonly string[]): number {
  let n = 1;
  while (ids.includes(`${prefix}-${n}`)) n++;
  return n;
}

export function newOption(n: number): OptionForm {
  return { id: `option-${n}`, label: emptyText(), add: '', multiply: '', serviceId: '', handoff: false, handoffReason: emptyText() };
}

export function newQuestion(n: number): QuestionForm {
  return {
    id: `question-${n}`,
    type: 'choice',
    stage: 'scoping',
    text: emptyText(),
    factor: emptyText(),
    whenQuestionId: '',
    whenAnyOf: [],
    options: [newOption(1), newOption(2)],
    min: '1',
    max: '10',
    step: '',
    unit: emptyText(),
    pricing: 'quantity',
    perUnitAmount: '',
    handoffAbove: '',
    handoffAboveReason: emptyText(),
  };
}

export function newTree(n: number, defaults: { defaultLang: QuoteTree['defaultLang']; currency: QuoteTree['currency']; serviceId: string }): TreeForm {
  return { id: `quote-${n}`, title: emptyText(), ...defaults, basePrice: '0', roundTo: '', questions: [] };
}

export function toForm(tree: QuoteTree): TreeForm {
  return {
    id: tree.id,
    title: textForm(tree.title),
    defaultLang: tree.defaultLang,
    currency: tree.currency,
    serviceId: tree.serviceId,
    basePrice: String(tree.basePrice),
    roundTo: str(tree.roundTo),
    questions: tree.questions.map((q): QuestionForm => {
      const blank = newQuestion(0);
      const common = {
        ...blank,
        id: q.id,
        type: q.type,
        stage: q.stage,
        text: textForm(q.text),
        factor: textForm(q.factor),
        whenQuestionId: q.when?.questionId ?? '',
        whenAnyOf: [...(q.when?.anyOf ?? [])],
      };
      if (q.type === 'choice') {
        return {
          ...common,
          options: q.options.map((o) => ({
            id: o.id,
            label: textForm(o.label),
            add: str(o.price?.add),
            multiply: str(o.price?.multiply),
            serviceId: o.serviceId ?? '',
            handoff: o.handoff !== undefined,
            handoffReason: textForm(o.handoff?.reason),
          })),
        };
      }
      return {
        ...common,
        options: [],
        min: String(q.min),
        max: String(q.max),
        step: str(q.step),
        unit: textForm(q.unit),
        pricing: q.pricing.type,
        perUnitAmount: q.pricing.type === 'perUnit' ? String(q.pricing.amount) : '',
        handoffAbove: str(q.handoffAbove?.value),
        handoffAboveReason: textForm(q.handoffAbove?.reason),
      };
    }),
  };
}

export type FormErrors = { path: string; message: string }[];

/** Localized text without blank languages, or undefined when every language is blank. */
function text(t: LocalizedForm): { ru?: string; hy?: string; en?: string } | undefined {
  const out: { ru?: string; hy?: string; en?: string } = {};
  for (const lang of ['ru', 'hy', 'en'] as const) if (t[lang].trim()) out[lang] = t[lang].trim();
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * The tree the form describes, or the fields that are not numbers / not filled in. Semantic
 * rules (unique ids, conditions, one clarifying question) stay on the server, which names the
 * field in the same path syntax.
 */
export function toTree(form: TreeForm): { tree: QuoteTree; errors: FormErrors } {
  const errors: FormErrors = [];
  const num = (value: string, path: string, opts: { required?: boolean; integer?: boolean } = {}): number | undefined => {
    const s = value.trim().replace(',', '.');
    if (s === '') {
      if (opts.required) errors.push({ path, message: 'required' });
      return undefined;
    }
    const n = Number(s);
    if (!Number.isFinite(n) || (opts.integer !== false && !Number.isInteger(n))) {
      errors.push({ path, message: opts.integer === false ? 'not a number' : 'not a whole number' });
      return undefined;
    }
    return n;
  };
  const req = (t: LocalizedForm, path: string) => {
    const v = text(t);
    if (!v) errors.push({ path, message: 'needs text in at least one language' });
    return v ?? {};
  };

  const questions = form.questions.map((q, i): Question => {
    const at = `questions.${i}`;
    const factor = text(q.factor);
    const base = {
      id: q.id.trim(),
      stage: q.stage,
      text: req(q.text, `${at}.text`),
      ...(factor ? { factor } : {}),
      ...(q.whenQuestionId ? { when: { questionId: q.whenQuestionId, anyOf: [...q.whenAnyOf] } } : {}),
    };
    if (q.type === 'choice') {
      return {
        ...base,
        type: 'choice',
        options: q.options.map((o, j): Option => {
          const oat = `${at}.options.${j}`;
          const add = num(o.add, `${oat}.price.add`);
          const multiply = num(o.multiply, `${oat}.price.multiply`, { integer: false });
          const price = { ...(add !== undefined ? { add } : {}), ...(multiply !== undefined ? { multiply } : {}) };
          return {
            id: o.id.trim(),
            label: req(o.label, `${oat}.label`),
            ...(Object.keys(price).length > 0 ? { price } : {}),
            ...(o.serviceId ? { serviceId: o.serviceId } : {}),
            ...(o.handoff ? { handoff: { reason: req(o.handoffReason, `${oat}.handoff.reason`) } } : {}),
          };
        }),
      };
    }
    const step = num(q.step, `${at}.step`);
    const unit = text(q.unit);
    const above = num(q.handoffAbove, `${at}.handoffAbove.value`);
    return {
      ...base,
      type: 'number',
      min: num(q.min, `${at}.min`, { required: true }) ?? 0,
      max: num(q.max, `${at}.max`, { required: true }) ?? 0,
      ...(step !== undefined ? { step } : {}),
      ...(unit ? { unit } : {}),
      pricing:
        q.pricing === 'perUnit'
          ? { type: 'perUnit', amount: num(q.perUnitAmount, `${at}.pricing.amount`, { required: true }) ?? 0 }
          : { type: 'quantity' },
      ...(above !== undefined ? { handoffAbove: { value: above, reason: req(q.handoffAboveReason, `${at}.handoffAbove.reason`) } } : {}),
    };
  });

  const roundTo = num(form.roundTo, 'roundTo');
  const tree: QuoteTree = {
    id: form.id.trim(),
    title: req(form.title, 'title'),
    defaultLang: form.defaultLang,
    currency: form.currency,
    serviceId: form.serviceId,
    basePrice: num(form.basePrice, 'basePrice', { required: true }) ?? 0,
    ...(roundTo !== undefined ? { roundTo } : {}),
    questions,
  };
  return { tree, errors };
}
