import { NotConfiguredError } from './errors';
import { DEFAULT_CONFIGURATION, parseConfiguration, toConfigurationDocument, type Configuration } from './configuration';
import type { AppStore } from './ports';

/** The one storage key holding the whole configuration, so one read gives a handler everything. */
export const CONFIGURATION_KEY = 'configuration';

/** The stored configuration, or the defaults of a fresh install when nothing is stored yet. */
export async function loadConfiguration(store: AppStore): Promise<Configuration> {
  return configurationFrom(await store.get(CONFIGURATION_KEY));
}

/** Parses a stored configuration value (as read with other values in parallel). */
export function configurationFrom(stored: unknown): Configuration {
  if (stored === undefined || stored === null) return DEFAULT_CONFIGURATION;
  try {
    return parseConfiguration(stored);
  } catch (error) {
    throw new NotConfiguredError(`the stored configuration is no longer valid (${error instanceof Error ? error.message : String(error)}); an administrator must fix it in the app's settings`, {
      cause: error,
    });
  }
}

export async function storeConfiguration(store: AppStore, config: Configuration): Promise<void> {
  await store.set(CONFIGURATION_KEY, toConfigurationDocument(config));
}
