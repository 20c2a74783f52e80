import type { FieldSyncReport } from '../contracts/admin-page';
import { arrangeIncidentScreen } from './arrange-incident-screen';
import { severityDefinitions } from '../domain/severity';
import type { Configuration, FieldIds } from './configuration';
import { storeConfiguration } from './configuration-store';
import { NotConfiguredError } from './errors';
import { APP_FIELDS, SELECT_FIELDS, selectFieldDescription, type SelectFieldName } from './incident-fields';
import type { AppStore, FieldCatalog, FieldOption, JiraField } from './ports';

export interface ProvisionFieldsDeps {
  readonly catalog: FieldCatalog;
  readonly store: AppStore;
}

export interface ProvisionFieldsResult {
  readonly config: Configuration;
  readonly report: FieldSyncReport;
}

interface MutableReport {
  created: string[];
  optionsAdded: string[];
  optionsDisabled: string[];
  optionsEnabled: string[];
  warnings: string[];
}

/**
 * Makes Jira's fields match the configuration: creates the Severity, Faulty service and Affected
 * products select fields when missing, syncs their options (new values added, removed ones
 * disabled rather than deleted so past incidents keep theirs, severity labels renamed in place),
 * and finds the manifest's own fields. Returns the configuration with the field ids and site URL
 * filled in; storing it is the caller's choice. Safe to run again after a partial failure.
 *
 * @throws NotConfiguredError when a field the manifest declares is missing from Jira.
 */
export async function syncFields(deps: ProvisionFieldsDeps, config: Configuration, previous?: Configuration): Promise<ProvisionFieldsResult> {
  const [fields, siteUrl] = await Promise.all([deps.catalog.listFields(), deps.catalog.siteUrl()]);
  const report: MutableReport = { created: [], optionsAdded: [], optionsDisabled: [], optionsEnabled: [], warnings: [] };
  const names = Object.keys(SELECT_FIELDS) as SelectFieldName[];
  const selectIds = await Promise.all(names.map((name) => syncSelectField(deps.catalog, name, fields, config, previous, report)));
  const selectFieldIds = Object.fromEntries(names.map((name, index) => [name, selectIds[index]])) as Record<SelectFieldName, string>;
  const fieldIds: FieldIds = { ...selectFieldIds, ...findAppFields(fields) };
  return { config: { ...config, fields: fieldIds, siteUrl: siteUrl.replace(/\/+$/, '') }, report };
}

/** Provisions the fields, arranges the incident project's create screen and stores the configuration with the field ids: what install and upgrade run. */
export async function provisionFields(deps: ProvisionFieldsDeps, config: Configuration): Promise<ProvisionFieldsResult> {
  const result = await syncFields(deps, config, config);
  const fields = result.config.fields;
  const screenWarnings = fields === undefined ? [] : await arrangeIncidentScreen(deps.catalog, result.config, fields);
  await storeConfiguration(deps.store, result.config);
  return { ...result, report: { ...result.report, warnings: [...result.report.warnings, ...screenWarnings] } };
}

function desiredOptions(name: SelectFieldName, config: Configuration): string[] {
  switch (name) {
    case 'severity':
      return severityDefinitions(config.severityScale).map((definition) => definition.label);
    case 'faultyService':
      return config.services.map((service) => service.name);
    case 'affectedProducts':
      return [...config.products];
  }
}

async function syncSelectField(
  catalog: FieldCatalog,
  name: SelectFieldName,
  fields: readonly JiraField[],
  config: Configuration,
  previous: Configuration | undefined,
  report: MutableReport,
): Promise<string> {
  const definition = SELECT_FIELDS[name];
  let field = findSelectField(fields, config.fields?.[name], definition.name, definition.kind);
  if (field === undefined) {
    field = await catalog.createField({ name: definition.name, description: selectFieldDescription(name, config), kind: definition.kind });
    report.created.push(definition.name);
    try {
      await catalog.addToDefaultScreen(field.id);
    } catch (error) {
      report.warnings.push(`${definition.name} could not be added to the default screen (${describe(error)}); add it to your incident project's screens.`);
    }
  }
  const fieldId = field.id;
  const contextId = (await catalog.listContextIds(fieldId))[0] ?? (await catalog.createGlobalContext(fieldId, `${definition.name} (Incident response)`));
  const existing = await catalog.listOptions(fieldId, contextId);
  const desired = desiredOptions(name, config);
  const renames = name === 'severity' && previous !== undefined ? severityRenames(previous, config, existing) : [];
  const afterRenames = existing.map((option) => renames.find((rename) => rename.id === option.id) ?? option);
  const updates: FieldOption[] = [...renames];
  for (const option of afterRenames) {
    const wanted = desired.includes(option.value);
    if (wanted && option.disabled) {
      updates.push({ ...option, disabled: false });
      report.optionsEnabled.push(`${definition.name}: ${option.value}`);
    } else if (!wanted && !option.disabled) {
      updates.push({ ...option, disabled: true });
      report.optionsDisabled.push(`${definition.name}: ${option.value}`);
    }
  }
  const missing = desired.filter((value) => !afterRenames.some((option) => option.value === value));
  if (updates.length > 0) await catalog.updateOptions(fieldId, contextId, mergeUpdates(updates));
  if (missing.length > 0) {
    await catalog.createOptions(fieldId, contextId, missing);
    report.optionsAdded.push(...missing.map((value) => `${definition.name}: ${value}`));
  }
  return fieldId;
}

// A relabelled level keeps its option (and so every past incident's value) under the new label.
function severityRenames(previous: Configuration, config: Configuration, existing: readonly FieldOption[]): FieldOption[] {
  const renames: FieldOption[] = [];
  for (const definition of severityDefinitions(config.severityScale)) {
    const before = previous.severityScale.levels[definition.level].label;
    if (before === definition.label) continue;
    const option = existing.find((candidate) => candidate.value === before);
    if (option !== undefined && !existing.some((candidate) => candidate.value === definition.label)) {
      renames.push({ ...option, value: definition.label, disabled: false });
    }
  }
  return renames;
}

function mergeUpdates(updates: readonly FieldOption[]): FieldOption[] {
  const byId = new Map<string, FieldOption>();
  for (const update of updates) byId.set(update.id, { ...byId.get(update.id), ...update });
  return [...byId.values()];
}

function findSelectField(fields: readonly JiraField[], storedId: string | undefined, name: string, kind: string): JiraField | undefined {
  const stored = storedId === undefined ? undefined : fields.find((field) => field.id === storedId);
  return stored ?? fields.find((field) => field.custom && field.name === name && (field.customType ?? '').endsWith(`:${kind}`));
}

// Forge names a manifest field's type after the module (".../static/<moduleKey>") and its key
// "<app>__<env>__<moduleKey>"; the name is the last resort, for sites that show neither.
function findAppFields(fields: readonly JiraField[]): Omit<FieldIds, SelectFieldName> {
  const entries = Object.entries(APP_FIELDS).map(([name, definition]) => {
    const field =
      fields.find((candidate) => (candidate.customType ?? '').endsWith(`/static/${definition.moduleKey}`)) ??
      fields.find((candidate) => (candidate.key ?? '').endsWith(`__${definition.moduleKey}`)) ??
      fields.find((candidate) => candidate.custom && candidate.name === definition.name);
    return [name, field?.id] as const;
  });
  const missing = entries.filter(([, id]) => id === undefined).map(([name]) => APP_FIELDS[name as keyof typeof APP_FIELDS].name);
  if (missing.length > 0) {
    throw new NotConfiguredError(`Jira has no ${missing.join(', ')} field; the app's manifest fields appear once the app is installed`);
  }
  return Object.fromEntries(entries) as Omit<FieldIds, SelectFieldName>;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
