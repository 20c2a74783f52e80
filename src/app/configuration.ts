import { z } from 'zod';
import type {
  ConfigurationDocument,
  FieldIdsDocument,
  PersonChannelDocument,
  RosterChannelDocument,
  ServiceDocument,
} from '../contracts/configuration';
import { ValidationError } from '../domain/errors';
import { webUrlSchema } from '../domain/identifiers';
import { UNKNOWN_SERVICE } from '../domain/incident';
import { escalationPolicySchema, type EscalationPolicy } from '../domain/on-call/escalation-policy';
import { rosterSchema, type Roster } from '../domain/on-call/roster';
import { parseWith, requiredText } from '../domain/parse-input';
import { DEFAULT_SEVERITY_SCALE, parseSeverityScale, severityDefinitions, type SeverityScale } from '../domain/severity';

export type Service = ServiceDocument;
export type RosterChannel = RosterChannelDocument;
export type PersonChannel = PersonChannelDocument;
export type FieldIds = FieldIdsDocument;

/** The validated configuration every handler works from: one storage read gives all of it. */
export interface Configuration {
  readonly incidentProject: { readonly projectKey: string; readonly issueTypeName: string };
  readonly severityScale: SeverityScale;
  readonly severityScaleUrl?: string;
  readonly services: readonly Service[];
  readonly products: readonly string[];
  readonly rosters: readonly Roster[];
  readonly escalationPolicies: readonly EscalationPolicy[];
  readonly imoc: { readonly rosterId?: string; readonly ackTimeoutMinutes: number };
  readonly paging: {
    readonly rosterChannels: Readonly<Record<string, RosterChannel>>;
    readonly personChannels: Readonly<Record<string, PersonChannel>>;
    /** Whose whole team is alerted when a Sev 1/2 escalation runs out unanswered; the IMOC roster when unset. */
    readonly fallbackRosterId?: string;
  };
  readonly integrations: {
    readonly slack: { readonly enabled: boolean };
    readonly pagerDuty: { readonly enabled: boolean };
    readonly webhook: { readonly enabled: boolean };
  };
  readonly supportCases: { readonly projectKeys: readonly string[] };
  readonly fields?: FieldIds;
  readonly siteUrl?: string;
}

/** Forge KVS refuses values over 240 KiB; leave room so a save never fails half-way in storage. */
const MAX_DOCUMENT_BYTES = 200 * 1024;

const nonBlank = z.string().trim().min(1, 'must not be blank');
const projectKeySchema = z.string().regex(/^[A-Z][A-Z0-9_]{1,9}$/, 'must be a Jira project key such as HOT');
const httpsUrlSchema = z.url({ protocol: /^https$/, error: 'must be an https URL' });
// A Jira select option holds at most 255 characters.
const optionText = requiredText(255);

const serviceSchema = z.strictObject({
  name: optionText,
  rosterId: nonBlank.exactOptional(),
  owningTeam: requiredText(255),
});

const rosterChannelSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('jira') }),
    z.strictObject({ kind: z.literal('pagerduty') }),
    z.strictObject({ kind: z.literal('webhook'), url: httpsUrlSchema }),
  ],
  { error: 'must be {kind: "jira"}, {kind: "pagerduty"} or {kind: "webhook", url}' },
);

const personChannelSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('jira') }),
    z.strictObject({
      kind: z.literal('slack'),
      slackUserId: z.string().regex(/^[UW][A-Z0-9]{2,}$/, 'must be a Slack member id such as U024BE7LH'),
    }),
    z.strictObject({ kind: z.literal('webhook'), url: httpsUrlSchema }),
  ],
  { error: 'must be {kind: "jira"}, {kind: "slack", slackUserId} or {kind: "webhook", url}' },
);

const fieldIdsSchema = z.strictObject({
  severity: nonBlank,
  faultyService: nonBlank,
  affectedProducts: nonBlank,
  impactStart: nonBlank,
  detected: nonBlank,
  impactEnd: nonBlank,
  techLead: nonBlank,
  communicationsManager: nonBlank,
  chatRoom: nonBlank,
  videoCall: nonBlank,
  incidentStateDocument: nonBlank,
  supportCases: nonBlank,
});

const enabledSchema = z.strictObject({ enabled: z.boolean() });

const documentSchema = z
  .strictObject({
    version: z.literal(1, 'must be 1'),
    incidentProject: z.strictObject({ projectKey: projectKeySchema, issueTypeName: requiredText(60) }),
    severityScale: z.unknown(),
    severityScaleUrl: webUrlSchema.exactOptional(),
    services: z.array(serviceSchema).min(1, 'must list at least the "Unknown" service').max(200, 'must list at most 200 services'),
    products: z.array(optionText).max(200, 'must list at most 200 products'),
    rosters: z.array(rosterSchema).max(100, 'must list at most 100 rosters'),
    escalationPolicies: z.array(escalationPolicySchema).max(100, 'must list at most 100 policies'),
    imoc: z.strictObject({
      rosterId: nonBlank.exactOptional(),
      ackTimeoutMinutes: z.number().int('must be a whole number of minutes').min(1, 'must be at least 1 minute').max(1440, 'must be at most 1440 minutes'),
    }),
    paging: z.strictObject({
      rosterChannels: z.record(z.string(), rosterChannelSchema),
      personChannels: z.record(z.string(), personChannelSchema),
      fallbackRosterId: nonBlank.exactOptional(),
    }),
    integrations: z.strictObject({ slack: enabledSchema, pagerDuty: enabledSchema, webhook: enabledSchema }),
    supportCases: z.strictObject({ projectKeys: z.array(projectKeySchema) }),
    fields: fieldIdsSchema.exactOptional(),
    siteUrl: webUrlSchema.exactOptional(),
  })
  .superRefine((doc, ctx) => {
    const issue = (path: PropertyKey[], message: string): void => ctx.addIssue({ code: 'custom', path, message });
    const rosterIds = new Set<string>();
    doc.rosters.forEach((roster, index) => {
      if (rosterIds.has(roster.id)) issue(['rosters', index, 'id'], `"${roster.id}" is used by another roster`);
      rosterIds.add(roster.id);
    });
    const policyIds = new Set<string>();
    doc.escalationPolicies.forEach((policy, index) => {
      if (policyIds.has(policy.id)) issue(['escalationPolicies', index, 'id'], `"${policy.id}" is used by another policy`);
      policyIds.add(policy.id);
      policy.levels.forEach((level, levelIndex) =>
        level.targets.forEach((target, targetIndex) => {
          if (target.kind === 'roster' && !rosterIds.has(target.rosterId)) {
            issue(['escalationPolicies', index, 'levels', levelIndex, 'targets', targetIndex, 'rosterId'], `roster "${target.rosterId}" does not exist`);
          }
        }),
      );
    });
    doc.rosters.forEach((roster, index) => {
      if (roster.escalationPolicyId !== undefined && !policyIds.has(roster.escalationPolicyId)) {
        issue(['rosters', index, 'escalationPolicyId'], `escalation policy "${roster.escalationPolicyId}" does not exist`);
      }
    });
    const serviceNames = new Set<string>();
    doc.services.forEach((service, index) => {
      const name = service.name.toLowerCase();
      if (serviceNames.has(name)) issue(['services', index, 'name'], `"${service.name}" is listed twice`);
      serviceNames.add(name);
      if (service.rosterId !== undefined && !rosterIds.has(service.rosterId)) {
        issue(['services', index, 'rosterId'], `roster "${service.rosterId}" does not exist`);
      }
    });
    if (!doc.services.some((service) => service.name === UNKNOWN_SERVICE)) {
      issue(['services'], `must include "${UNKNOWN_SERVICE}" for reporters who have no idea which service is at fault`);
    }
    const productNames = new Set<string>();
    doc.products.forEach((product, index) => {
      if (productNames.has(product.toLowerCase())) issue(['products', index], `"${product}" is listed twice`);
      productNames.add(product.toLowerCase());
    });
    if (doc.imoc.rosterId !== undefined && !rosterIds.has(doc.imoc.rosterId)) {
      issue(['imoc', 'rosterId'], `roster "${doc.imoc.rosterId}" does not exist`);
    }
    if (doc.paging.fallbackRosterId !== undefined && !rosterIds.has(doc.paging.fallbackRosterId)) {
      issue(['paging', 'fallbackRosterId'], `roster "${doc.paging.fallbackRosterId}" does not exist`);
    }
    for (const rosterId of Object.keys(doc.paging.rosterChannels)) {
      if (!rosterIds.has(rosterId)) issue(['paging', 'rosterChannels', rosterId], `roster "${rosterId}" does not exist`);
    }
  });

/** A fresh install: the handbook's severity scale and services, no rosters yet, the IMOC as the last level. */
export const DEFAULT_CONFIGURATION: Configuration = {
  incidentProject: { projectKey: 'HOT', issueTypeName: 'Incident' },
  severityScale: DEFAULT_SEVERITY_SCALE,
  services: [
    { name: 'Bitbucket', owningTeam: 'Bitbucket' },
    { name: 'Jira Cloud', owningTeam: 'Jira Cloud' },
    { name: 'Confluence', owningTeam: 'Confluence' },
    { name: UNKNOWN_SERVICE, owningTeam: 'Incident managers' },
  ],
  products: ['Bitbucket', 'Jira', 'Confluence'],
  rosters: [],
  escalationPolicies: [],
  imoc: { ackTimeoutMinutes: 15 },
  paging: { rosterChannels: {}, personChannels: {} },
  integrations: { slack: { enabled: false }, pagerDuty: { enabled: false }, webhook: { enabled: false } },
  supportCases: { projectKeys: [] },
};

/**
 * Validates a configuration document (from the admin page, an import, or storage) and resolves it
 * into domain objects. Throws ValidationError naming the field path, e.g. `services[2].rosterId`.
 */
export function parseConfiguration(input: unknown): Configuration {
  const size = JSON.stringify(input ?? null).length;
  if (size > MAX_DOCUMENT_BYTES) {
    throw new ValidationError('configuration', `is ${Math.ceil(size / 1024)} KB; at most ${MAX_DOCUMENT_BYTES / 1024} KB can be stored`);
  }
  const doc = parseWith(documentSchema, input);
  const severityScale = parseSeverityScale(doc.severityScale);
  const { version: _version, severityScale: _scale, ...rest } = doc;
  return { ...rest, severityScale };
}

/** The configuration as the admin page and export show it. */
export function toConfigurationDocument(config: Configuration): ConfigurationDocument {
  return {
    version: 1,
    incidentProject: config.incidentProject,
    severityScale: {
      levels: severityDefinitions(config.severityScale).map(({ level, label, description, examples }) => ({ level, label, description, examples })),
    },
    ...(config.severityScaleUrl === undefined ? {} : { severityScaleUrl: config.severityScaleUrl }),
    services: config.services,
    products: config.products,
    rosters: config.rosters.map((roster) => ({
      id: roster.id,
      name: roster.name,
      layers: roster.layers.map((layer) => ({
        ...(layer.name === undefined ? {} : { name: layer.name }),
        participants: layer.participants,
        shiftLength: { days: layer.shiftLength.days, hours: layer.shiftLength.hours },
        handoffTime: layer.handoffTime,
        timeZone: layer.timeZone,
        startDate: layer.startDate,
        restrictions: layer.restrictions.map((restriction) => ({ days: restriction.days, from: restriction.from, to: restriction.to })),
      })),
      overrides: roster.overrides,
      ...(roster.escalationPolicyId === undefined ? {} : { escalationPolicyId: roster.escalationPolicyId }),
    })),
    escalationPolicies: config.escalationPolicies,
    imoc: config.imoc,
    paging: config.paging,
    integrations: config.integrations,
    supportCases: config.supportCases,
    ...(config.fields === undefined ? {} : { fields: config.fields }),
    ...(config.siteUrl === undefined ? {} : { siteUrl: config.siteUrl }),
  };
}

/** The service's configuration by its Faulty service option, or undefined when it is not configured. */
export function serviceNamed(config: Configuration, name: string): Service | undefined {
  return config.services.find((service) => service.name === name);
}

/** The roster by id, or undefined. */
export function rosterById(config: Configuration, rosterId: string): Roster | undefined {
  return config.rosters.find((roster) => roster.id === rosterId);
}
