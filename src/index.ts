/** The handlers manifest.yml names, grouped by module kind: the manifest's table of contents. */

// Resolvers, one per UI surface.
export { adminPageResolver } from './forge/resolvers/admin-page';
export { declareIncidentPageResolver } from './forge/resolvers/declare-incident-page';
export { issuePanelResolver } from './forge/resolvers/issue-panel';
export { postFunctionConfigResolver } from './forge/resolvers/post-function-config';
export { metricsGadgetResolver } from './forge/resolvers/metrics-gadget';

// Product and lifecycle event triggers.
export { onIssueAssigned, onIssueCreated, onIssueUpdated } from './forge/triggers/issue-events';
export { onAppInstalledOrUpgraded } from './forge/triggers/app-lifecycle';

// Workflow post-functions.
export { runPageOnCallPostFunction } from './forge/triggers/page-on-call-post-function';

// Workflow validators.
export { validatePostmortemExists } from './forge/validators/postmortem-required';

// Queue consumers.
export { remindPostmortemOwners } from './forge/consumers/postmortem-reminders';

// Scheduled triggers.
export { runEscalations } from './forge/triggers/escalation-schedule';
export { sweepAlerts } from './forge/triggers/alert-sweep';
export { reconcileMetrics } from './forge/triggers/incident-metrics';

// Queue consumers and their safety-net schedule.
export { remindNextUpdateConsumer, runCommsReminders } from './forge/consumers/comms-reminders';

// Web triggers.
export { acknowledgeWebhook } from './forge/webtriggers/acknowledge-webhook';
export { alertWebhook } from './forge/webtriggers/alert-webhook';

// Queue consumers.
export { takeInAlertJob } from './forge/consumers/alert-intake';
export { runEscalationJobs } from './forge/consumers/escalation-consumer';
export { fireDrillInject } from './forge/consumers/drill-injects';
