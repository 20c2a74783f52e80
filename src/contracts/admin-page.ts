/** The admin page (`jira:adminPage`): configuration, on-call schedules and integration secrets. Jira administrators only. */
import type { ConfigurationDocument, OverrideDocument } from './configuration';

export const ADMIN_RESOLVER_KEYS = {
  getConfiguration: 'getConfiguration',
  saveConfiguration: 'saveConfiguration',
  exportConfiguration: 'exportConfiguration',
  importConfiguration: 'importConfiguration',
  getOnCall: 'getOnCall',
  addOverride: 'addOverride',
  takeShift: 'takeShift',
  setIntegrationSecret: 'setIntegrationSecret',
  getAcknowledgementWebhook: 'getAcknowledgementWebhook',
  provisionFields: 'provisionFields',
  getCockpitSettings: 'getCockpitSettings',
  saveCockpitSettings: 'saveCockpitSettings',
  getChangeRecordsSettings: 'getChangeRecordsSettings',
  saveChangeRecordsSettings: 'saveChangeRecordsSettings',
} as const;

/** Where change records live: issues a JQL finds, labelled with the service they changed. */
export interface ChangeRecordsSettingsView {
  /** Absent until set: the cockpit then says no change records are set up. */
  readonly jql?: string;
  /** Whether each change issue carries its service's label (see `labels`). */
  readonly serviceLabels: boolean;
  /** Which date of the issue says when the change was made. */
  readonly changeTime: 'created' | 'resolutiondate';
  /** The label the changes of each configured service carry. */
  readonly labels: readonly { readonly service: string; readonly label: string }[];
}

export interface SaveChangeRecordsSettingsPayload {
  readonly jql?: string;
  readonly serviceLabels: boolean;
  readonly changeTime: 'created' | 'resolutiondate';
}

/** Which secrets are stored (never their values). */
export interface SecretStatus {
  readonly slackBotToken: boolean;
  /** Roster ids that have a PagerDuty routing key. */
  readonly pagerDutyRosters: readonly string[];
  /** Whether outgoing webhooks are signed (an HMAC secret is stored). */
  readonly webhookSigningSecret: boolean;
  /** Whether PagerDuty V3 webhooks can be verified (the subscription's signing secret is stored). */
  readonly pagerDutyWebhookSecret: boolean;
}

/** What provisioning did to Jira's own select fields, for the admin to see. */
export interface FieldSyncReport {
  readonly created: readonly string[];
  readonly optionsAdded: readonly string[];
  readonly optionsDisabled: readonly string[];
  readonly optionsEnabled: readonly string[];
  /** Problems that did not stop provisioning (e.g. a field could not be added to the default screen). */
  readonly warnings: readonly string[];
}

export interface GetConfigurationResult {
  readonly configuration: ConfigurationDocument;
  readonly secrets: SecretStatus;
  /** False until the app's fields exist in Jira (install or "provision fields" creates them). */
  readonly fieldsProvisioned: boolean;
}

export interface SaveConfigurationPayload {
  readonly configuration: ConfigurationDocument;
}

export interface SaveConfigurationResult {
  readonly configuration: ConfigurationDocument;
  readonly fieldSync: FieldSyncReport;
}

export interface ExportConfigurationResult {
  readonly fileName: string;
  /** The configuration as pretty-printed JSON, without secrets or site-specific field ids. */
  readonly json: string;
}

export interface ImportConfigurationPayload {
  readonly json: string;
}

export type ImportConfigurationResult = SaveConfigurationResult;

export interface OnCallShiftView {
  readonly accountId: string;
  /** ISO-8601 UTC instants. */
  readonly start: string;
  readonly end: string;
  /** "layer" when the rotation put them there, "override" when someone stood in. */
  readonly source: 'layer' | 'override';
}

export interface RosterOnCall {
  readonly rosterId: string;
  readonly rosterName: string;
  readonly isImoc: boolean;
  readonly now: OnCallShiftView | null;
  readonly next: OnCallShiftView | null;
}

export interface GetOnCallPayload {
  /** Only this roster; all rosters when absent. */
  readonly rosterId?: string;
}

export interface GetOnCallResult {
  /** ISO-8601 UTC instant the answer was computed for. */
  readonly at: string;
  readonly rosters: readonly RosterOnCall[];
}

export interface AddOverridePayload {
  readonly rosterId: string;
  readonly override: OverrideDocument;
}

export interface TakeShiftPayload {
  readonly rosterId: string;
}

/** Both answer with the roster's schedule as it now stands. */
export type RosterChangeResult = RosterOnCall;

export type IntegrationSecretInput =
  | { readonly kind: 'slack-bot-token'; readonly value: string | null }
  | { readonly kind: 'pagerduty-routing-key'; readonly rosterId: string; readonly value: string | null }
  | { readonly kind: 'webhook-signing-secret'; readonly value: string | null }
  /** The signing secret PagerDuty shows when a V3 webhook subscription to the acknowledgement URL is created. */
  | { readonly kind: 'pagerduty-webhook-secret'; readonly value: string | null };

/** `value: null` removes the secret. */
export interface SetIntegrationSecretPayload {
  readonly secret: IntegrationSecretInput;
}

export type SetIntegrationSecretResult = SecretStatus;

export interface GetAcknowledgementWebhookResult {
  /**
   * Where a paging provider reports acknowledgements (POST): with the token below, or as a PagerDuty
   * V3 webhook subscription (event `incident.acknowledged`) signed with its `pagerduty-webhook-secret`.
   */
  readonly url: string;
  /** Sent by the provider as `Authorization: Bearer <token>`. */
  readonly token: string;
}

export type ProvisionFieldsResult = FieldSyncReport;

/** The roles whose holders the cockpit prompts to hand over after long enough on the incident. */
export type FatigueRole = 'incident-manager' | 'backup-incident-manager' | 'tech-lead' | 'communications-manager';

/**
 * The issue panel's site-wide settings, saved apart from the configuration and in one piece.
 * `fatigueLimitMinutes`: whole minutes (30–1440) on the incident after which a role's holder is
 * prompted to hand over; a role left out is never prompted, except the IM, who has the default.
 */
export interface CockpitSettingsView {
  readonly fatigueLimitMinutes: Readonly<Partial<Record<FatigueRole, number>>>;
}

/** The limits in effect (defaults included), and the defaults themselves. */
export interface GetCockpitSettingsResult {
  readonly settings: CockpitSettingsView;
  readonly defaults: CockpitSettingsView;
}

export type SaveCockpitSettingsPayload = CockpitSettingsView;

export type SaveCockpitSettingsResult = GetCockpitSettingsResult;
