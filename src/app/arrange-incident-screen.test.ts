import { parseConfiguration } from './configuration';
import { provisionFields } from './provision-fields';
import { appFieldCatalog, configurationDocument } from './testing/fixtures';
import { InMemoryAppStore } from './testing/in-memory-app-store';
import { RemoteCallLog } from './testing/remote-call-log';

async function provisioned() {
  const log = new RemoteCallLog();
  const deps = { catalog: appFieldCatalog(log), store: new InMemoryAppStore(log) };
  const { config, report } = await provisionFields(deps, parseConfiguration(configurationDocument()));
  return { ...deps, log, config, report };
}

describe('arranging the incident project’s create screen on install', () => {
  it('puts Severity and Faulty service first on the create screen, required, with the handbook’s help text', async () => {
    const { catalog, config, report } = await provisioned();
    const fields = config.fields;
    expect(catalog.createScreenFields.slice(0, 3)).toEqual([fields?.severity, fields?.faultyService, 'summary']);
    expect(catalog.fieldConfiguration.get(fields?.severity ?? '')).toMatchObject({ required: true, description: expect.stringContaining('people will be paged') });
    expect(catalog.fieldConfiguration.get(fields?.faultyService ?? '')).toMatchObject({ required: true, description: expect.stringContaining('best guess') });
    expect(report.warnings).toEqual([]);
  });

  it('limits every incident field to the incident project', async () => {
    const { catalog, config } = await provisioned();
    for (const fieldId of Object.values(config.fields ?? {})) {
      const contexts = catalog.contexts.get(fieldId) ?? [];
      expect(contexts.map((context) => catalog.contextProjects.get(context))).toEqual(contexts.map(() => catalog.projectId));
    }
  });

  it('changes nothing on a second run', async () => {
    const { catalog, store, log, config } = await provisioned();
    const before = [...catalog.createScreenFields];
    log.clear();
    await provisionFields({ catalog, store }, config);
    expect(catalog.createScreenFields).toEqual(before);
    expect(log.names().filter((name) => name.includes('/move') || (name.startsWith('jira PUT /field') && name.endsWith('/project')))).toEqual([]);
  });
});
