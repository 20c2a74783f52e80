import { parseConfiguration } from './configuration';
import { CONFIGURATION_KEY, loadConfiguration } from './configuration-store';
import { NotConfiguredError, RemoteCallError } from './errors';
import { provisionFields, syncFields } from './provision-fields';
import { appFieldCatalog, configurationDocument } from './testing/fixtures';
import { InMemoryAppStore } from './testing/in-memory-app-store';
import { InMemoryFieldCatalog } from './testing/in-memory-field-catalog';
import { RemoteCallLog } from './testing/remote-call-log';

function setup() {
  const log = new RemoteCallLog();
  return { catalog: appFieldCatalog(log), store: new InMemoryAppStore(log) };
}

describe('provisioning the incident fields', () => {
  it('creates Severity, Faulty service and Affected products as Jira select fields with the configured options', async () => {
    const deps = setup();
    const { config, report } = await provisionFields(deps, parseConfiguration(configurationDocument()));

    expect(report.created).toEqual(['Severity', 'Faulty service', 'Affected products']);
    const fields = config.fields;
    expect(deps.catalog.enabledValues(fields?.severity ?? '')).toEqual(['Sev 1', 'Sev 2', 'Sev 3']);
    expect(deps.catalog.enabledValues(fields?.faultyService ?? '')).toEqual(['Bitbucket', 'Jira Cloud', 'Confluence', 'Unknown']);
    expect(deps.catalog.enabledValues(fields?.affectedProducts ?? '')).toEqual(['Bitbucket', 'Jira', 'Confluence']);
    expect(deps.catalog.fields.find((field) => field.id === fields?.affectedProducts)?.customType).toMatch(/:multicheckboxes$/);
    expect([...deps.catalog.onDefaultScreen].sort()).toEqual([fields?.severity, fields?.faultyService, fields?.affectedProducts].sort());
  });

  it('finds the manifest’s own fields and stores every field id with the configuration', async () => {
    const deps = setup();
    await provisionFields(deps, parseConfiguration(configurationDocument()));
    const stored = await loadConfiguration(deps.store);
    const supportCases = deps.catalog.fields.find((field) => field.name === 'Support cases');
    expect(stored.fields?.supportCases).toBe(supportCases?.id);
    expect(stored.siteUrl).toBe('https://example.atlassian.net');
    expect(Object.values(stored.fields ?? {})).toHaveLength(12);
  });

  it('reuses the fields on a second run instead of creating them again', async () => {
    const deps = setup();
    const first = await provisionFields(deps, parseConfiguration(configurationDocument()));
    const second = await provisionFields(deps, first.config);
    expect(second.report).toEqual({ created: [], optionsAdded: [], optionsDisabled: [], optionsEnabled: [], warnings: [] });
    expect(second.config.fields).toEqual(first.config.fields);
  });

  it('adds new services, disables removed ones instead of deleting them, and enables them again when they return', async () => {
    const deps = setup();
    const { config } = await provisionFields(deps, parseConfiguration(configurationDocument()));
    const base = configurationDocument();
    const withoutJira = parseConfiguration({ ...base, services: [...base.services.filter((service) => service.name !== 'Jira Cloud'), { name: 'Statuspage', owningTeam: 'Statuspage' }] });

    const removed = await syncFields(deps, { ...withoutJira, ...(config.fields ? { fields: config.fields } : {}) }, config);
    const restored = await syncFields(deps, config, removed.config);

    expect(removed.report.optionsAdded).toEqual(['Faulty service: Statuspage']);
    expect(removed.report.optionsDisabled).toEqual(['Faulty service: Jira Cloud']);
    expect(restored.report.optionsEnabled).toEqual(['Faulty service: Jira Cloud']);
    expect(deps.catalog.allOptions(config.fields?.faultyService ?? '').map((option) => option.value)).toContain('Jira Cloud');
  });

  it('renames a severity option in place when its label changes, so past incidents keep their severity', async () => {
    const deps = setup();
    const { config } = await provisionFields(deps, parseConfiguration(configurationDocument()));
    const before = deps.catalog.allOptions(config.fields?.severity ?? '');
    const base = configurationDocument();
    const relabelled = parseConfiguration({
      ...base,
      severityScale: { levels: base.severityScale.levels.map((level) => (level.level === 1 ? { ...level, label: 'SEV-1 Critical' } : level)) },
    });

    await syncFields(deps, { ...relabelled, ...(config.fields ? { fields: config.fields } : {}) }, config);

    const after = deps.catalog.allOptions(config.fields?.severity ?? '');
    expect(after.find((option) => option.id === before[0]?.id)?.value).toBe('SEV-1 Critical');
    expect(after.filter((option) => !option.disabled).map((option) => option.value)).toEqual(['SEV-1 Critical', 'Sev 2', 'Sev 3']);
  });

  it('creates a context for a field that has none', async () => {
    const deps = setup();
    const { config } = await provisionFields(deps, parseConfiguration(configurationDocument()));
    const severity = config.fields?.severity ?? '';
    deps.catalog.contexts.set(severity, []);
    await provisionFields(deps, config);
    expect(deps.catalog.enabledValues(severity)).toEqual(['Sev 1', 'Sev 2', 'Sev 3']);
  });

  it('reports a field it could not put on the default screen and carries on', async () => {
    const deps = setup();
    deps.catalog.screenFailure = new RemoteCallError('jira', 'POST /screens/addToDefault', 403, 'Forbidden');
    const { report } = await provisionFields(deps, parseConfiguration(configurationDocument()));
    expect(report.warnings).toHaveLength(3);
    expect(report.warnings[0]).toContain('Severity could not be added to the default screen');
  });

  it('refuses to finish, storing nothing, while the manifest’s fields are missing from Jira', async () => {
    const log = new RemoteCallLog();
    const deps = { catalog: new InMemoryFieldCatalog(log), store: new InMemoryAppStore(log) };
    await expect(provisionFields(deps, parseConfiguration(configurationDocument()))).rejects.toBeInstanceOf(NotConfiguredError);
    expect(deps.store.entries.has(CONFIGURATION_KEY)).toBe(false);
  });
});
