import { z } from 'zod';
import type { DeclareIncidentResult, GetDeclareFormResult } from '../contracts/declare-incident-page';
import { ValidationError } from '../domain/errors';
import { INCIDENT_FIELD_HELP } from '../domain/incident';
import { validateImpactTimes } from '../domain/impact-times';
import { parseWith, requiredText } from '../domain/parse-input';
import { severityDefinitions, severityHelpText, severityLevelSchema } from '../domain/severity';
import { formatInstant, instantSchema } from '../domain/time';
import type { Configuration } from './configuration';
import { loadConfiguration } from './configuration-store';
import { NotConfiguredError } from './errors';
import { issueUrl } from './incident-fields';
import type { AdfDocument, AppStore, Clock, IssueTracker } from './ports';

/** What the Declare incident form offers: the scale, services and products, and the handbook's help texts. */
/** The form, with whether the person may create incidents (Jira's permission, as that person) and who could grant it. */
export async function declareFormFor(config: Configuration, userTracker: IssueTracker): Promise<GetDeclareFormResult> {
  const { projectKey } = config.incidentProject;
  const permission = await userTracker.createPermission(projectKey);
  const form = declareForm(config);
  if (permission.allowed) return form;
  const project = permission.projectName === undefined ? projectKey : `${permission.projectName} (${projectKey})`;
  const who = permission.leadName === undefined ? 'a Jira administrator' : `${permission.leadName} (the project's lead) or a Jira administrator`;
  return { ...form, canDeclare: false, askToGrant: `You need the Create Issues permission in ${project} to declare incidents. Ask ${who} to grant it; until then, tell your incident manager on call.` };
}

export function declareForm(config: Configuration): GetDeclareFormResult {
  return {
    canDeclare: true,
    projectKey: config.incidentProject.projectKey,
    severities: severityDefinitions(config.severityScale).map((definition) => ({
      level: definition.level,
      label: definition.label,
      description: definition.description,
      examples: definition.examples,
      pages: definition.policy.pages,
    })),
    services: config.services.map((service) => service.name),
    products: [...config.products],
    help: {
      summary: INCIDENT_FIELD_HELP.summary,
      description: INCIDENT_FIELD_HELP.description,
      severity: severityHelpText(config.severityScale),
      faultyService: INCIDENT_FIELD_HELP.faultyService,
      affectedProducts: INCIDENT_FIELD_HELP.affectedProducts,
      impactStart: INCIDENT_FIELD_HELP.impactStart,
    },
    ...(config.severityScaleUrl === undefined ? {} : { severityScaleUrl: config.severityScaleUrl }),
  };
}

/**
 * The declaration's fields, for the resolver's strict check of the payload's shape: unknown fields are
 * refused there; the values depend on the configuration (its services and products) and are checked here.
 */
export const declarationFieldsSchema = z
  .strictObject({ summary: z.unknown(), description: z.unknown(), severity: z.unknown(), faultyService: z.unknown(), affectedProducts: z.unknown(), impactStart: z.unknown() })
  .partial();

function declarationSchema(config: Configuration) {
  const services = config.services.map((service) => service.name);
  return z.strictObject({
    summary: requiredText(255),
    description: requiredText(32_000),
    severity: severityLevelSchema,
    faultyService: z.string().refine((name) => services.includes(name), {
      error: `must be one of ${services.join(', ')} (choose "Unknown" if you have no idea)`,
    }),
    affectedProducts: z
      .array(z.string().refine((name) => config.products.includes(name), { error: `must be one of ${config.products.join(', ')}` }))
      .refine((products) => new Set(products).size === products.length, { error: 'must not list a product twice' }),
    impactStart: instantSchema.exactOptional(),
  });
}

/**
 * Declares an incident: validates the form and creates the issue as the signed-in user, so Jira's
 * own permissions decide. Paging then happens exactly as for an issue created any other way,
 * from Jira's created-issue event. Detected is set to now: declaring is when the team knew. An
 * impact start, when the reporter knows it, is set in the same request and may not lie in the future.
 *
 * @throws ValidationError naming the field; NotConfiguredError before the fields are provisioned.
 */
export async function declareIncident(
  deps: { store: AppStore; userTracker: IssueTracker; clock: Clock },
  input: unknown,
): Promise<DeclareIncidentResult> {
  const config = await loadConfiguration(deps.store);
  const fields = config.fields;
  if (fields === undefined) throw new NotConfiguredError("the app's incident fields are not provisioned yet; open the app's settings");
  const form = parseWith(declarationSchema(config), input);
  const now = deps.clock.now();
  const { impactStart } = validateImpactTimes(form.impactStart === undefined ? {} : { impactStart: form.impactStart }, now, {}, '');
  // A reporter's clock may run a little ahead (within the allowed skew); detection never precedes the impact it detected.
  const detected = impactStart === undefined ? now : Math.max(now, impactStart);
  const severityLabel = config.severityScale.levels[form.severity].label;
  const created = await deps.userTracker.createIssue({
    projectKey: config.incidentProject.projectKey,
    issueTypeName: config.incidentProject.issueTypeName,
    fields: {
      summary: form.summary,
      description: plainTextDocument(form.description),
      [fields.severity]: { value: severityLabel },
      [fields.faultyService]: { value: form.faultyService },
      [fields.affectedProducts]: form.affectedProducts.map((value) => ({ value })),
      [fields.detected]: formatInstant(detected),
      ...(impactStart === undefined ? {} : { [fields.impactStart]: formatInstant(impactStart) }),
    },
  });
  return { issueId: created.id, issueKey: created.key, issueUrl: issueUrl(config, created.key) };
}

/** Plain text as ADF: one paragraph per line, blank lines dropped. */
export function plainTextDocument(text: string): AdfDocument {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  if (lines.length === 0) throw new ValidationError('description', 'must not be empty');
  return { type: 'doc', version: 1, content: lines.map((line) => ({ type: 'paragraph', content: [{ type: 'text', text: line }] })) };
}
