import { parseConfiguration } from './configuration';
import { storeConfiguration } from './configuration-store';
import { declareForm, declareFormFor, declareIncident } from './declare-incident';
import { NotConfiguredError } from './errors';
import { configurationDocument, provisionedWorld } from './testing/fixtures';

const valid = {
  summary: 'Cannot push to Bitbucket',
  description: 'Every git push fails with a 500.\nCall me on +1 555 0100',
  severity: 1,
  faultyService: 'Bitbucket',
  affectedProducts: ['Bitbucket'],
};

describe('declaring an incident', () => {
  it('creates the issue as the user with every field in Jira’s format, and answers with its key and link', async () => {
    const world = await provisionedWorld();
    const fields = world.config.fields;

    const result = await declareIncident({ store: world.store, userTracker: world.tracker, clock: world.clock }, valid);

    expect(result).toEqual({ issueId: expect.any(String), issueKey: 'HOT-1', issueUrl: 'https://example.atlassian.net/browse/HOT-1' });
    const issue = world.tracker.issues.get('HOT-1');
    expect(issue?.fields).toEqual(
      expect.objectContaining({
        summary: 'Cannot push to Bitbucket',
        issuetype: { name: 'Incident' },
        [fields?.severity ?? '']: { value: 'Sev 1' },
        [fields?.faultyService ?? '']: { value: 'Bitbucket' },
        [fields?.affectedProducts ?? '']: [{ value: 'Bitbucket' }],
        [fields?.detected ?? '']: '2024-05-01T10:00:00.000Z',
      }),
    );
    expect(issue?.fields.description).toEqual({
      type: 'doc',
      version: 1,
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Every git push fails with a 500.' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Call me on +1 555 0100' }] },
      ],
    });
  });

  it('sets the impact start the reporter knows in the same create request', async () => {
    const world = await provisionedWorld();
    const fields = world.config.fields;

    await declareIncident({ store: world.store, userTracker: world.tracker, clock: world.clock }, { ...valid, impactStart: '2024-05-01T11:15:00+02:00' });

    expect(world.log.names()).toEqual(['kvs.get configuration', 'jira POST /issue']);
    expect(world.tracker.issues.get('HOT-1')?.fields).toEqual(
      expect.objectContaining({ [fields?.impactStart ?? '']: '2024-05-01T09:15:00.000Z', [fields?.detected ?? '']: '2024-05-01T10:00:00.000Z' }),
    );
  });

  it('leaves Impact start empty when the reporter does not know it', async () => {
    const world = await provisionedWorld();

    await declareIncident({ store: world.store, userTracker: world.tracker, clock: world.clock }, valid);

    expect(Object.keys(world.tracker.issues.get('HOT-1')?.fields ?? {})).not.toContain(world.config.fields?.impactStart);
  });

  it('accepts an impact start a reporter’s fast clock puts just ahead, and never records detection before it', async () => {
    const world = await provisionedWorld();
    const fields = world.config.fields;

    await declareIncident({ store: world.store, userTracker: world.tracker, clock: world.clock }, { ...valid, impactStart: '2024-05-01T10:01:00Z' });

    expect(world.tracker.issues.get('HOT-1')?.fields).toEqual(
      expect.objectContaining({ [fields?.impactStart ?? '']: '2024-05-01T10:01:00.000Z', [fields?.detected ?? '']: '2024-05-01T10:01:00.000Z' }),
    );
  });

  it('refuses a form with a clear message naming the field, creating nothing', async () => {
    const world = await provisionedWorld();
    const deps = { store: world.store, userTracker: world.tracker, clock: world.clock };
    const cases: [Record<string, unknown>, string, string][] = [
      [{ ...valid, summary: '  ' }, 'summary', 'must not be empty'],
      [{ ...valid, description: undefined }, 'description', 'is required'],
      [{ ...valid, severity: 4 }, 'severity', 'must be 1, 2 or 3'],
      [{ ...valid, faultyService: 'Trello' }, 'faultyService', 'must be one of Bitbucket, Jira Cloud, Confluence, Unknown (choose "Unknown" if you have no idea)'],
      [{ ...valid, affectedProducts: ['Jira', 'Jira'] }, 'affectedProducts', 'must not list a product twice'],
      [{ ...valid, affectedProducts: ['Trello'] }, 'affectedProducts[0]', 'must be one of Bitbucket, Jira, Confluence'],
      [{ ...valid, impactStart: '2024-05-01T10:05:00Z' }, 'impactStart', 'must not be in the future (2024-05-01 10:05 UTC is after 2024-05-01 10:00 UTC)'],
      [{ ...valid, impactStart: 'yesterday at noon' }, 'impactStart', 'must be an ISO-8601 date-time with an offset, e.g. 2024-05-01T10:00:00Z'],
    ];
    for (const [input, field, reason] of cases) {
      await expect(declareIncident(deps, input)).rejects.toMatchObject({ name: 'ValidationError', field, reason });
    }
    expect(world.tracker.issues.size).toBe(0);
  });

  it('asks for the fields to be provisioned first', async () => {
    const world = await provisionedWorld();
    const { fields: _fields, ...unprovisioned } = world.config;
    await storeConfiguration(world.store, unprovisioned);
    await expect(declareIncident({ store: world.store, userTracker: world.tracker, clock: world.clock }, valid)).rejects.toBeInstanceOf(NotConfiguredError);
  });

  it('tells a person who may not create incidents, before they type, who can grant the permission', async () => {
    const world = await provisionedWorld();
    world.tracker.mayCreate = false;
    const form = await declareFormFor(world.config, world.tracker);
    expect(form.canDeclare).toBe(false);
    expect(form.askToGrant).toContain('Create Issues permission in Incidents (HOT)');
    expect(form.askToGrant).toContain('Imogen Imoc (the project\'s lead) or a Jira administrator');
  });

  it('lets a person who may create incidents declare one', async () => {
    const world = await provisionedWorld();
    const form = await declareFormFor(world.config, world.tracker);
    expect(form.canDeclare).toBe(true);
    expect(form.askToGrant).toBeUndefined();
  });

  it('offers the scale, services, products and the handbook’s help texts to the form', () => {
    const form = declareForm(parseConfiguration(configurationDocument({ severityScaleUrl: 'https://wiki.example.com/severity' })));
    expect(form.severities.map((severity) => [severity.label, severity.pages])).toEqual([
      ['Sev 1', true],
      ['Sev 2', true],
      ['Sev 3', false],
    ]);
    expect(form.services).toContain('Unknown');
    expect(form.help.summary).toBe("What's the emergency?");
    expect(form.help.impactStart).toBe('When did customers start to be affected? Leave empty if unknown.');
    expect(form.help.severity).toBe('Choosing Sev 2 or 1 means you believe this must be resolved right now - people will be paged.');
    expect(form.severityScaleUrl).toBe('https://wiki.example.com/severity');
  });
});
