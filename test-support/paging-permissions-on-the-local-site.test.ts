/**
 * Only responders change an incident: every mutating action of the issue panel, called as the
 * demo's view-only stakeholder and as a person outside the incident project, is refused and leaves
 * Jira, the app's storage and everything sent outward exactly as they were.
 */
import { ADMIN_RESOLVER_KEYS } from '../src/contracts/admin-page';
import { ALERT_SOURCE_RESOLVER_KEYS } from '../src/contracts/alert-sources';
import { COCKPIT_RESOLVER_KEYS } from '../src/contracts/cockpit';
import { COMMS_ADMIN_RESOLVER_KEYS, COMMS_RESOLVER_KEYS } from '../src/contracts/comms';
import { ISSUE_PANEL_RESOLVER_KEYS } from '../src/contracts/issue-panel';
import { METRICS_GADGET_RESOLVER_KEYS } from '../src/contracts/metrics-gadget';
import { LEARNING_ADMIN_RESOLVER_KEYS, RESOLUTION_RESOLVER_KEYS } from '../src/contracts/resolution';
import type { ResolverResult } from '../src/contracts/resolver-result';
import { UsersRepo } from '../emulator/jira/store/users-repo';
import { personId, resolve, rest, startLocalSite, type LocalSite } from './local-site-app';

const PANEL = 'incident-cockpit';
const READ_ONLY = new Set<string>(['getPagingStatus', 'getEscalationTargets', 'getCockpit', 'getRecentChanges', 'searchPeople', 'getCommsComposer', 'previewCommsUpdate', 'getResolution']);
const ADMIN = 'incident-settings';
const GADGET = 'incident-metrics';

/** A payload each action would accept from a responder, so a refusal is about who calls, not what they sent. */
/** Olga has a Jira account on the site but no role in any of its projects. */
function addOutsider(local: LocalSite): void {
  new UsersRepo(local.site.db).upsert({
    accountId: 'outsider-0001',
    emailAddress: 'olga.outsider@example.com',
    displayName: 'Olga Outsider',
    active: true,
    accountType: 'atlassian',
    timeZone: 'UTC',
    locale: 'en_US',
    siteAdmin: false,
  });
}

function payloadFor(key: string, site: LocalSite['site']): unknown {
  const tara = personId(site, 'tara.techlead@example.com');
  const payloads: Record<string, unknown> = {
    acknowledgePage: {},
    escalateIncident: { target: { kind: 'roster', rosterId: 'confluence' }, reason: 'We need Confluence', requestId: 'req-permission-0001' },
    takeCommand: { transitionId: '21' },
    openComms: {},
    setChannelLinks: { videoCall: 'https://meet.example.com/hot' },
    answerAssessment: { questionId: 'support-cases', answer: 3 },
    changeSeverity: { level: 2, reason: 'Smaller than we thought' },
    delegateRole: { role: 'communications-manager', accountId: personId(site, 'cora.comms@example.com') },
    endRole: { role: 'tech-lead', accountId: tara },
    handOverCommand: { toAccountId: tara },
    recordTimelineEntry: { entry: { kind: 'observation', text: 'Everything is fine, says the viewer' } },
    concludeExperiment: { experimentId: 'exp-1', outcome: 'disproved' },
    setChatStatus: { managing: true },
    // Updates tab
    sendCommsUpdate: { updateId: 'viewer-update-0001', kind: 'initial', internal: 'All is well.', external: 'All is well.', overrideReason: 'Sent by a viewer' },
    retryFailedCommsChannels: { updateId: 'viewer-update-0001' },
    requestCommsReview: { kind: 'initial', internal: 'All is well.', external: 'All is well.', reviewerAccountId: tara },
    reviewCommsUpdate: { reviewId: 'review-0001', decision: 'approve' },
    // Resolve tab
    resolveIncident: {},
    recordImpactEnd: { impactEnd: new Date(site.clock.now()).toISOString() },
    cancelIncident: { reason: 'A false alarm, says the viewer' },
    createCleanupTask: { summary: 'Clean up after the viewer' },
    createPostmortem: {},
    // Administration (settings page and the metrics gadget's rebuild)
    saveConfiguration: { configuration: {} },
    importConfiguration: { json: '{}' },
    getOnCall: {},
    addOverride: { rosterId: 'bitbucket', override: {} },
    takeShift: { rosterId: 'bitbucket' },
    setIntegrationSecret: { secret: { kind: 'slack-bot-token', value: null } },
    saveCockpitSettings: { fatigueLimitMinutes: 60 },
    saveChangeRecordsSettings: { jql: 'project = CHG' },
    saveCommsSettings: { settings: {} },
    setCommsSecret: { secret: {} },
    saveLearningSettings: {
      cleanup: { projectKey: 'HOT', issueType: 'Task' },
      postmortem: { projectKey: 'PM', issueType: 'Postmortem', dueBusinessDays: { '1': 5, '2': 10, '3': 20 }, sev3Exempt: false },
    },
    saveAlertSource: { source: {} },
    deleteAlertSource: { sourceId: 'prometheus' },
    rotateAlertSourceToken: { sourceId: 'prometheus' },
    testAlertSource: { source: {}, sample: {} },
  };
  return payloads[key] ?? {};
}

function snapshot(local: LocalSite): string {
  const kvs = local.site.db.prepare('SELECT entity_name, key, value FROM kvs_values UNION ALL SELECT entity_name, key, value FROM kvs_entities ORDER BY 1, 2').all();
  return JSON.stringify({ kvs, outbox: local.site.outbox.list({}).length });
}

describe('only responders change an incident', () => {
  let local: LocalSite;

  afterEach(async () => {
    await local.stop();
  });

  it('refuses every mutating panel action to the view-only user and to a user outside the project, changing nothing', async () => {
    local = await startLocalSite();
    addOutsider(local);
    const { issueKey } = await resolve<{ issueKey: string }>(local.site, 'declare-incident', 'declareIncident', 'jay.jira@example.com', {
      summary: 'Git pushes fail',
      description: 'Every push answers 500.',
      severity: 1,
      faultyService: 'Bitbucket',
      affectedProducts: ['Bitbucket'],
    });
    await local.site.settle();
    const issue = (await rest(local.site, 'admin@example.com', 'GET', `/rest/api/3/issue/${issueKey}?fields=*all`)).body as { id: string };
    const extension = { issue: { id: issue.id, key: issueKey } };
    // Bea takes command, so the roles an outsider might try to end or hand over exist.
    const offered = await resolve<{ command: { takeCommandTransitionId: string; detectedMissing: boolean } }>(local.site, PANEL, 'getCockpit', 'bea.bitbucket@example.com', {}, extension);
    await resolve(local.site, PANEL, 'takeCommand', 'bea.bitbucket@example.com', { transitionId: offered.command.takeCommandTransitionId }, extension);
    await resolve(local.site, PANEL, 'delegateRole', 'bea.bitbucket@example.com', { role: 'tech-lead', accountId: personId(local.site, 'tara.techlead@example.com') }, extension);
    await local.site.settle();
    const jiraBefore = JSON.stringify([
      (await rest(local.site, 'admin@example.com', 'GET', `/rest/api/3/issue/${issueKey}?fields=*all`)).body,
      (await rest(local.site, 'admin@example.com', 'GET', `/rest/api/3/issue/${issueKey}/comment`)).body,
    ]);
    const storedBefore = snapshot(local);

    const mutating = [...Object.values(ISSUE_PANEL_RESOLVER_KEYS), ...Object.values(COCKPIT_RESOLVER_KEYS), ...Object.values(COMMS_RESOLVER_KEYS), ...Object.values(RESOLUTION_RESOLVER_KEYS)].filter(
      (key) => !READ_ONLY.has(key),
    );
    expect(mutating.length).toBeGreaterThanOrEqual(22);
    const answers: string[] = [];
    for (const email of ['vera.viewer@example.com', 'olga.outsider@example.com']) {
      for (const key of mutating) {
        const accountId = personId(local.site, email);
        const result = (await local.site.forge.invokeResolver({ moduleKey: PANEL, functionKey: key, accountId, payload: payloadFor(key, local.site), extension })) as ResolverResult<unknown>;
        answers.push(`${email} ${key}: ${result.ok ? 'ALLOWED' : `${result.error.code} (${result.error.message.slice(0, 80)})`}`);
      }
    }
    await local.site.settle();

    expect(answers.filter((answer) => answer.endsWith('ALLOWED'))).toEqual([]);
    expect(answers.filter((answer) => !/: (forbidden|not-found) /.test(answer))).toEqual([]);
    expect(snapshot(local)).toBe(storedBefore);
    const jiraAfter = JSON.stringify([
      (await rest(local.site, 'admin@example.com', 'GET', `/rest/api/3/issue/${issueKey}?fields=*all`)).body,
      (await rest(local.site, 'admin@example.com', 'GET', `/rest/api/3/issue/${issueKey}/comment`)).body,
    ]);
    expect(jiraAfter).toBe(jiraBefore);
  }, 120_000);

  it('refuses every settings action (and the metrics rebuild) to the view-only user, a responder who is no administrator and an outsider, changing nothing', async () => {
    local = await startLocalSite();
    addOutsider(local);
    await local.site.settle();
    const storedBefore = snapshot(local);
    const calls = [
      ...[...Object.values(ADMIN_RESOLVER_KEYS), ...Object.values(COMMS_ADMIN_RESOLVER_KEYS), ...Object.values(LEARNING_ADMIN_RESOLVER_KEYS), ...Object.values(ALERT_SOURCE_RESOLVER_KEYS)].map((key) => ({ moduleKey: ADMIN, key })),
      { moduleKey: GADGET, key: METRICS_GADGET_RESOLVER_KEYS.rebuildIncidentMetrics },
    ];
    expect(calls.length).toBeGreaterThanOrEqual(25);
    const answers: string[] = [];
    for (const email of ['vera.viewer@example.com', 'bea.bitbucket@example.com', 'olga.outsider@example.com']) {
      for (const { moduleKey, key } of calls) {
        const accountId = personId(local.site, email);
        const result = (await local.site.forge.invokeResolver({ moduleKey, functionKey: key, accountId, payload: payloadFor(key, local.site) })) as ResolverResult<unknown>;
        answers.push(`${email} ${key}: ${result.ok ? 'ALLOWED' : `${result.error.code} (${result.error.message.slice(0, 80)})`}`);
      }
    }
    await local.site.settle();

    // Settings reads are refused too: they show rosters, integrations and which secrets are set.
    expect(answers.filter((answer) => !/: forbidden /.test(answer))).toEqual([]);
    expect(snapshot(local)).toBe(storedBefore);
    // The administrator is let through by the same check (a read, so nothing changes).
    const admin = (await local.site.forge.invokeResolver({ moduleKey: ADMIN, functionKey: 'listAlertSources', accountId: personId(local.site, 'admin@example.com'), payload: {} })) as ResolverResult<unknown>;
    expect(admin.ok).toBe(true);
  }, 120_000);

  it('tells the viewer why the Acknowledge and Escalate buttons are absent', async () => {
    local = await startLocalSite();
    const { issueKey } = await resolve<{ issueKey: string }>(local.site, 'declare-incident', 'declareIncident', 'jay.jira@example.com', {
      summary: 'Git pushes fail',
      description: 'Every push answers 500.',
      severity: 1,
      faultyService: 'Bitbucket',
      affectedProducts: ['Bitbucket'],
    });
    await local.site.settle();
    const issue = (await rest(local.site, 'admin@example.com', 'GET', `/rest/api/3/issue/${issueKey}?fields=summary`)).body as { id: string };
    const extension = { issue: { id: issue.id, key: issueKey } };

    const viewer = await resolve<{ viewer?: { mayAcknowledge: boolean; mayEscalate: boolean; explanation?: string } }>(local.site, PANEL, 'getPagingStatus', 'vera.viewer@example.com', {}, extension);
    const paged = await resolve<{ viewer?: { mayAcknowledge: boolean; mayEscalate: boolean } }>(local.site, PANEL, 'getPagingStatus', 'bea.bitbucket@example.com', {}, extension);

    expect(viewer.viewer).toEqual({ mayAcknowledge: false, mayEscalate: false, explanation: expect.stringContaining('permission to edit') });
    expect(paged.viewer).toMatchObject({ mayAcknowledge: true, mayEscalate: true });
  }, 60_000);
});
