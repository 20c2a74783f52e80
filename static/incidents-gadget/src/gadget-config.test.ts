import { checkGadgetConfig, DEFAULT_GADGET_CONFIG, describeRefresh, followProject, jqlForProject, readGadgetConfig } from './gadget-config';

describe('reading the gadget configuration', () => {
  it('lists the HOT project\'s open incidents, newest first, when the gadget is new', () => {
    expect(readGadgetConfig(undefined)).toEqual({ projectKey: 'HOT', jql: 'project = HOT AND statusCategory != Done AND (labels is EMPTY OR labels not in (drill)) ORDER BY created DESC', refreshMinutes: 5 });
  });

  it('keeps a saved query and interval', () => {
    expect(readGadgetConfig({ projectKey: 'OPS', jql: ' project = OPS ', refreshMinutes: 15 })).toEqual({ projectKey: 'OPS', jql: 'project = OPS', refreshMinutes: 15 });
  });

  it('falls back to the project\'s default query when the saved one is blank', () => {
    expect(readGadgetConfig({ projectKey: 'OPS', jql: '  ' }).jql).toBe(jqlForProject('OPS'));
  });

  it('replaces an interval the gadget does not offer with the default', () => {
    expect(readGadgetConfig({ refreshMinutes: 7 }).refreshMinutes).toBe(DEFAULT_GADGET_CONFIG.refreshMinutes);
  });

  it('ignores a configuration of the wrong shape', () => {
    expect(readGadgetConfig({ jql: 42 })).toEqual(DEFAULT_GADGET_CONFIG);
  });
});

describe('checking the edit view', () => {
  it('saves a project key typed in lower case as the key Jira uses', () => {
    expect(checkGadgetConfig({ projectKey: 'ops', jql: 'project = OPS', refreshMinutes: 1 })).toEqual({ ok: true, config: { projectKey: 'OPS', jql: 'project = OPS', refreshMinutes: 1 } });
  });

  it('refuses an empty query and a malformed project key together', () => {
    const check = checkGadgetConfig({ projectKey: 'H-1', jql: ' ', refreshMinutes: 5 });
    expect(check.ok ? [] : Object.keys(check.errors).sort()).toEqual(['jql', 'projectKey']);
  });

  it('refuses an interval that is not offered', () => {
    expect(checkGadgetConfig({ projectKey: 'HOT', jql: 'x', refreshMinutes: 2 }).ok).toBe(false);
  });
});

describe('changing the project in the edit view', () => {
  it('rewrites the query while it is still the default one', () => {
    expect(followProject({ projectKey: 'HOT', jql: jqlForProject('HOT'), refreshMinutes: 5 }, 'OPS').jql).toBe(jqlForProject('OPS'));
  });

  it('leaves a query someone wrote themselves alone', () => {
    expect(followProject({ projectKey: 'HOT', jql: 'labels = outage', refreshMinutes: 5 }, 'OPS').jql).toBe('labels = outage');
  });
});

describe('describing the refresh interval', () => {
  it('reads as people say it', () => {
    expect([0, 1, 15].map(describeRefresh)).toEqual(['Off', 'Every minute', 'Every 15 minutes']);
  });
});
