import { countSupportCases, incidentKeysIn, supportCasesJql } from './count-support-cases';
import { parseConfiguration } from './configuration';
import { reactToIssueCreated } from './react-to-issue-created';
import { configurationDocument, PEOPLE, provisionedWorld } from './testing/fixtures';

describe('reacting to a created issue', () => {
  it('pages for an incident', async () => {
    const world = await provisionedWorld();
    const result = await reactToIssueCreated(world.paging, world.event(world.incident({ severity: 1, service: 'Bitbucket' })));
    expect(result.paging.kind).toBe('paged');
    expect(world.pager.recipients()).toEqual([PEOPLE.bitbucketIm]);
  });

  it('records an incident raised without a detection time as detected when it was raised', async () => {
    const world = await provisionedWorld();
    const incident = world.incident({ severity: 3, service: 'Bitbucket', created: '2026-05-01T10:00:00.000+0000' });
    const result = await reactToIssueCreated(world.paging, world.event(incident));
    expect(result.detectedRecorded).toBe(true);
    expect(incident.fields[world.config.fields?.detected ?? '']).toBe('2026-05-01T10:00:00.000Z');
  });

  it('keeps the detection time the person who raised the incident gave', async () => {
    const world = await provisionedWorld();
    const incident = world.incident({ severity: 3, service: 'Bitbucket', created: '2026-05-01T10:00:00.000+0000', detected: '2026-05-01T09:40:00.000+0000' });
    const result = await reactToIssueCreated(world.paging, world.event(incident));
    expect(result.detectedRecorded).toBe(false);
    expect(incident.fields[world.config.fields?.detected ?? '']).toBe('2026-05-01T09:40:00.000+0000');
  });

  it('leaves issues that are not incidents alone', async () => {
    const world = await provisionedWorld();
    const supportCase = world.incident({ project: 'SUP', issueType: 'Support request', created: '2026-05-01T10:00:00.000+0000' });
    expect((await reactToIssueCreated(world.paging, world.event(supportCase))).detectedRecorded).toBe(false);
  });

  it('counts a new support case labelled with an incident key towards that incident', async () => {
    const world = await provisionedWorld();
    const incident = world.incident({ severity: 1, service: 'Bitbucket' });
    world.incident({ project: 'SUP', issueType: 'Support request', labels: [incident.key] });
    const supportCase = world.incident({ project: 'SUP', issueType: 'Support request', labels: [incident.key, 'vip'] });

    const result = await reactToIssueCreated(world.paging, world.event(supportCase));

    expect(result.supportCases).toEqual([{ incidentKey: incident.key, count: 2 }]);
    expect(incident.fields[world.config.fields?.supportCases ?? '']).toBe(2);
    expect(world.pager.sent).toEqual([]);
  });
});

describe('counting support cases', () => {
  const config = parseConfiguration(configurationDocument());

  it('finds incident keys among labels', () => {
    expect(incidentKeysIn(['HOT-12', 'hot-13', 'SUP-1', 'HOT-0', 'vip', 'HOT-12'], config)).toEqual(['HOT-12']);
  });

  it('counts labelled issues outside the incident project, or in the configured support projects', () => {
    expect(supportCasesJql(config, 'HOT-12')).toBe('labels = "HOT-12" AND project != "HOT"');
    const scoped = parseConfiguration(configurationDocument({ supportCases: { projectKeys: ['SUP', 'CS'] } }));
    expect(supportCasesJql(scoped, 'HOT-12')).toBe('labels = "HOT-12" AND project in ("SUP", "CS")');
  });

  it('skips incidents that do not exist', async () => {
    const world = await provisionedWorld();
    expect(await countSupportCases(world.tracker, world.config, ['HOT-404'])).toEqual([]);
    expect(world.tracker.appFieldValues).toEqual([]);
  });
});
