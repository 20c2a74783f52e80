/**
 * The Incident metrics gadget's resolver, unchanged, on the local site: the figures match an
 * independent computation from Jira's own data, filters change them, a newly resolved incident
 * counts after its event (once, even when the event arrives twice), a cancelled one never does,
 * and the reconcile run finds an incident no event told the app about.
 */
import type { IncidentMetricsView } from '../src/contracts/metrics-gadget';
import type { ResolverResult } from '../src/contracts/resolver-result';
import { seedIncidentHistory } from '../emulator/demo-configuration';
import { generateIncidentHistory } from '../emulator/jira/seed-incident-history';
import { personId, resolve, rest, startLocalSite, type LocalSite } from './local-site-app';

const GADGET = 'incident-metrics';
const VIEWER = 'bea.bitbucket@example.com';
const HOUR = 3_600_000;

interface JiraIssue {
  key: string;
  fields: Record<string, unknown>;
}

const median = (values: number[]): number | undefined => {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  return sorted.length % 2 === 1 ? sorted[Math.floor(middle)] : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

/** Every HOT incident as Jira returns it to an administrator, page by page. */
async function jiraIncidents(local: LocalSite): Promise<JiraIssue[]> {
  const issues: JiraIssue[] = [];
  let token: string | undefined;
  do {
    const page = await rest(local.site, 'admin@example.com', 'POST', '/rest/api/3/search/jql', {
      jql: 'project = HOT AND issuetype = Incident',
      fields: ['status', 'labels', 'resolution', local.fields.severity, local.fields.impactStart, local.fields.detected, local.fields.impactEnd],
      maxResults: 100,
      ...(token === undefined ? {} : { nextPageToken: token }),
    });
    const body = page.body as { issues: JiraIssue[]; nextPageToken?: string };
    issues.push(...body.issues);
    token = body.nextPageToken;
  } while (token !== undefined);
  return issues;
}

/** The figures computed from Jira's data alone: neither Cancelled nor labelled drill. */
function expectedFigures(local: LocalSite, issues: JiraIssue[], severity?: string) {
  const time = (issue: JiraIssue, field: string): number | undefined => {
    const value = issue.fields[field];
    return typeof value === 'string' ? Date.parse(value) : undefined;
  };
  const counted = issues.filter((issue) => {
    const status = (issue.fields['status'] as { name: string }).name;
    const labels = issue.fields['labels'] as string[];
    const level = (issue.fields[local.fields.severity] as { value: string } | null)?.value;
    return status !== 'Cancelled' && !labels.includes('drill') && !labels.includes('cancelled') && (severity === undefined || level === severity);
  });
  const durations = (from: string, to: string) =>
    counted.flatMap((issue) => {
      const start = time(issue, from);
      const end = time(issue, to);
      return start === undefined || end === undefined ? [] : [end - start];
    });
  const ttd = durations(local.fields.impactStart, local.fields.detected);
  const ttr = durations(local.fields.impactStart, local.fields.impactEnd);
  return { total: counted.length, ttdCount: ttd.length, ttdMedian: median(ttd), ttrCount: ttr.length, ttrMedian: median(ttr) };
}

describe('the Incident metrics gadget on the local site', () => {
  let local: LocalSite;
  const metrics = (filter: Record<string, unknown> = { period: 'all-time' }) => resolve<IncidentMetricsView>(local.site, GADGET, 'getIncidentMetrics', VIEWER, { filter });

  beforeAll(async () => {
    local = await startLocalSite();
    await seedIncidentHistory(local.site, local.fields, 120, 7);
  });

  afterAll(() => local.stop());

  it('shows the history’s counts and TTD/TTR medians as computed independently from Jira', async () => {
    const expected = expectedFigures(local, await jiraIncidents(local));
    const view = await metrics();
    expect(expected.total).toBeGreaterThan(100);
    expect(view.total).toBe(expected.total);
    expect(view.timeToDetect).toMatchObject({ count: expected.ttdCount, medianMs: expected.ttdMedian });
    expect(view.timeToRecover).toMatchObject({ count: expected.ttrCount, medianMs: expected.ttrMedian });
    expect(view.bySeverity.reduce((sum, bar) => sum + bar.count, 0)).toBe(expected.total);
    expect(view.timeToRecover.histogram.reduce((sum, bar) => sum + bar.count, 0)).toBe(expected.ttrCount);
    // Incidents missing their detection time are counted and listed, not dropped.
    expect(view.incomplete.count).toBe(expected.total - expected.ttdCount);
    expect(view.incomplete.incidents.every((incident) => incident.missing.includes('detected'))).toBe(true);
  });

  it('changes the figures with the filter', async () => {
    const all = await metrics();
    const sev1 = await metrics({ period: 'all-time', severities: [1] });
    const expected = expectedFigures(local, await jiraIncidents(local), 'Sev 1');
    expect(sev1.total).toBe(expected.total);
    expect(sev1.total).toBeLessThan(all.total);
    expect(sev1.timeToRecover.medianMs).toBe(expected.ttrMedian);
    expect(sev1.bySeverity.map((bar) => bar.label)).toEqual(['Sev 1']);
    const bitbucket = await metrics({ period: 'all-time', service: 'Bitbucket' });
    expect(bitbucket.byService.map((bar) => bar.label)).toEqual(['Bitbucket']);
    expect(bitbucket.byService[0]?.jql).toContain('"Faulty service" = Bitbucket');
  });

  it('counts a newly resolved incident after its event, once even when the event arrives twice; a cancelled one never', async () => {
    const before = await metrics();
    local.site.faults.configure({ duplicateEvents: true, seed: 3 });
    try {
      const declare = async (summary: string) =>
        resolve<{ issueKey: string }>(local.site, 'declare-incident', 'declareIncident', 'jay.jira@example.com', {
          summary,
          description: 'Seen by the synthetic checks.',
          severity: 2,
          faultyService: 'Confluence',
          affectedProducts: ['Confluence'],
        });
      const resolved = await declare('Editor saves fail');
      const cancelled = await declare('Alert storm from a broken probe');
      await local.site.settle();
      const now = Date.now();
      const iso = (at: number) => new Date(at).toISOString().replace('Z', '+0000');
      const edit = await rest(local.site, 'admin@example.com', 'PUT', `/rest/api/3/issue/${resolved.issueKey}`, {
        fields: { [local.fields.impactStart]: iso(now - 2 * HOUR), [local.fields.detected]: iso(now - 2 * HOUR + 600_000), [local.fields.impactEnd]: iso(now - HOUR) },
      });
      expect(edit.status).toBe(204);
      for (const transition of ['11', '21']) {
        const moved = await rest(local.site, 'admin@example.com', 'POST', `/rest/api/3/issue/${resolved.issueKey}/transitions`, { transition: { id: transition } });
        expect(moved.status).toBe(204);
      }
      const cancel = await rest(local.site, 'admin@example.com', 'POST', `/rest/api/3/issue/${cancelled.issueKey}/transitions`, { transition: { id: '51' } });
      expect(cancel.status).toBe(204);
      await local.site.settle();
    } finally {
      local.site.faults.configure({});
    }
    const after = await metrics();
    expect(after.total).toBe(before.total + 1);
    expect(after.resolved).toBe(before.resolved + 1);
    expect(after.timeToRecover.count).toBe(before.timeToRecover.count + 1);
    expect(after.byService.find((bar) => bar.label === 'Confluence')?.count).toBe((before.byService.find((bar) => bar.label === 'Confluence')?.count ?? 0) + 1);
  });

  it('repairs drift on the reconcile run: an incident no event reached appears', async () => {
    const before = await metrics();
    const [incident] = generateIncidentHistory(1, Date.now(), { seed: 99, spanDays: 1 });
    if (incident === undefined) throw new Error('No incident generated');
    local.site.jira.seedIncidentHistory([{ ...incident, outcome: 'resolved', labels: [], detected: incident.impactStart + 60_000 }], local.fields);
    expect((await metrics()).total).toBe(before.total);
    await local.site.advanceClock(HOUR + 60_000);
    expect((await metrics()).total).toBe(before.total + 1);
  });

  it('refuses a filter it does not know, naming the field', async () => {
    const refused = (await local.site.forge.invokeResolver({
      moduleKey: GADGET,
      functionKey: 'getIncidentMetrics',
      accountId: personId(local.site, VIEWER),
      payload: { filter: { period: 'forever' } },
    })) as ResolverResult<unknown>;
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});
