import { HANDBOOK_SCENARIO } from '../../domain/drills/handbook-scenario';
import { InvalidScenario } from '../../domain/drills/scenario';
import { RuleViolation, ValidationError } from '../../domain/errors';
import { NotFoundError } from '../errors';
import type { IssueEdit } from '../cockpit/ports';
import { reactToIssueCreated } from '../react-to-issue-created';
import { configurationDocument, PEOPLE, provisionedWorld, type World } from '../testing/fixtures';
import { InMemoryJobQueue } from '../testing/in-memory-job-queue';
import { onlyDrillAudience } from '../paging/drill-audience';
import { checkScenario, importScenario, listScenarios } from './drill-catalog';
import { DrillRepository, runIdFrom } from './drill-record';
import { changesProjectOf, fireInject } from './fire-inject';
import { startDrill, type DrillInjectJob } from './start-drill';

const MINUTE = 60_000;
const PLAYER = 'acc-player';

async function drillWorld(supportProjects: string[] = ['SUP']) {
  const world = await provisionedWorld(configurationDocument({ supportCases: { projectKeys: supportProjects } }));
  const queue = new InMemoryJobQueue<DrillInjectJob>(world.log);
  const edits: { issueKey: string; edit: IssueEdit }[] = [];
  const issues = {
    update: (issueKey: string, edit: IssueEdit) => {
      edits.push({ issueKey, edit });
      return Promise.resolve();
    },
  };
  let ids = 0;
  const start = (input: unknown) => startDrill({ store: world.store, userTracker: world.tracker, queue, clock: world.clock, newId: () => `Run-${++ids}` }, PLAYER, input);
  const fire = (job: DrillInjectJob) => fireInject({ store: world.store, tracker: world.tracker, issues, clock: world.clock }, job);
  return { world, queue, edits, start, fire };
}

function created(world: World, key: string) {
  const issue = world.tracker.issues.get(key);
  if (issue === undefined) throw new Error(`${key} was not created`);
  return issue;
}

describe('starting a drill', () => {
  it('raises the scenario as an incident marked [DRILL] and labelled with its run, and queues each inject at its minute', async () => {
    const { world, queue, start } = await drillWorld();
    const started = await start({ scenarioId: 'bitbucket-push-failures' });

    const issue = created(world, started.issueKey);
    expect(issue.fields['summary']).toBe('[DRILL] Bitbucket pushes failing for customers');
    expect(issue.fields['labels']).toEqual(['drill', 'drill-run1']);
    expect(queue.waiting.map((job) => [job.job.index, (job.at - world.clock.now()) / MINUTE])).toEqual(HANDBOOK_SCENARIO.injects.map((inject, index) => [index, inject.atMinute]));
    const run = await new DrillRepository(world.store).run('run1');
    expect(run).toMatchObject({ issueKey: started.issueKey, participants: [{ accountId: PLAYER, part: 'incident-manager' }], startedAt: world.clock.now() });
  });

  it('adds the person starting it as incident manager when they chose only other parts', async () => {
    const { world, start } = await drillWorld();
    await start({ scenarioId: 'bitbucket-push-failures', participants: [{ accountId: 'acc-lead', part: 'tech-lead' }] });
    expect((await new DrillRepository(world.store).run('run1'))?.participants).toEqual([
      { accountId: PLAYER, part: 'incident-manager' },
      { accountId: 'acc-lead', part: 'tech-lead' },
    ]);
  });

  it('refuses an unknown scenario and a participant with an unknown part, naming the field', async () => {
    const { start } = await drillWorld();
    await expect(start({ scenarioId: 'no-such-scenario' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(start({ scenarioId: 'bitbucket-push-failures', participants: [{ accountId: 'x', part: 'ceo' }] })).rejects.toMatchObject({ field: 'participants[0].part' });
  });

  it('pages the participant playing the incident manager and not the service’s on-call; a drill without its run pages nobody', async () => {
    const { world, start } = await drillWorld();
    const started = await start({ scenarioId: 'bitbucket-push-failures' });
    await reactToIssueCreated(world.paging, world.event(created(world, started.issueKey)));
    expect(world.pager.sent.map((page) => page.destination)).toEqual([{ kind: 'jira', accountId: PLAYER }]);

    const orphan = world.incident({ summary: '[DRILL] copied by hand', severity: 1, service: 'Bitbucket', labels: ['drill', 'drill-gone'] });
    await reactToIssueCreated(world.paging, world.event(orphan));
    expect(world.pager.sent).toHaveLength(1);
  });
});

describe('firing injects', () => {
  it('fires each inject once however often the queue delivers it', async () => {
    const { world, start, fire } = await drillWorld();
    const started = await start({ scenarioId: 'bitbucket-push-failures' });
    expect(await fire({ runId: 'run1', index: 0 })).toMatchObject({ kind: 'fired' });
    expect(await fire({ runId: 'run1', index: 0 })).toMatchObject({ kind: 'skipped' });
    expect(world.tracker.comments.filter((comment) => comment.issue === started.issueKey).map((comment) => comment.text)).toEqual([
      'DRILL — alert from monitoring\ngit push error rate above 5% (bitbucket-scm)\nLabels: severity=warning, service=bitbucket',
    ]);
  });

  it('raises a support case in the support project labelled with the drill’s key, and changes severity by editing the incident', async () => {
    const { world, edits, start, fire } = await drillWorld();
    const started = await start({ scenarioId: 'bitbucket-push-failures' });
    await fire({ runId: 'run1', index: 1 });
    await fire({ runId: 'run1', index: 5 });
    const supportCase = [...world.tracker.issues.values()].find((issue) => issue.key.startsWith('SUP-'));
    expect(supportCase?.fields['labels']).toEqual([started.issueKey, 'drill']);
    expect(supportCase?.fields['summary']).toBe('[DRILL] Customer: "git push rejected with 500 since 10 minutes"');
    expect(edits).toEqual([{ issueKey: started.issueKey, edit: expect.objectContaining({ fields: { [world.config.fields?.severity ?? '']: { value: 'Sev 1' } } }) }]);
    expect((await new DrillRepository(world.store).firedInjects('run1')).size).toBe(2);
  });

  it('tells a support case on the drill itself when no support project is configured', async () => {
    const { world, start, fire } = await drillWorld([]);
    const started = await start({ scenarioId: 'bitbucket-push-failures' });
    expect(await fire({ runId: 'run1', index: 1 })).toEqual({ kind: 'fired', what: 'support case commented (no support project)' });
    expect(world.tracker.comments.find((comment) => comment.issue === started.issueKey)?.text).toContain('git push rejected');
  });

  it('gives the claim back when the inject fails, so the redelivery fires it', async () => {
    const { world, start, fire } = await drillWorld();
    await start({ scenarioId: 'bitbucket-push-failures' });
    world.tracker.failNext(new (await import('../errors')).RemoteCallError('jira', 'add comment', 503, 'down'));
    await expect(fire({ runId: 'run1', index: 0 })).rejects.toThrow('down');
    expect(await fire({ runId: 'run1', index: 0 })).toMatchObject({ kind: 'fired' });
  });

  it('finds the changes project in the change-records JQL', () => {
    expect([changesProjectOf('project = CHG'), changesProjectOf('project in (OPS, CHG) AND labels = x'), changesProjectOf('labels = deploy'), changesProjectOf(undefined)]).toEqual(['CHG', 'OPS', undefined, undefined]);
  });
});

describe('the scenario catalogue', () => {
  it('refuses an invalid scenario listing every problem by field, and keeps the built-in id for the built-in scenario', async () => {
    const { world } = await drillWorld();
    const broken = { ...JSON.parse(JSON.stringify(HANDBOOK_SCENARIO)), id: 'mine', injects: [{ kind: 'severity', atMinute: 3, severity: 7 }] } as unknown;
    await expect(importScenario(world.store, broken)).rejects.toBeInstanceOf(InvalidScenario);
    await expect(importScenario(world.store, broken)).rejects.toBeInstanceOf(ValidationError);
    expect(checkScenario(JSON.stringify(broken)).problems.map((problem) => problem.field)).toEqual(['injects[0].severity']);
    await expect(importScenario(world.store, HANDBOOK_SCENARIO)).rejects.toBeInstanceOf(RuleViolation);
    await importScenario(world.store, { ...HANDBOOK_SCENARIO, id: 'mine', title: 'Mine' });
    expect((await listScenarios(world.store)).map((entry) => [entry.scenario.id, entry.builtIn])).toEqual([
      ['bitbucket-push-failures', true],
      ['mine', false],
    ]);
  });
});

describe('who a drill may page', () => {
  it('keeps only participants on internal channels, and everyone for a real incident', () => {
    const person = (accountId: string, kind: 'jira' | 'slack' = 'jira') => ({ key: accountId, label: accountId, destination: kind === 'jira' ? { kind, accountId } : { kind, accountId, slackUserId: 'U1' } });
    const recipients = [person(PLAYER), person(PEOPLE.bitbucketIm), person(PLAYER, 'slack'), { key: 'pd', label: 'PagerDuty', destination: { kind: 'pagerduty' as const, rosterId: 'bitbucket', accountId: PLAYER } }];
    expect(onlyDrillAudience({ drillAudience: [PLAYER] }, recipients).map((recipient) => recipient.destination.kind)).toEqual(['jira', 'slack']);
    expect(onlyDrillAudience({}, recipients)).toHaveLength(4);
    expect(runIdFrom(['drill', 'drill-abc'])).toBe('abc');
    expect(runIdFrom(['drill-abc'])).toBeUndefined();
  });
});
