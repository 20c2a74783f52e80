/** Paging on one incident, as the issue's panel shows it: status of every page, acknowledge, escalate on purpose. */
import type { EscalationTargetDocument } from './configuration';

export const ISSUE_PANEL_RESOLVER_KEYS = {
  getPagingStatus: 'getPagingStatus',
  acknowledgePage: 'acknowledgePage',
  escalateIncident: 'escalateIncident',
  getEscalationTargets: 'getEscalationTargets',
} as const;

/** `sending`: recorded as going out; it stays so only while the send runs, or after a crash until it is resent. */
export type DeliveryStatus = 'sending' | 'sent' | 'failed';

export interface PageDeliveryView {
  readonly level: number;
  readonly round: number;
  /** Who or what was paged, as people read it ("on-call of Bitbucket", an account id, "PagerDuty: Bitbucket"). */
  readonly recipient: string;
  readonly accountId?: string;
  /** The person behind `accountId` as Jira names them to the viewer, when Jira did. */
  readonly displayName?: string;
  readonly channel: 'jira' | 'slack' | 'pagerduty' | 'webhook';
  readonly status: DeliveryStatus;
  /** ISO-8601 UTC instant of the last attempt. */
  readonly at: string;
  readonly attempts: number;
  readonly error?: string;
  /** Sent again after a crash may have interrupted an earlier attempt. */
  readonly resent?: boolean;
}

export type EpisodeState = 'paging' | 'acknowledged' | 'exhausted' | 'not-paged';

/** One reason the app paged people for this incident (declared, severity raised, transition, manual escalation). */
export interface PagingEpisodeView {
  readonly id: string;
  readonly reason: string;
  readonly state: EpisodeState;
  readonly startedAt: string;
  readonly deliveries: readonly PageDeliveryView[];
  /** When the next level is paged if nobody acknowledges. */
  readonly nextEscalationAt?: string;
  readonly acknowledgedAt?: string;
  /** Who acknowledged: a person's account id, or the paging provider's own words ("Ann via PagerDuty"). */
  readonly acknowledgedBy?: string;
  /** The person behind an account id in `acknowledgedBy`, as Jira names them to the viewer, when Jira did. */
  readonly acknowledgedByName?: string;
  /** Every level was paged and nobody acknowledged: the last level repeats and the fallback team is alerted. */
  readonly unanswered?: { readonly since: string; readonly repeats: number; readonly everyMinutes: number };
  /** Paged by the safety net because the event that should have paged it never ran. */
  readonly late?: boolean;
  /** Whether the viewer may acknowledge this page (their own page, or they lead or may edit the incident). */
  readonly viewerMayAcknowledge?: boolean;
}

/** What the viewer may do with paging on this incident, and why not when they may not. */
export interface PagingViewerRights {
  readonly mayAcknowledge: boolean;
  readonly mayEscalate: boolean;
  /** Why the Acknowledge and Escalate buttons are absent, in the viewer's terms. */
  readonly explanation?: string;
}

export interface PagingStatusResult {
  readonly issueKey: string;
  readonly episodes: readonly PagingEpisodeView[];
  readonly viewer?: PagingViewerRights;
}

/**
 * Acknowledge one page (`episodeId`) or, without it, the viewer's own waiting pages (or, for the
 * incident's assignee and those who may edit it, the pages that called for an incident manager).
 */
export interface AcknowledgePagePayload {
  readonly episodeId?: string;
}

export type AcknowledgePageResult = PagingStatusResult;

export interface EscalateIncidentPayload {
  readonly target: EscalationTargetDocument;
  /** Why this team or person is needed; it goes into the page. */
  readonly reason: string;
  /** Generated once per click by the panel, so a retried request pages only once. */
  readonly requestId: string;
}

export type EscalateIncidentResult = PagingStatusResult;

export interface EscalationTargetsResult {
  readonly rosters: readonly { readonly id: string; readonly name: string }[];
}
