/**
 * The app's configuration document as the admin page edits it and as export/import writes it.
 * One JSON document: severity scale, services, products, rosters, escalation policies, the IMOC,
 * paging channels and integration switches. Secrets are never part of it.
 */

export type SeverityLevel = 1 | 2 | 3;

export interface SeverityLevelDocument {
  readonly level: SeverityLevel;
  /** What Jira's Severity field shows, e.g. "Sev 1". */
  readonly label: string;
  readonly description: string;
  readonly examples: readonly string[];
}

export interface ServiceDocument {
  /** The Faulty service option, e.g. "Bitbucket". */
  readonly name: string;
  /** The roster whose on-call incident manager a Sev 1/2 incident with this service pages; none pages the IMOC. */
  readonly rosterId?: string;
  /** The team whose queue gets Sev 3 incidents during business hours. */
  readonly owningTeam: string;
}

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

export interface RestrictionDocument {
  readonly days?: readonly Weekday[];
  /** Local time of day "HH:mm". */
  readonly from: string;
  /** Local time of day "HH:mm" or "24:00"; at or before `from` runs past midnight. */
  readonly to: string;
}

export interface RotationLayerDocument {
  readonly name?: string;
  /** Atlassian account ids, in rotation order. */
  readonly participants: readonly string[];
  /** `{days, hours}` or an ISO-8601 duration such as "P7D". */
  readonly shiftLength: { readonly days?: number; readonly hours?: number } | string;
  /** Local handoff time "HH:mm". */
  readonly handoffTime: string;
  /** IANA time zone, e.g. "Europe/Berlin". */
  readonly timeZone: string;
  /** First handoff date "YYYY-MM-DD". */
  readonly startDate: string;
  readonly restrictions?: readonly RestrictionDocument[];
}

export interface OverrideDocument {
  readonly accountId: string;
  /** ISO-8601 instant with offset. */
  readonly start: string;
  /** ISO-8601 instant with offset. */
  readonly end: string;
  readonly reason?: string;
}

export interface RosterDocument {
  readonly id: string;
  readonly name: string;
  readonly layers: readonly RotationLayerDocument[];
  readonly overrides?: readonly OverrideDocument[];
  /** The policy that escalates an unacknowledged page of this roster; none means: this roster, then the IMOC. */
  readonly escalationPolicyId?: string;
}

export type EscalationTargetDocument =
  | { readonly kind: 'roster'; readonly rosterId: string }
  | { readonly kind: 'user'; readonly accountId: string };

export interface EscalationLevelDocument {
  readonly targets: readonly EscalationTargetDocument[];
  readonly ackTimeoutMinutes: number;
}

export interface EscalationPolicyDocument {
  readonly id: string;
  readonly name: string;
  readonly levels: readonly EscalationLevelDocument[];
  /** How many more times the whole policy runs after its last level (0–9). */
  readonly repeat?: number;
}

/** How a roster is paged. PagerDuty needs a routing key for the roster (kept in secret storage). */
export type RosterChannelDocument =
  | { readonly kind: 'jira' }
  | { readonly kind: 'pagerduty' }
  | { readonly kind: 'webhook'; readonly url: string };

/** How one person is paged, overriding their roster's channel (unless that is PagerDuty). */
export type PersonChannelDocument =
  | { readonly kind: 'jira' }
  | { readonly kind: 'slack'; readonly slackUserId: string }
  | { readonly kind: 'webhook'; readonly url: string };

export interface PagingDocument {
  /** By roster id; a roster not listed is paged through Jira's own notification. */
  readonly rosterChannels: Readonly<Record<string, RosterChannelDocument>>;
  /** By Atlassian account id. */
  readonly personChannels: Readonly<Record<string, PersonChannelDocument>>;
  /** The roster whose whole team is alerted when a Sev 1/2 escalation runs out unanswered; the IMOC roster when unset. */
  readonly fallbackRosterId?: string;
}

export interface ImocDocument {
  /** The global catch-all roster of major incident managers; until one is set, nobody can be paged as the last resort. */
  readonly rosterId?: string;
  /** How long the IMOC level waits for an acknowledgement when it is appended as the final level. */
  readonly ackTimeoutMinutes: number;
}

export interface IntegrationsDocument {
  readonly slack: { readonly enabled: boolean };
  readonly pagerDuty: { readonly enabled: boolean };
  readonly webhook: { readonly enabled: boolean };
}

/** Where incidents are declared: the project and issue type the app treats as incidents. */
export interface IncidentProjectDocument {
  readonly projectKey: string;
  readonly issueTypeName: string;
}

export interface SupportCasesDocument {
  /** Projects whose labelled issues count as support cases; empty means any project other than the incident's. */
  readonly projectKeys: readonly string[];
}

/** Jira field ids the app discovered or created; read-only in the admin page. */
export interface FieldIdsDocument {
  readonly severity: string;
  readonly faultyService: string;
  readonly affectedProducts: string;
  readonly impactStart: string;
  readonly detected: string;
  readonly impactEnd: string;
  readonly techLead: string;
  readonly communicationsManager: string;
  readonly chatRoom: string;
  readonly videoCall: string;
  readonly incidentStateDocument: string;
  readonly supportCases: string;
}

export interface ConfigurationDocument {
  readonly version: 1;
  readonly incidentProject: IncidentProjectDocument;
  readonly severityScale: { readonly levels: readonly SeverityLevelDocument[] };
  /** A link to the page that explains the severity scale (the Severity field's help links to it). */
  readonly severityScaleUrl?: string;
  readonly services: readonly ServiceDocument[];
  readonly products: readonly string[];
  readonly rosters: readonly RosterDocument[];
  readonly escalationPolicies: readonly EscalationPolicyDocument[];
  readonly imoc: ImocDocument;
  readonly paging: PagingDocument;
  readonly integrations: IntegrationsDocument;
  readonly supportCases: SupportCasesDocument;
  /** Filled in by the app when it provisions its fields; ignored on save and import. */
  readonly fields?: FieldIdsDocument;
  /** The Jira site's base URL, discovered with the fields; pages link to issues under it. */
  readonly siteUrl?: string;
}
