import { asApp } from '@forge/api';
import type { AlertJob } from '../../app/alerts/ports';
import type { IntakeDeps } from '../../app/alerts/take-in-alerts';
import type { Services } from '../composition';
import { ForgeJobQueue } from './forge-job-queue';
import { JiraClient } from './jira-client';
import { JiraIssueTracker } from './jira-issue-tracker';
import { JiraRemoteLinks } from './jira-remote-links';

/** The manifest's queue for alert intake (`consumer.queue`). */
export const ALERT_INTAKE_QUEUE = 'alert-intake';

export function alertQueue(s: Pick<Services, 'clock'>): ForgeJobQueue<AlertJob> {
  return new ForgeJobQueue<AlertJob>(ALERT_INTAKE_QUEUE, s.clock);
}

/** What intake works with, wired to Forge: Jira as the app, which reports the incidents it opens. */
export function intakeDeps(s: Services): IntakeDeps {
  return {
    store: s.store,
    tracker: s.appTracker,
    // One attempt per request: intake decides itself whether a failed creation may be repeated.
    creator: new JiraIssueTracker(new JiraClient((path, init) => asApp().requestJira(path, init), s.clock, s.deadline, 1)),
    links: new JiraRemoteLinks(new JiraClient((path, init) => asApp().requestJira(path, init), s.clock, s.deadline)),
    queue: alertQueue(s),
    clock: s.clock,
    newId: () => globalThis.crypto.randomUUID(),
    deadline: s.deadline,
  };
}
