/**
 * The incident at a glance, at the top of the panel: severity, status, who is in command, how long
 * customers have been affected, when the next update is due, where paging stands and whether
 * anyone should hand over. Everything else is in the tabs below.
 */
import type { CockpitView } from '../../../src/contracts/cockpit';
import type { PagingStatusResult } from '../../../src/contracts/issue-panel';
import { Lozenge } from '../../shared-ui/lozenge';
import { SectionMessage } from '../../shared-ui/section-message';
import { dateTime, duration, recipientName } from './format';

export function IncidentSummary({ view, paging }: { view: CockpitView; paging: PagingStatusResult | undefined }) {
  const { issue, command } = view;
  const now = Date.parse(view.at);
  const impactFor = issue.impactStart === undefined ? undefined : duration((issue.impactEnd === undefined ? now : Date.parse(issue.impactEnd)) - Date.parse(issue.impactStart));
  const fatigue = view.review.fatigue;
  return (
    <section className="ir-summary" aria-label="Incident summary" data-testid="incident-summary">
      <div className="ir-summary-title">
        <strong>{issue.key}</strong> {issue.summary}
      </div>
      <dl className="ir-facts">
        <Fact label="Severity">
          {issue.severity === undefined ? <Lozenge appearance="moved">not set</Lozenge> : <Lozenge appearance={issue.severity.level === 3 ? 'default' : 'removed'}>{issue.severity.label}</Lozenge>}
        </Fact>
        <Fact label="Status">
          <Lozenge appearance={issue.status === 'new' || issue.status === 'fixing' ? 'inprogress' : 'success'} testId="incident-status">
            {issue.statusName}
          </Lozenge>
        </Fact>
        <Fact label="Incident manager" testId="incident-manager">
          {command.incidentManager?.displayName ?? 'Nobody yet'}
        </Fact>
        <Fact label={issue.impactEnd === undefined ? 'Impact for' : 'Impact lasted'} testId="impact-for">
          {impactFor ?? 'Start unknown'}
        </Fact>
        <Fact label="Next update" testId="next-update">
          {view.nextUpdate === undefined ? (
            'None owed'
          ) : (
            <span className={view.nextUpdate.overdue ? 'ir-overdue' : undefined}>
              {view.nextUpdate.overdue ? 'Overdue since ' : ''}
              {dateTime(view.nextUpdate.at)}
            </span>
          )}
        </Fact>
        <Fact label="Paging" testId="paging-state">
          {pagingState(paging)}
        </Fact>
        {issue.faultyService === undefined ? null : <Fact label="Faulty service">{issue.faultyService}</Fact>}
      </dl>
      {fatigue.length === 0 ? null : (
        <SectionMessage appearance="warning" role="status" testId="fatigue-warning">
          {fatigue.map((item) => item.message).join(' ')}
        </SectionMessage>
      )}
    </section>
  );
}

function Fact({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <div className="ir-fact" data-testid={testId}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** Where paging stands, in a few words: the latest page decides. */
export function pagingState(paging: PagingStatusResult | undefined): string {
  if (paging === undefined) return 'Unknown';
  const latest = paging.episodes.at(-1);
  if (latest === undefined) return 'Nobody paged';
  const to = latest.deliveries.at(-1);
  const who = to === undefined ? undefined : recipientName(to);
  switch (latest.state) {
    case 'acknowledged':
      return `Acknowledged${latest.acknowledgedByName === undefined ? '' : ` by ${latest.acknowledgedByName}`}`;
    case 'paging':
      return `Waiting for ${who ?? 'an answer'}`;
    case 'exhausted':
      return 'Nobody answered';
    case 'not-paged':
      return 'Not paged';
  }
}
