import type { EscalationPolicy, EscalationTarget } from '../../domain/on-call/escalation-policy';
import { withImocFinalLevel } from '../../domain/on-call/escalation-policy';
import { whoIsOnCall } from '../../domain/on-call/schedule';
import { formatInstant } from '../../domain/on-call/instants';
import { rosterById, serviceNamed, type Configuration } from '../configuration';
import type { PageDestination } from '../ports';

/** How many extra rounds the IMOC-only policy runs: the catch-all keeps trying before it gives up. */
const IMOC_REPEATS = 2;

/** The escalation an episode follows, and what its first level is about. */
export interface PagingPlan {
  readonly policy: EscalationPolicy;
  /** The roster the plan starts with, for messages ("Bitbucket on-call"). */
  readonly rosterId?: string;
}

/** Escalation ending with the IMOC: the roster's own policy, or just the roster, then the IMOC roster. */
export function planForRoster(config: Configuration, rosterId: string): PagingPlan {
  const roster = rosterById(config, rosterId);
  const own = roster?.escalationPolicyId === undefined ? undefined : config.escalationPolicies.find((policy) => policy.id === roster.escalationPolicyId);
  const imocRosterId = config.imoc.rosterId;
  if (own === undefined && rosterId === imocRosterId) return planForImoc(config);
  const base: EscalationPolicy = own ?? {
    id: `roster:${rosterId}`,
    name: `${roster?.name ?? rosterId} on-call`,
    levels: [{ targets: [{ kind: 'roster', rosterId }], ackTimeoutMinutes: config.imoc.ackTimeoutMinutes }],
    repeat: 0,
  };
  // withImocFinalLevel leaves a policy alone when its last level already pages the IMOC.
  const policy = imocRosterId === undefined ? base : withImocFinalLevel(base, imocRosterId, config.imoc.ackTimeoutMinutes);
  return { policy, rosterId };
}

/** The global catch-all: the IMOC roster, repeated; no levels when no IMOC roster is configured. */
export function planForImoc(config: Configuration): PagingPlan {
  const rosterId = config.imoc.rosterId;
  if (rosterId === undefined) return { policy: { id: 'imoc', name: 'Incident manager on call', levels: [], repeat: 0 } };
  return {
    policy: {
      id: 'imoc',
      name: 'Incident manager on call',
      levels: [{ targets: [{ kind: 'roster', rosterId }], ackTimeoutMinutes: config.imoc.ackTimeoutMinutes }],
      repeat: IMOC_REPEATS,
    },
    rosterId,
  };
}

/** Whom a Sev 1/2 incident pages: the faulty service's roster, or the IMOC for "Unknown" and services without one. */
export function planForService(config: Configuration, serviceName: string | undefined): PagingPlan {
  const rosterId = serviceName === undefined ? undefined : serviceNamed(config, serviceName)?.rosterId;
  if (rosterId === undefined || rosterById(config, rosterId) === undefined) return planForImoc(config);
  return planForRoster(config, rosterId);
}

/** Paging one person on purpose: one level, no repeats. */
export function planForPerson(config: Configuration, accountId: string): PagingPlan {
  return {
    policy: {
      id: `user:${accountId}`,
      name: 'Direct page',
      levels: [{ targets: [{ kind: 'user', accountId }], ackTimeoutMinutes: config.imoc.ackTimeoutMinutes }],
      repeat: 0,
    },
  };
}

/** Paging several people at once (a drill's incident manager players): one level, no repeats. */
export function planForPeople(config: Configuration, accountIds: readonly string[]): PagingPlan {
  return {
    policy: {
      id: 'people',
      name: 'Drill participants',
      levels: [{ targets: accountIds.map((accountId) => ({ kind: 'user' as const, accountId })), ackTimeoutMinutes: config.imoc.ackTimeoutMinutes }],
      repeat: 0,
    },
  };
}

/** One delivery target of a level: a person on a channel, or a roster's PagerDuty service. */
export interface Recipient {
  /** Stable across runs, so a delivery is de-duplicated per recipient. */
  readonly key: string;
  /** How people read it in the issue and the panel. */
  readonly label: string;
  readonly destination: PageDestination;
}

export interface LevelRecipients {
  readonly recipients: readonly Recipient[];
  /** Rosters that gave nobody to page even after falling back to the IMOC. */
  readonly unresolved: readonly string[];
}

/**
 * Turns a level's targets into recipients at `at`: who is on call in each roster (or its
 * PagerDuty service), each person on their own channel when they have one. A roster with nobody on
 * call falls back to the IMOC roster, so a page never silently goes nowhere.
 */
export function recipientsForLevel(config: Configuration, targets: readonly EscalationTarget[], at: number): LevelRecipients {
  const instant = formatInstant(at);
  const recipients = new Map<string, Recipient>();
  const unresolved: string[] = [];
  const add = (recipient: Recipient): void => {
    if (!recipients.has(recipient.key)) recipients.set(recipient.key, recipient);
  };
  const pageRoster = (rosterId: string): boolean => {
    const roster = rosterById(config, rosterId);
    const channel = config.paging.rosterChannels[rosterId];
    const onCall = roster === undefined ? undefined : whoIsOnCall(roster, instant);
    if (roster !== undefined && channel?.kind === 'pagerduty' && config.integrations.pagerDuty.enabled) {
      add({
        key: `pagerduty:${rosterId}`,
        label: `PagerDuty: ${roster.name}`,
        destination: { kind: 'pagerduty', rosterId, ...(onCall === undefined ? {} : { accountId: onCall.accountId }) },
      });
      return true;
    }
    if (onCall === undefined) return false;
    add(personRecipient(config, onCall.accountId, rosterId));
    return true;
  };
  for (const target of targets) {
    if (target.kind === 'user') {
      add(personRecipient(config, target.accountId, undefined));
      continue;
    }
    if (pageRoster(target.rosterId)) continue;
    const imoc = config.imoc.rosterId;
    if (imoc === undefined || imoc === target.rosterId || !pageRoster(imoc)) unresolved.push(target.rosterId);
  }
  return { recipients: [...recipients.values()], unresolved };
}

function personRecipient(config: Configuration, accountId: string, rosterId: string | undefined): Recipient {
  const own = config.paging.personChannels[accountId];
  const rosterChannel = rosterId === undefined ? undefined : config.paging.rosterChannels[rosterId];
  const key = `user:${accountId}`;
  if (own?.kind === 'slack' && config.integrations.slack.enabled) {
    return { key, label: accountId, destination: { kind: 'slack', accountId, slackUserId: own.slackUserId } };
  }
  const webhook = own?.kind === 'webhook' ? own : rosterChannel?.kind === 'webhook' ? rosterChannel : undefined;
  if (webhook !== undefined && config.integrations.webhook.enabled) {
    return {
      key,
      label: accountId,
      destination: { kind: 'webhook', url: webhook.url, accountId, ...(rosterId === undefined ? {} : { rosterId }) },
    };
  }
  return { key, label: accountId, destination: { kind: 'jira', accountId } };
}
