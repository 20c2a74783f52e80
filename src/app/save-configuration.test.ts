import { ValidationError } from '../domain/errors';
import { CONFIGURATION_KEY, loadConfiguration } from './configuration-store';
import { RemoteCallError } from './errors';
import { exportConfiguration, importConfiguration, saveConfiguration } from './save-configuration';
import { configurationDocument, provisionedWorld } from './testing/fixtures';

describe('saving, exporting and importing the configuration', () => {
  it('saves a valid document, syncs the service options, and keeps the discovered field ids whatever the document says', async () => {
    const world = await provisionedWorld();
    const document = configurationDocument({ services: [...configurationDocument().services, { name: 'Statuspage', owningTeam: 'Statuspage' }] });

    const bogus = Object.fromEntries(Object.keys(world.config.fields ?? {}).map((name) => [name, 'customfield_1']));

    const { config, fieldSync } = await saveConfiguration(world, { ...document, fields: bogus });

    expect(fieldSync.optionsAdded).toEqual(['Faulty service: Statuspage']);
    expect(config.fields).toEqual(world.config.fields);
    expect((await loadConfiguration(world.store)).services.map((service) => service.name)).toContain('Statuspage');
  });

  it('changes nothing when the document is invalid', async () => {
    const world = await provisionedWorld();
    const before = JSON.stringify(world.store.entries.get(CONFIGURATION_KEY));

    await expect(saveConfiguration(world, configurationDocument({ products: ['Jira', 'Jira'] }))).rejects.toBeInstanceOf(ValidationError);

    expect(JSON.stringify(world.store.entries.get(CONFIGURATION_KEY))).toBe(before);
    expect(world.log.names().filter((name) => name.startsWith('jira'))).toEqual([]);
  });

  it('keeps the stored configuration when Jira fails half-way through syncing options', async () => {
    const world = await provisionedWorld();
    const before = JSON.stringify(world.store.entries.get(CONFIGURATION_KEY));
    world.catalog.createOptions = () => Promise.reject(new RemoteCallError('jira', 'POST /option', 500, 'Internal error'));

    await expect(saveConfiguration(world, configurationDocument({ products: ['Jira', 'Statuspage'] }))).rejects.toBeInstanceOf(RemoteCallError);

    expect(JSON.stringify(world.store.entries.get(CONFIGURATION_KEY))).toBe(before);
  });

  it('exports JSON without site-specific field ids that imports back to the same configuration', async () => {
    const world = await provisionedWorld();
    const exported = exportConfiguration(world.config, Date.parse('2024-05-01T10:00:00Z'));
    expect(exported.fileName).toBe('incident-response-configuration-2024-05-01.json');
    expect(exported.json).not.toContain('customfield_');

    const imported = await importConfiguration(world, exported.json);

    expect(imported.config).toEqual(world.config);
  });

  it('refuses an import that is not JSON, naming it', async () => {
    const world = await provisionedWorld();
    await expect(importConfiguration(world, '{ not json')).rejects.toMatchObject({ field: 'json' });
  });

  it('refuses an import whose document is invalid, naming the field', async () => {
    const world = await provisionedWorld();
    const document = { ...configurationDocument(), imoc: { rosterId: 'ghost', ackTimeoutMinutes: 15 } };
    await expect(importConfiguration(world, JSON.stringify(document))).rejects.toMatchObject({ field: 'imoc.rosterId' });
  });
});
