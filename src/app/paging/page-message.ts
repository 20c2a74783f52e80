import { doc, link, p, strong, text } from '@atlaskit/adf-utils/builders';
import { labelOf, type SeverityLevel } from '../../domain/severity';
import type { Configuration } from '../configuration';
import { issueUrl } from '../incident-fields';
import { dedupKey, pagesIncidentManager, type Delivery, type Episode, type MessageFacts } from './paging-episodes';
import type { AdfDocument, PageMessage, PagingChannelKind } from '../ports';

/** The facts every page of an episode repeats, frozen when the episode starts paging. */
export function messageFacts(
  config: Configuration,
  incident: { key: string; summary: string; severity?: SeverityLevel; faultyService?: string },
): MessageFacts {
  return {
    ...(incident.severity === undefined ? {} : { severity: incident.severity }),
    severityLabel: incident.severity === undefined ? 'No severity' : labelOf(config.severityScale, incident.severity),
    summary: incident.summary,
    ...(incident.faultyService === undefined ? {} : { faultyService: incident.faultyService }),
    issueUrl: issueUrl(config, incident.key),
  };
}

/** The page for one level of an episode: key, severity, summary and link first, then why this person. */
export function pageMessage(
  episode: Episode,
  facts: MessageFacts,
  level: number,
  round: number,
  options: { channel?: PagingChannelKind; resent?: boolean; fallback?: boolean } = {},
): PageMessage {
  // PagerDuty folds a repeated dedup_key into the alert it opened, and a webhook receiver gets the
  // same request id: only channels without idempotency need telling that this may be a second copy.
  const marked = options.resent === true && options.channel !== 'pagerduty' && options.channel !== 'webhook';
  const title = `${marked ? '(re-sent) ' : ''}[${facts.severityLabel}] ${episode.issueKey}: ${facts.summary}`;
  const exhausted = episode.keepPaging !== undefined || round > (episode.policy?.repeat ?? 0);
  const lines = [
    title,
    ...(marked ? ['Re-sent: the first attempt may have reached you (the app stopped while sending it).'] : []),
    ...(exhausted ? ['NOBODY HAS ACKNOWLEDGED: every level of the escalation was paged. This page repeats until someone acknowledges.'] : []),
    `Severity: ${facts.severityLabel}`,
    ...(facts.faultyService === undefined ? [] : [`Faulty service: ${facts.faultyService}`]),
    `Why you: ${options.fallback === true ? 'you are on the fallback team for unanswered pages. ' : ''}${episode.reason}${level > 0 || round > 0 ? ` (escalation level ${level + 1}${round > 0 ? `, repeat ${round}` : ''}: nobody acknowledged yet)` : ''}`,
    `Incident: ${facts.issueUrl}`,
    howToAcknowledge(episode, options.channel),
  ];
  return {
    issueId: episode.issueId,
    issueKey: episode.issueKey,
    issueUrl: facts.issueUrl,
    ...(facts.severity === undefined ? {} : { severity: facts.severity }),
    severityLabel: facts.severityLabel,
    summary: facts.summary,
    ...(facts.faultyService === undefined ? {} : { faultyService: facts.faultyService }),
    reason: episode.reason,
    level,
    round,
    dedupKey: dedupKey(episode.issueKey, episode.issueId, episode.id, level),
    title,
    text: lines.join('\n'),
  };
}

// The IM page is answered by taking command; another team's page by acknowledging it, never by
// taking the issue (that would make them the incident manager and displace the IM).
function howToAcknowledge(episode: Episode, channel: PagingChannelKind | undefined): string {
  const provider = channel === 'pagerduty' ? ' Acknowledging the alert in PagerDuty does the same.' : '';
  if (pagesIncidentManager(episode.intent)) {
    return `Join the chat room named ${episode.issueKey}. To acknowledge, take command of ${episode.issueKey} in its Incident response panel (or press Acknowledge there if someone else leads).${provider}`;
  }
  return `Join the chat room named ${episode.issueKey}. To acknowledge, press Acknowledge on your page in the Incident response panel of ${episode.issueKey}.${provider}`;
}

const CHANNEL_NAMES: Record<Delivery['destination']['kind'], string> = {
  jira: 'Jira notification',
  slack: 'Slack',
  pagerduty: 'PagerDuty',
  webhook: 'webhook',
};

/** The comment the IM sees when pages could not be delivered: who, how, why, and that the app keeps trying. */
export function deliveryFailureComment(failed: readonly Delivery[], unresolved: readonly string[], willRetry: boolean): AdfDocument {
  const paragraphs = [p(strong('Paging problem'))];
  for (const delivery of failed) {
    paragraphs.push(
      p(
        text(`Could not page ${delivery.recipientLabel} via ${CHANNEL_NAMES[delivery.destination.kind]} (attempt ${delivery.attempts}): ${delivery.error ?? 'unknown error'}. `),
        text(willRetry ? 'The app tries again in a minute.' : 'The app has stopped retrying; page them another way.'),
      ),
    );
  }
  for (const rosterId of unresolved) {
    paragraphs.push(p(text(`Nobody is on call in roster "${rosterId}" and no IMOC could be paged instead. Escalate to someone by hand.`)));
  }
  return doc(...paragraphs) as AdfDocument;
}

/** The comment when a Sev 1/2 escalation runs out: paging goes on, and the fallback team is alerted. */
export function keepPagingComment(episode: Episode, fallback: string | undefined, everyMinutes: number): AdfDocument {
  return doc(
    p(strong('Nobody acknowledged the page: paging continues')),
    p(
      text(`Every level of "${episode.policy?.name ?? 'the escalation policy'}" was paged for: ${episode.reason}. `),
      text(`The last level is paged again every ${everyMinutes} minutes${fallback === undefined ? '' : `, and the whole ${fallback} team is alerted`}, until someone acknowledges.`),
    ),
  ) as AdfDocument;
}

/** The comment that closes an episode nobody acknowledged. */
export function exhaustedComment(episode: Episode): AdfDocument {
  return doc(
    p(strong('Nobody acknowledged the page')),
    p(text(`Every level of "${episode.policy?.name ?? 'the escalation policy'}" was paged for: ${episode.reason}. Paging has stopped; use Escalate in the Incident response panel to page someone else.`)),
  ) as AdfDocument;
}

/** The comment a Sev 3 incident gets instead of a page. */
export function routedComment(input: { severityLabel: string; team: string; issueUrl: string }): AdfDocument {
  return doc(
    p(strong(`${input.severityLabel}: nobody is paged`)),
    p(
      text(`This incident is routed to the ${input.team} team's queue and will be picked up during business hours. `),
      text('If it must be fixed right now, raise the severity: that pages the on-call incident manager. '),
      link({ href: input.issueUrl })(text('Open the incident')),
    ),
  ) as AdfDocument;
}

/** The comment recording a manual escalation, so the incident's history shows who asked for whom and why. */
export function escalationComment(input: { by: string; target: string; reason: string }): AdfDocument {
  return doc(p(strong('Escalated')), p(text(`${input.by} paged ${input.target}: ${input.reason}`))) as AdfDocument;
}

/** The comment for an incident that should page but has nobody to page. */
export function nobodyToPageComment(reason: string): AdfDocument {
  return doc(
    p(strong('Nobody could be paged')),
    p(text(`${reason}: no roster is set for this service and no IMOC roster is configured. An administrator can set them in the app's settings; meanwhile, escalate by hand.`)),
  ) as AdfDocument;
}
