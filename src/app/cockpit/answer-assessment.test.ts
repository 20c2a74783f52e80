import { ValidationError } from '../../domain/errors';
import { ForbiddenError } from '../errors';
import { answerAssessment } from './answer-assessment';
import { takeCommand } from './take-command';
import { cockpitWorld, FIELDS, MINUTE, PEOPLE, T0, type CockpitWorld } from './testing/cockpit-fixture';

async function commanded(): Promise<CockpitWorld> {
  const world = cockpitWorld();
  await takeCommand(world.deps(PEOPLE.alice.accountId), world.caller(PEOPLE.alice.accountId), { transitionId: '11' });
  world.clock.advance(5 * MINUTE);
  return world;
}

const answer = (world: CockpitWorld, input: Parameters<typeof answerAssessment>[2]) =>
  answerAssessment(world.deps(PEOPLE.alice.accountId), world.caller(PEOPLE.alice.accountId), input);

describe('answer the assessment', () => {
  it('changes nothing when the same answer is saved again', async () => {
    const world = await commanded();
    await answer(world, { questionId: 'customers-affected', answer: { reach: 'some', count: 120 } });
    const timeline = (await answer(world, { questionId: 'customers-affected', answer: { reach: 'some', count: 120 } })).view.timeline.length;
    world.log.clear();
    world.clock.advance(MINUTE);

    const again = await answer(world, { questionId: 'customers-affected', answer: { reach: 'some', count: 120 } });

    expect(again.view.timeline).toHaveLength(timeline);
    expect(world.jira.requests().filter((request) => !request.startsWith('jira GET'))).toEqual([]);
    expect(again.view.timeline.filter((entry) => entry.text.startsWith('Assessment:'))).toHaveLength(1);
  });

  it('keeps the answer, time-stamps it on the timeline and mirrors it to the issue', async () => {
    const world = await commanded();

    const update = await answer(world, { questionId: 'customers-affected', answer: { reach: 'some', count: 120 } });

    const question = update.view.assess.questions.find((q) => q.id === 'customers-affected');
    expect(question).toMatchObject({ answerText: 'Some customers (about 120)', answeredAt: new Date(T0 + 5 * MINUTE).toISOString(), answeredBy: { displayName: 'Alice Incident' } });
    expect(update.view.timeline.at(-1)).toMatchObject({ kind: 'note', text: 'Assessment: How many customers are affected (some, all)? Some customers (about 120)' });
    expect(world.jira.comments.at(-1)?.text).toContain('How many customers are affected (some, all)? Some customers (about 120)');
  });

  it('sets the Impact start field when the answer says when it started', async () => {
    const world = await commanded();

    const update = await answer(world, { questionId: 'impact-started', answer: '2026-03-02T08:40:00Z' });

    expect(world.issue.fields[FIELDS.impactStart]).toBe('2026-03-02T08:40:00.000+0000');
    expect(update.view.issue.impactStart).toBe('2026-03-02T08:40:00.000Z');
  });

  it('refuses an impact start after the incident was detected, naming the answer', async () => {
    const world = await commanded();

    await expect(answer(world, { questionId: 'impact-started', answer: '2026-03-02T09:03:00Z' })).rejects.toEqual(
      new ValidationError('answer', 'must not be after the detection time (2026-03-02 09:00 UTC)'),
    );
    expect(world.issue.fields[FIELDS.impactStart]).toBeUndefined();
  });

  it('counts the assessment done once every question is answered, the latest answer winning', async () => {
    const world = await commanded();
    await answer(world, { questionId: 'customer-impact', answer: { audience: 'external', summary: 'Pushes fail' } });
    await answer(world, { questionId: 'customer-experience', answer: 'Error 500 on git push' });
    await answer(world, { questionId: 'customers-affected', answer: { reach: 'some' } });
    await answer(world, { questionId: 'impact-started', answer: '2026-03-02T08:40:00Z' });
    await answer(world, { questionId: 'support-cases', answer: 3 });
    world.clock.advance(MINUTE);
    await answer(world, { questionId: 'customers-affected', answer: { reach: 'all' } });

    const update = await answer(world, { questionId: 'other-factors', answer: { factors: ['social-media'], notes: 'Trending on Twitter' } });

    expect(update.view.assess).toMatchObject({ answered: 6, total: 6 });
    expect(update.view.assess.questions.find((q) => q.id === 'customers-affected')?.answerText).toBe('All customers');
    expect(update.view.checklist.find((item) => item.step === 'assess')).toMatchObject({ state: 'done' });
  });

  it('refuses someone who may only view the issue', async () => {
    const world = await commanded();

    await expect(
      answerAssessment(world.deps(PEOPLE.vera.accountId), world.caller(PEOPLE.vera.accountId), { questionId: 'customer-experience', answer: 'Nothing' }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect(world.store.keys('cockpit:10042:ans:')).toEqual([]);
  });
});

describe('answer validation', () => {
  it('names the part of the answer that was refused', async () => {
    const world = await commanded();

    await expect(answer(world, { questionId: 'customer-impact', answer: { audience: 'external', summary: '  ' } })).rejects.toEqual(
      new ValidationError('answer.summary', 'must not be empty'),
    );
  });
});
