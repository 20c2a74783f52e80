/**
 * Shapes of what the admin page receives from its resolvers. Configuration objects keep keys this
 * page does not know (loose objects), so saving never drops what a newer backend added.
 */
import * as z from 'zod/mini';
import type {
  ChangeRecordsSettingsView,
  CockpitSettingsView,
  ExportConfigurationResult,
  FieldSyncReport,
  GetAcknowledgementWebhookResult,
  GetCockpitSettingsResult,
  GetConfigurationResult,
  GetOnCallResult,
  RosterOnCall,
  SaveConfigurationResult,
  SecretStatus,
} from '../../../src/contracts/admin-page';
import type { ConfigurationDocument, SeverityLevel } from '../../../src/contracts/configuration';

const severityLevel: z.ZodMiniType<SeverityLevel> = z.union([z.literal(1), z.literal(2), z.literal(3)]);
const weekday = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);

const layer = z.looseObject({
  name: z.exactOptional(z.string()),
  participants: z.array(z.string()),
  shiftLength: z.union([z.looseObject({ days: z.exactOptional(z.number()), hours: z.exactOptional(z.number()) }), z.string()]),
  handoffTime: z.string(),
  timeZone: z.string(),
  startDate: z.string(),
  restrictions: z.exactOptional(z.array(z.looseObject({ days: z.exactOptional(z.array(weekday)), from: z.string(), to: z.string() }))),
});

const override = z.looseObject({ accountId: z.string(), start: z.string(), end: z.string(), reason: z.exactOptional(z.string()) });

const escalationTarget = z.discriminatedUnion('kind', [
  z.looseObject({ kind: z.literal('roster'), rosterId: z.string() }),
  z.looseObject({ kind: z.literal('user'), accountId: z.string() }),
]);

const rosterChannel = z.discriminatedUnion('kind', [
  z.looseObject({ kind: z.literal('jira') }),
  z.looseObject({ kind: z.literal('pagerduty') }),
  z.looseObject({ kind: z.literal('webhook'), url: z.string() }),
]);

const personChannel = z.discriminatedUnion('kind', [
  z.looseObject({ kind: z.literal('jira') }),
  z.looseObject({ kind: z.literal('slack'), slackUserId: z.string() }),
  z.looseObject({ kind: z.literal('webhook'), url: z.string() }),
]);

const enabled = z.looseObject({ enabled: z.boolean() });

export const configurationSchema: z.ZodMiniType<ConfigurationDocument> = z.looseObject({
  version: z.literal(1),
  incidentProject: z.looseObject({ projectKey: z.string(), issueTypeName: z.string() }),
  severityScale: z.looseObject({
    levels: z.array(z.looseObject({ level: severityLevel, label: z.string(), description: z.string(), examples: z.array(z.string()) })),
  }),
  severityScaleUrl: z.exactOptional(z.string()),
  services: z.array(z.looseObject({ name: z.string(), rosterId: z.exactOptional(z.string()), owningTeam: z.string() })),
  products: z.array(z.string()),
  rosters: z.array(
    z.looseObject({
      id: z.string(),
      name: z.string(),
      layers: z.array(layer),
      overrides: z.exactOptional(z.array(override)),
      escalationPolicyId: z.exactOptional(z.string()),
    }),
  ),
  escalationPolicies: z.array(
    z.looseObject({
      id: z.string(),
      name: z.string(),
      levels: z.array(z.looseObject({ targets: z.array(escalationTarget), ackTimeoutMinutes: z.number() })),
      repeat: z.exactOptional(z.number()),
    }),
  ),
  imoc: z.looseObject({ rosterId: z.exactOptional(z.string()), ackTimeoutMinutes: z.number() }),
  paging: z.looseObject({ rosterChannels: z.record(z.string(), rosterChannel), personChannels: z.record(z.string(), personChannel) }),
  integrations: z.looseObject({ slack: enabled, pagerDuty: enabled, webhook: enabled }),
  supportCases: z.looseObject({ projectKeys: z.array(z.string()) }),
  fields: z.exactOptional(
    z.looseObject({
      severity: z.string(),
      faultyService: z.string(),
      affectedProducts: z.string(),
      impactStart: z.string(),
      detected: z.string(),
      impactEnd: z.string(),
      techLead: z.string(),
      communicationsManager: z.string(),
      chatRoom: z.string(),
      videoCall: z.string(),
      incidentStateDocument: z.string(),
      supportCases: z.string(),
    }),
  ),
  siteUrl: z.exactOptional(z.string()),
});

export const secretStatusSchema: z.ZodMiniType<SecretStatus> = z.object({
  slackBotToken: z.boolean(),
  pagerDutyRosters: z.array(z.string()),
  webhookSigningSecret: z.boolean(),
  pagerDutyWebhookSecret: z.boolean(),
});

export const fieldSyncSchema: z.ZodMiniType<FieldSyncReport> = z.object({
  created: z.array(z.string()),
  optionsAdded: z.array(z.string()),
  optionsDisabled: z.array(z.string()),
  optionsEnabled: z.array(z.string()),
  warnings: z.array(z.string()),
});

export const getConfigurationSchema: z.ZodMiniType<GetConfigurationResult> = z.object({
  configuration: configurationSchema,
  secrets: secretStatusSchema,
  fieldsProvisioned: z.boolean(),
});

export const saveConfigurationSchema: z.ZodMiniType<SaveConfigurationResult> = z.object({ configuration: configurationSchema, fieldSync: fieldSyncSchema });

export const exportSchema: z.ZodMiniType<ExportConfigurationResult> = z.object({ fileName: z.string(), json: z.string() });

const shift = z.object({ accountId: z.string(), start: z.string(), end: z.string(), source: z.enum(['layer', 'override']) });

export const rosterOnCallSchema: z.ZodMiniType<RosterOnCall> = z.object({
  rosterId: z.string(),
  rosterName: z.string(),
  isImoc: z.boolean(),
  now: z.nullable(shift),
  next: z.nullable(shift),
});

export const onCallSchema: z.ZodMiniType<GetOnCallResult> = z.object({ at: z.string(), rosters: z.array(rosterOnCallSchema) });

export const webhookSchema: z.ZodMiniType<GetAcknowledgementWebhookResult> = z.object({ url: z.string(), token: z.string() });

const minutes = z.exactOptional(z.number());
const cockpitSettingsView: z.ZodMiniType<CockpitSettingsView> = z.object({
  fatigueLimitMinutes: z.object({
    'incident-manager': minutes,
    'backup-incident-manager': minutes,
    'tech-lead': minutes,
    'communications-manager': minutes,
  }),
});

export const cockpitSettingsSchema: z.ZodMiniType<GetCockpitSettingsResult> = z.object({ settings: cockpitSettingsView, defaults: cockpitSettingsView });

export const changeRecordsSettingsSchema: z.ZodMiniType<ChangeRecordsSettingsView> = z.object({
  jql: z.exactOptional(z.string()),
  serviceLabels: z.boolean(),
  changeTime: z.enum(['created', 'resolutiondate']),
  labels: z.array(z.object({ service: z.string(), label: z.string() })),
});
