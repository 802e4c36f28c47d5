/**
 * Qualification (issue 17): the owner's 0–5 questions for a service, each with quick-reply answers
 * worth some points ("within 7 days" +2, "budget above 10 000 ₽" +2), and the score at which a
 * visitor counts as qualified. Qualified visitors go straight on to the times; the others are
 * offered what the owner chose instead (the waiting list, a smaller package, a useful link) and
 * always "talk to a person". Zero questions = no qualification at all (the booking as before).
 *
 * An answer may be marked `soon` ("today or tomorrow"): the visitor wants a time within 48 h,
 * which makes the lead hot (PRODUCT.md; domain/lead-score.ts).
 *
 * Pure: the schema validates what the owner saves (errors name the field), `scoreAnswers` adds up.
 */
import { z } from 'zod';
import { localizedTextSchema, localize, type LocalizedText } from '../quote/localized-text.js';
import type { Lang } from '@frontdesk/shared';

/**
 * The chat-menu requests the owner may also put questions before: a price ("prices", asked before
 * the price) and "talk to a person" ("human", asked before the hand-off form). Booking has its
 * questions per service; "my booking" and "other" are not a sale to qualify.
 */
export const QUAL_INTENTS = ['prices', 'human'] as const;
export type QualIntent = (typeof QUAL_INTENTS)[number];

export const MAX_QUESTIONS = 5;
export const MAX_ANSWERS = 6;
export const MAX_POINTS = 10;
/** The threshold is within what 5 questions of ±10 points can reach. */
export const MAX_THRESHOLD = MAX_QUESTIONS * MAX_POINTS;

export interface QualAnswer {
  label: LocalizedText;
  points: number;
  /** Choosing it means the visitor wants a time within 48 h (a hot lead). */
  soon: boolean;
}

export interface QualQuestion {
  text: LocalizedText;
  answers: QualAnswer[];
}

export interface QualAlternatives {
  /** Offer the waiting list (only where the business has one: the engine checks). */
  waitlist: boolean;
  /** A smaller package: another service of the business. */
  smallerServiceId: string | null;
  link: { url: string; label: LocalizedText } | null;
}

export interface Qualification {
  questions: QualQuestion[];
  /** Qualified when the sum of the points reaches this. */
  threshold: number;
  alternatives: QualAlternatives;
}

const answerSchema = z.strictObject({
  label: localizedTextSchema(80),
  points: z.number().int('whole points').min(-MAX_POINTS).max(MAX_POINTS),
  soon: z.boolean().default(false),
});

const questionSchema = z.strictObject({
  text: localizedTextSchema(200),
  answers: z.array(answerSchema).min(2, 'give at least 2 answers').max(MAX_ANSWERS, `at most ${MAX_ANSWERS} answers`),
});

export const qualificationSchema = z.strictObject({
  questions: z.array(questionSchema).max(MAX_QUESTIONS, `at most ${MAX_QUESTIONS} questions`),
  threshold: z.number().int('whole points').min(-MAX_THRESHOLD).max(MAX_THRESHOLD),
  alternatives: z.strictObject({
    waitlist: z.boolean(),
    smallerServiceId: z.string().min(1).max(100).nullable(),
    link: z
      .strictObject({
        url: z.string().trim().max(500).url('must be a web address').refine((u) => /^https?:\/\//i.test(u), 'must start with http:// or https://'),
        label: localizedTextSchema(80),
      })
      .nullable(),
  }),
});

export type QualificationInput = z.input<typeof qualificationSchema>;

/** The owner's questions in effect: none when there are none (booking as before). */
export const hasQuestions = (q: Qualification | null | undefined): q is Qualification => !!q && q.questions.length > 0;

/** Answers given: the answer's index for each question, in order. */
export interface ScoredAnswers {
  score: number;
  qualified: boolean;
  /** An answer marked "soon" was chosen. */
  soon: boolean;
}

export function scoreAnswers(q: Qualification, picked: readonly number[]): ScoredAnswers {
  let score = 0;
  let soon = false;
  picked.forEach((a, i) => {
    const answer = q.questions[i]?.answers[a];
    if (!answer) return;
    score += answer.points;
    soon ||= answer.soon;
  });
  return { score, qualified: score >= q.threshold, soon };
}

/** What a lead keeps: the questions and answers as words in one language (the team's), with the points. */
export interface LeadQualificationRecord {
  /** The service whose questions were answered; null for an intent's. */
  serviceId: string | null;
  /** The intent whose questions were answered (absent for a service's). */
  intent?: QualIntent | undefined;
  score: number;
  threshold: number;
  /** null until every question is answered. */
  qualified: boolean | null;
  soon: boolean;
  answers: Array<{ question: string; answer: string; points: number }>;
}

export function leadRecord(of: string | { intent: QualIntent }, q: Qualification, picked: readonly number[], lang: Lang, defaultLang: Lang): LeadQualificationRecord {
  const s = scoreAnswers(q, picked);
  return {
    ...(typeof of === 'string' ? { serviceId: of } : { serviceId: null, intent: of.intent }),
    score: s.score,
    threshold: q.threshold,
    qualified: picked.length >= q.questions.length ? s.qualified : null,
    soon: s.soon,
    answers: picked.flatMap((a, i) => {
      const question = q.questions[i];
      const answer = question?.answers[a];
      return question && answer ? [{ question: localize(question.text, lang, defaultLang), answer: localize(answer.label, lang, defaultLang), points: answer.points }] : [];
    }),
  };
}
