/** The handlers manifest.yml names, grouped by module kind: the manifest's table of contents. */

// Resolvers, one per UI surface.
export { adminPageResolver } from './forge/resolvers/admin-page';
export { declareIncidentPageResolver } from './forge/resolvers/declare-incident-page';
export { issuePanelResolver } from './forge/resolvers/issue-panel';
export { postFunctionConfigResolver } from './forge/resolvers/post-function-config';

// Product and lifecycle event triggers.
export { onIssueAssigned, onIssueCreated, onIssueUpdated } from './forge/triggers/issue-events';
export { onAppInstalledOrUpgraded } from './forge/triggers/app-lifecycle';

// Workflow post-functions.
export { runPageOnCallPostFunction } from './forge/triggers/page-on-call-post-function';

// Scheduled triggers.
export { runEscalations } from './forge/triggers/escalation-schedule';

// Web triggers.
export { acknowledgeWebhook } from './forge/webtriggers/acknowledge-webhook';

// Queue consumers.
export { runEscalationJobs } from './forge/consumers/escalation-consumer';
