import { doc, link, p, strong, text } from '@atlaskit/adf-utils/builders';
import { labelOf, type SeverityLevel } from '../../domain/severity';
import type { Configuration } from '../configuration';
import { issueUrl } from '../incident-fields';
import { dedupKey, type Delivery, type Episode, type MessageFacts } from './paging-episodes';
import type { AdfDocument, PageMessage } from '../ports';

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
export function pageMessage(episode: Episode, facts: MessageFacts, level: number, round: number): PageMessage {
  const title = `[${facts.severityLabel}] ${episode.issueKey}: ${facts.summary}`;
  const lines = [
    title,
    `Severity: ${facts.severityLabel}`,
    ...(facts.faultyService === undefined ? [] : [`Faulty service: ${facts.faultyService}`]),
    `Why you: ${episode.reason}${level > 0 || round > 0 ? ` (escalation level ${level + 1}${round > 0 ? `, repeat ${round}` : ''}: nobody acknowledged yet)` : ''}`,
    `Incident: ${facts.issueUrl}`,
    `Join the chat room named ${episode.issueKey}. Acknowledge by assigning ${episode.issueKey} to yourself or pressing Acknowledge in its Incident response panel.`,
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
        text(willRetry ? 'The app tries again on its next scheduled run (every 5 minutes).' : 'The app has stopped retrying; page them another way.'),
      ),
    );
  }
  for (const rosterId of unresolved) {
    paragraphs.push(p(text(`Nobody is on call in roster "${rosterId}" and no IMOC could be paged instead. Escalate to someone by hand.`)));
  }
  return doc(...paragraphs) as AdfDocument;
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
