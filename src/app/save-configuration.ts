import type { ExportConfigurationResult, FieldSyncReport } from '../contracts/admin-page';
import { ValidationError } from '../domain/errors';
import { parseConfiguration, toConfigurationDocument, type Configuration } from './configuration';
import { loadConfiguration, storeConfiguration } from './configuration-store';
import type { AppStore, FieldCatalog } from './ports';
import { syncFields } from './provision-fields';

export interface ConfigurationDeps {
  readonly store: AppStore;
  readonly catalog: FieldCatalog;
}

export interface SavedConfiguration {
  readonly config: Configuration;
  readonly fieldSync: FieldSyncReport;
}

/**
 * Validates a configuration document and saves it: Jira's select options are synced first
 * (services and products become options, removed ones are disabled) and the document is stored
 * only after that worked, so a refused or failed save leaves the stored configuration as it was.
 * Field ids and the site URL are the app's own discoveries and are kept, whatever the document says.
 *
 * @throws ValidationError naming the field path and the reason.
 */
export async function saveConfiguration(deps: ConfigurationDeps, document: unknown): Promise<SavedConfiguration> {
  const next = parseConfiguration(document);
  const current = await loadConfiguration(deps.store);
  const { fields: _fields, siteUrl: _siteUrl, ...edited } = next;
  const merged: Configuration = {
    ...edited,
    ...(current.fields === undefined ? {} : { fields: current.fields }),
    ...(current.siteUrl === undefined ? {} : { siteUrl: current.siteUrl }),
  };
  const { config, report } = await syncFields(deps, merged, current);
  await storeConfiguration(deps.store, config);
  return { config, fieldSync: report };
}

/** The configuration as a JSON file, without what only makes sense on this site (field ids, site URL). */
export function exportConfiguration(config: Configuration, now: number): ExportConfigurationResult {
  const { fields: _fields, siteUrl: _siteUrl, ...portable } = toConfigurationDocument(config);
  return {
    fileName: `incident-response-configuration-${new Date(now).toISOString().slice(0, 10)}.json`,
    json: `${JSON.stringify(portable, null, 2)}\n`,
  };
}

const MAX_IMPORT_CHARACTERS = 1_000_000;

/**
 * Imports an exported configuration file: the same validation and save as the admin page.
 *
 * @throws ValidationError for text that is not JSON, or not a valid configuration.
 */
export async function importConfiguration(deps: ConfigurationDeps, json: string): Promise<SavedConfiguration> {
  if (json.length > MAX_IMPORT_CHARACTERS) throw new ValidationError('json', `must be at most ${MAX_IMPORT_CHARACTERS} characters`);
  let document: unknown;
  try {
    document = JSON.parse(json);
  } catch (error) {
    throw new ValidationError('json', `is not valid JSON (${error instanceof Error ? error.message : String(error)})`, { cause: error });
  }
  return saveConfiguration(deps, document);
}
