import type { Configuration, FieldIds } from './configuration';
import { APP_FIELDS, SELECT_FIELDS, selectFieldDescription } from './incident-fields';
import type { FieldCatalog } from './ports';

/**
 * Makes Jira's own create screen carry the incident as the handbook's Raise step asks: Severity and
 * Faulty service first on the incident type's create screen, required, with the handbook's help text
 * as their descriptions; and every incident field limited to the incident project, so other
 * projects' screens (support, changes) never show them. Idempotent: a field already in place is
 * not moved again, a context already limited is left alone. Returns warnings for what Jira refused
 * (a team-managed project has no screens to arrange), never throws for them: the fields work anyway.
 */
export async function arrangeIncidentScreen(catalog: FieldCatalog, config: Configuration, fields: FieldIds): Promise<string[]> {
  const warnings: string[] = [];
  const { projectKey, issueTypeName } = config.incidentProject;
  let scope: { projectId: string; issueTypeId: string | undefined };
  try {
    scope = await catalog.projectScope(projectKey, issueTypeName);
  } catch (error) {
    return [`The incident project ${projectKey} could not be read (${describe(error)}); its create screen was not arranged.`];
  }
  const { projectId, issueTypeId } = scope;
  const incidentFieldIds = [...Object.keys(SELECT_FIELDS), ...Object.keys(APP_FIELDS)].map((name) => fields[name as keyof FieldIds]);
  const limited = Promise.all(
    incidentFieldIds.map(async (fieldId) => {
      try {
        const contexts = await catalog.listContexts(fieldId);
        const global = contexts.find((context) => context.isGlobal);
        if (global !== undefined && contexts.length === 1) await catalog.assignContextToProject(fieldId, global.id, projectId);
      } catch (error) {
        warnings.push(`The field ${fieldId} could not be limited to ${projectKey} (${describe(error)}); it may show on other projects' screens.`);
      }
    }),
  );
  if (issueTypeId === undefined) {
    await limited;
    return [...warnings, `${projectKey} has no issue type named ${issueTypeName}; its create screen was not arranged.`];
  }
  const first = [fields.severity, fields.faultyService];
  const arranged = (async () => {
    try {
      const tab = await catalog.createScreen(projectId, issueTypeId);
      for (const fieldId of first) if (!tab.fieldIds.includes(fieldId)) await catalog.addScreenField(tab, fieldId);
      const current = [...tab.fieldIds.filter((id) => !first.includes(id))];
      const inPlace = tab.fieldIds[0] === first[0] && tab.fieldIds[1] === first[1];
      if (!inPlace) {
        await catalog.moveScreenField({ ...tab, fieldIds: current }, fields.severity, undefined);
        await catalog.moveScreenField(tab, fields.faultyService, fields.severity);
      }
      await catalog.configureFields(projectId, issueTypeId, [
        { fieldId: fields.severity, required: true, description: selectFieldDescription('severity', config) },
        { fieldId: fields.faultyService, required: true, description: selectFieldDescription('faultyService', config) },
      ]);
    } catch (error) {
      warnings.push(`The ${projectKey} create screen could not be arranged (${describe(error)}); put ${SELECT_FIELDS.severity.name} and ${SELECT_FIELDS.faultyService.name} first and make them required in Jira's screen settings.`);
    }
  })();
  await Promise.all([limited, arranged]);
  return warnings;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
