import {
  ASSESSMENT_QUESTIONS,
  assessmentProgress,
  externalCustomersAffected,
  latestAnswers,
  parseAssessmentAnswer,
  type AssessmentAnswer,
} from './assessment';
import { ValidationError } from './errors';
import { at } from './testing/generate-incident';
import { thrownBy } from './testing/thrown-by';

const answeredAt = at(5);
const impact = (audience: 'internal' | 'external' | 'both', when = answeredAt): AssessmentAnswer => ({
  questionId: 'customer-impact',
  answer: { audience, summary: 'Checkout fails' },
  answeredAt: when,
  by: 'alice',
});

describe('the Assess questions', () => {
  it("are the handbook's six questions, in order, each with an id", () => {
    expect(ASSESSMENT_QUESTIONS.map((q) => q.id)).toEqual([
      'customer-impact',
      'customer-experience',
      'customers-affected',
      'impact-started',
      'support-cases',
      'other-factors',
    ]);
    expect(ASSESSMENT_QUESTIONS[0].question).toBe('What is the impact to customers (internal or external)?');
    expect(ASSESSMENT_QUESTIONS[5].question).toBe('Are there other factors, e.g. Twitter, security, or data loss?');
  });
});

describe('answers', () => {
  it('parses each kind of answer, with instants as ISO strings', () => {
    const common = { answeredAt: '2024-05-01T10:05:00Z', by: 'alice' };
    expect(parseAssessmentAnswer({ questionId: 'customers-affected', answer: { reach: 'some', count: 120 }, ...common })).toEqual({
      questionId: 'customers-affected',
      answer: { reach: 'some', count: 120 },
      answeredAt,
      by: 'alice',
    });
    expect(parseAssessmentAnswer({ questionId: 'impact-started', answer: '2024-05-01T09:50:00Z', ...common }).answer).toBe(at(-10));
    expect(parseAssessmentAnswer({ questionId: 'other-factors', answer: { factors: ['security'], notes: 'Token leak?' }, ...common }).answer).toEqual({
      factors: ['security'],
      notes: 'Token leak?',
    });
  });

  it('refuses an answer to an unknown question', () => {
    const error = thrownBy(() => parseAssessmentAnswer({ questionId: 'weather', answer: 'sunny', answeredAt: '2024-05-01T10:05:00Z', by: 'a' }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field: 'answer.questionId', reason: expect.stringContaining('customer-impact') });
  });

  it('refuses an answer of the wrong shape for its question, naming the field', () => {
    const base = { answeredAt: '2024-05-01T10:05:00Z', by: 'alice' };
    expect(thrownBy(() => parseAssessmentAnswer({ questionId: 'support-cases', answer: -1, ...base }))).toMatchObject({
      field: 'answer.answer',
      reason: 'must not be negative',
    });
    expect(thrownBy(() => parseAssessmentAnswer({ questionId: 'customers-affected', answer: { reach: 'most' }, ...base }))).toMatchObject({
      field: 'answer.answer.reach',
    });
    expect(thrownBy(() => parseAssessmentAnswer({ questionId: 'customer-experience', answer: ' ', ...base }))).toMatchObject({
      field: 'answer.answer',
      reason: 'must not be empty',
    });
  });

  it('keeps only the latest answer to each question', () => {
    const latest = latestAnswers([impact('internal', at(5)), impact('both', at(9)), impact('external', at(7))]);
    expect(latest['customer-impact']?.answeredAt).toBe(at(9));
  });

  it('says whether external customers are affected from the latest impact answer', () => {
    expect(externalCustomersAffected([])).toBeUndefined();
    expect(externalCustomersAffected([impact('internal')])).toBe(false);
    expect(externalCustomersAffected([impact('internal', at(1)), impact('both', at(2))])).toBe(true);
  });
});

describe('assessment progress', () => {
  it('starts with nothing answered and the first question next', () => {
    const progress = assessmentProgress([]);
    expect(progress).toMatchObject({ answered: 0, total: 6, complete: false });
    expect(progress.next?.id).toBe('customer-impact');
  });

  it('moves on to the first unanswered question', () => {
    const progress = assessmentProgress([impact('external'), { questionId: 'customer-experience', answer: 'Errors at checkout', answeredAt, by: 'bob' }]);
    expect(progress.answered).toBe(2);
    expect(progress.next?.question).toBe('How many customers are affected (some, all)?');
  });

  it('counts the start time and support cases as answered when the incident already records them', () => {
    const answers: AssessmentAnswer[] = [
      impact('both'),
      { questionId: 'customer-experience', answer: 'Errors', answeredAt, by: 'bob' },
      { questionId: 'customers-affected', answer: { reach: 'all' }, answeredAt, by: 'bob' },
      { questionId: 'other-factors', answer: { factors: [] }, answeredAt, by: 'bob' },
    ];
    expect(assessmentProgress(answers).unanswered.map((q) => q.id)).toEqual(['impact-started', 'support-cases']);
    const progress = assessmentProgress(answers, { impactStart: at(-20), supportCaseCount: 0 });
    expect(progress).toMatchObject({ answered: 6, complete: true, unanswered: [] });
    expect(progress.next).toBeUndefined();
  });
});
