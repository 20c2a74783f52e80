/** The admin page's Alert sources tab: its resolver keys and what they answer. */

export const ALERT_SOURCE_RESOLVER_KEYS = {
  listAlertSources: 'listAlertSources',
  saveAlertSource: 'saveAlertSource',
  deleteAlertSource: 'deleteAlertSource',
  rotateAlertSourceToken: 'rotateAlertSourceToken',
  testAlertSource: 'testAlertSource',
} as const;

export type AlertFormatName = 'alertmanager' | 'grafana' | 'generic';

export interface GenericMappingDocument {
  readonly title: string;
  readonly dedupKey: string;
  readonly severity?: string;
  readonly service?: string;
  readonly status?: string;
  readonly startsAt?: string;
  readonly link?: string;
  readonly resolvedValues?: readonly string[];
}

export interface RoutingRuleDocument {
  readonly name: string;
  /** `name=value`, `name!=value`, `name=~regex`, `name!~regex`, all of which must hold. */
  readonly matchers: readonly string[];
  readonly action: 'incident' | 'ignore';
  readonly service?: string;
  readonly severity?: 1 | 2 | 3;
  readonly products?: readonly string[];
}

export interface AlertSourceDocument {
  readonly id: string;
  readonly name: string;
  readonly format: AlertFormatName;
  readonly mapping?: GenericMappingDocument;
  readonly rules: readonly RoutingRuleDocument[];
  readonly defaultRoute: { readonly service: string; readonly severity: 1 | 2 | 3; readonly products: readonly string[] };
  readonly maxIncidentsPerMinute: number;
  readonly heartbeatMinutes?: number;
}

export interface AlertSourceCounts {
  readonly notifications: number;
  readonly alerts: number;
  readonly incidentsOpened: number;
  readonly alertsAttached: number;
  readonly stormAttached: number;
  readonly repeats: number;
  readonly resolved: number;
  readonly ignored: number;
  readonly lastReceivedAt?: string;
  readonly lastIncidentKey?: string;
}

export interface AlertSourceView {
  readonly source: AlertSourceDocument;
  /** Where the source sends its alerts. */
  readonly url: string;
  readonly token: string;
  /** When a rotated-out token stops working (ISO), while it still does. */
  readonly previousTokenValidUntil?: string;
  readonly counts: AlertSourceCounts;
  /** Refused requests of the last week, by reason. */
  readonly refusals: Readonly<Record<string, number>>;
  readonly lastHeartbeatAt?: string;
}

export interface ListAlertSourcesResult {
  readonly sources: readonly AlertSourceView[];
  /** Refusals of requests that named no known source. */
  readonly unknownSourceRefusals: number;
  readonly services: readonly string[];
  readonly products: readonly string[];
}

export interface TestAlertSourceResult {
  readonly groupKey: string;
  readonly status: 'firing' | 'resolved';
  readonly alerts: readonly { readonly title: string; readonly status: string; readonly labels: Readonly<Record<string, string>> }[];
  /** What the generic mapping read at each of its paths (generic sources only). */
  readonly mappedFields?: Readonly<Record<string, string | null>>;
  /** The route the group would take. */
  readonly route: { readonly kind: 'incident'; readonly rule: string; readonly service: string; readonly severity: number; readonly products: readonly string[] } | { readonly kind: 'ignore'; readonly rule: string };
}
