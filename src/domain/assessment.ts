import { z } from 'zod';
import { accountIdSchema } from './identifiers';
import { parseWith, requiredText } from './parse-input';
import { instantSchema, type EpochMs } from './time';

/** The handbook's Assess questions, in the order the IM asks them. */
export const ASSESSMENT_QUESTIONS = [
  { id: 'customer-impact', question: 'What is the impact to customers (internal or external)?' },
  { id: 'customer-experience', question: 'What are customers seeing?' },
  { id: 'customers-affected', question: 'How many customers are affected (some, all)?' },
  { id: 'impact-started', question: 'When did it start?' },
  { id: 'support-cases', question: 'How many support cases have customers opened?' },
  { id: 'other-factors', question: 'Are there other factors, e.g. Twitter, security, or data loss?' },
] as const;

/** One of the Assess questions. */
export type AssessmentQuestion = (typeof ASSESSMENT_QUESTIONS)[number];

/** The id of an Assess question. */
export type AssessmentQuestionId = AssessmentQuestion['id'];

/** Factors beyond direct impact that change how an incident is handled. */
export const OTHER_FACTORS = ['social-media', 'security', 'data-loss', 'other'] as const;

const answered = { answeredAt: instantSchema, by: accountIdSchema };

/** Zod schema for an answer; the shape of `answer` depends on the question. */
export const assessmentAnswerSchema = z.discriminatedUnion(
  'questionId',
  [
    z
      .object({
        questionId: z.literal('customer-impact'),
        answer: z.object({ audience: z.enum(['internal', 'external', 'both']), summary: requiredText(2000) }).strict(),
        ...answered,
      })
      .strict(),
    z.object({ questionId: z.literal('customer-experience'), answer: requiredText(2000), ...answered }).strict(),
    z
      .object({
        questionId: z.literal('customers-affected'),
        answer: z
          .object({
            reach: z.enum(['some', 'all']),
            count: z.number().int('must be a whole number').nonnegative('must not be negative').exactOptional(),
          })
          .strict(),
        ...answered,
      })
      .strict(),
    z.object({ questionId: z.literal('impact-started'), answer: instantSchema, ...answered }).strict(),
    z
      .object({
        questionId: z.literal('support-cases'),
        answer: z.number().int('must be a whole number').nonnegative('must not be negative'),
        ...answered,
      })
      .strict(),
    z
      .object({
        questionId: z.literal('other-factors'),
        answer: z.object({ factors: z.array(z.enum(OTHER_FACTORS)), notes: requiredText(2000).exactOptional() }).strict(),
        ...answered,
      })
      .strict(),
  ],
  { error: `must name one of the questions: ${ASSESSMENT_QUESTIONS.map((q) => q.id).join(', ')}` },
);

/** An answer to an Assess question, who gave it and when. An empty `factors` list means "none". */
export type AssessmentAnswer = z.output<typeof assessmentAnswerSchema>;

/** Parses one answer (instants as ISO-8601 strings). */
export function parseAssessmentAnswer(input: unknown, field = 'answer'): AssessmentAnswer {
  return parseWith(assessmentAnswerSchema, input, field);
}

/** The latest answer to each question: answers are revised as the picture sharpens. */
export function latestAnswers(answers: readonly AssessmentAnswer[]): Partial<Record<AssessmentQuestionId, AssessmentAnswer>> {
  const latest: Partial<Record<AssessmentQuestionId, AssessmentAnswer>> = {};
  for (const answer of answers) {
    const previous = latest[answer.questionId];
    if (previous === undefined || answer.answeredAt >= previous.answeredAt) latest[answer.questionId] = answer;
  }
  return latest;
}

/** Facts recorded elsewhere on the incident that already answer a question. */
export interface KnownAssessmentFacts {
  readonly impactStart?: EpochMs;
  readonly supportCaseCount?: number;
}

/** How far the assessment has got. */
export interface AssessmentProgress {
  readonly answered: number;
  readonly total: number;
  readonly complete: boolean;
  readonly unanswered: readonly AssessmentQuestion[];
  readonly next?: AssessmentQuestion;
}

/**
 * Which questions are answered. The impact start time and the support case count are Jira fields,
 * so when `known` carries them those questions count as answered without asking again.
 */
export function assessmentProgress(answers: readonly AssessmentAnswer[], known: KnownAssessmentFacts = {}): AssessmentProgress {
  const latest = latestAnswers(answers);
  const unanswered = ASSESSMENT_QUESTIONS.filter((question) => {
    if (question.id === 'impact-started' && known.impactStart !== undefined) return false;
    if (question.id === 'support-cases' && known.supportCaseCount !== undefined) return false;
    return latest[question.id] === undefined;
  });
  const [next] = unanswered;
  return {
    answered: ASSESSMENT_QUESTIONS.length - unanswered.length,
    total: ASSESSMENT_QUESTIONS.length,
    complete: unanswered.length === 0,
    unanswered,
    ...(next === undefined ? {} : { next }),
  };
}

/** Whether external customers are affected, per the latest impact answer; undefined until it is answered. */
export function externalCustomersAffected(answers: readonly AssessmentAnswer[]): boolean | undefined {
  const impact = latestAnswers(answers)['customer-impact'];
  if (impact?.questionId !== 'customer-impact') return undefined;
  return impact.answer.audience !== 'internal';
}
