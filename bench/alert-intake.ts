/**
 * Benchmark of alert intake on the local site.
 * 1. One Alertmanager alert with 50 ms injected into every remote call: the web trigger's sequential
 *    remote calls and answer time, and the time from the request to the incident's creation request
 *    (the queued intake consumer's `POST /rest/api/3/issue`), with intake's sequential calls before it.
 * 2. A storm: 1,000 alerts in 200 notifications over 20 alert groups within one minute, storm limit 5
 *    incidents a minute: incidents opened, alerts recorded, attached, lost and duplicated, and the
 *    remote calls of the web triggers and of intake.
 * Run: `npx tsx bench/alert-intake.ts`. It prints figures and asserts nothing.
 */
import { DEMO_ALERT_SOURCES, seedDemoAlertSources } from '../emulator/demo-alert-sources';
import { personId, resolve, rest, startLocalSite, type LocalSite } from '../test-support/local-site-app';

const LATENCY_MS = 50;

interface RemoteCall {
  kind: string;
  method: string;
  path: string;
  startedAt: string;
  durationMs: number;
}

interface InvocationRecord {
  seq: number;
  moduleKey: string;
  startedAt: string;
  durationMs: number;
  remoteCalls: RemoteCall[];
  sequentialRemoteCalls: number;
}

// Calls that started within this of another call's end were waiting for it (timestamps are whole milliseconds).
const TOLERANCE_MS = 2;

function withDepths(calls: readonly RemoteCall[]) {
  const timed = calls.map((call) => ({ ...call, start: Date.parse(call.startedAt), end: Date.parse(call.startedAt) + call.durationMs, depth: 1 })).sort((a, b) => a.start - b.start);
  for (const call of timed) {
    const before = timed.filter((other) => other !== call && other.end <= call.start + TOLERANCE_MS && other.start < call.start);
    call.depth = 1 + Math.max(0, ...before.map((other) => other.depth));
  }
  return timed;
}

function records(local: LocalSite, since: number): InvocationRecord[] {
  return (local.site.forge.invocations.list() as unknown as InvocationRecord[]).filter((record) => record.seq > since);
}

const token = DEMO_ALERT_SOURCES[0]?.token ?? '';

function notification(group: number, fingerprints: string[]) {
  return {
    receiver: 'incident-response',
    status: 'firing',
    alerts: fingerprints.map((fingerprint) => ({
      status: 'firing',
      labels: { alertname: `Alert${group}`, service: 'bitbucket', severity: 'critical', instance: fingerprint },
      annotations: { summary: `Alert group ${group} fires` },
      startsAt: new Date().toISOString(),
      endsAt: '0001-01-01T00:00:00Z',
      generatorURL: 'https://prometheus.example.com/graph',
      fingerprint,
    })),
    groupLabels: { alertname: `Alert${group}` },
    commonLabels: {},
    commonAnnotations: {},
    externalURL: 'https://alertmanager.example.com',
    version: '4',
    groupKey: `{}:{alertname="Alert${group}"}`,
    truncatedAlerts: 0,
  };
}

async function fire(local: LocalSite, body: unknown): Promise<number> {
  const response = await fetch(`${local.site.webTriggerUrl('alert-webhook')}?source=prometheus`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  await response.text();
  return response.status;
}

async function startWithSources(maxIncidentsPerMinute: number): Promise<LocalSite> {
  const local = await startLocalSite();
  const [prometheus] = DEMO_ALERT_SOURCES;
  if (prometheus === undefined) throw new Error('No demo source');
  await seedDemoAlertSources(local.site, personId(local.site, 'admin@example.com'), [{ ...prometheus, source: { ...prometheus.source, maxIncidentsPerMinute } }]);
  return local;
}

async function latencyRun(): Promise<void> {
  const local = await startWithSources(5);
  try {
    local.site.faults.configure({ latencyMs: LATENCY_MS });
    const since = local.site.forge.invocations.list().at(-1)?.seq ?? 0;
    const started = performance.now();
    const status = await fire(local, notification(1, ['lat-1']));
    const answeredMs = performance.now() - started;
    await local.site.settle();
    const all = records(local, since);
    const trigger = all.find((record) => record.moduleKey === 'alert-webhook');
    const intake = all.find((record) => record.moduleKey === 'alert-intake-consumer' && record.remoteCalls.some((call) => call.method === 'POST' && call.path.endsWith('/rest/api/3/issue')));
    if (trigger === undefined || intake === undefined) throw new Error(`Missing invocations (web trigger answered ${status})`);
    const triggerCalls = withDepths(trigger.remoteCalls);
    const intakeCalls = withDepths(intake.remoteCalls);
    const create = intakeCalls.find((call) => call.method === 'POST' && call.path.endsWith('/rest/api/3/issue'));
    console.log(`One alert, ${LATENCY_MS} ms injected per remote call\n`);
    console.log('Web trigger remote calls:');
    for (const call of triggerCalls) console.log(`  step ${call.depth}  ${String(call.durationMs).padStart(4)} ms  ${call.kind.padEnd(6)} ${call.method.padEnd(6)} ${call.path}`);
    console.log(`Web trigger: answered ${status} in ${Math.round(answeredMs)} ms (client), ${Math.max(...triggerCalls.map((call) => call.depth))} sequential remote calls`);
    console.log('Intake remote calls up to the creation request:');
    for (const call of intakeCalls.filter((candidate) => candidate.start <= (create?.start ?? 0))) {
      console.log(`  step ${call.depth}  ${String(call.durationMs).padStart(4)} ms  ${call.kind.padEnd(6)} ${call.method.padEnd(6)} ${call.path}`);
    }
    console.log(`Intake: creation request is sequential call ${create?.depth ?? '?'}`);
    console.log(`Request to creation request: ${(create?.start ?? 0) - Date.parse(trigger.startedAt)} ms (web trigger start to the intake's POST /issue, emulated clock)`);
  } finally {
    await local.stop();
  }
}

async function stormRun(): Promise<void> {
  const limit = 5;
  const groups = 20;
  const local = await startWithSources(limit);
  try {
    const since = local.site.forge.invocations.list().at(-1)?.seq ?? 0;
    const started = performance.now();
    const statuses = await Promise.all(
      Array.from({ length: 200 }, (_, index) => {
        const group = index % groups;
        const round = Math.floor(index / groups);
        return fire(local, notification(group, Array.from({ length: 5 }, (__, alert) => `g${group}-r${round}-a${alert}`)));
      }),
    );
    const acceptedMs = performance.now() - started;
    await local.site.advanceClock(60_000);
    await local.site.settle();
    const issues = ((await rest(local.site, 'admin@example.com', 'GET', `/rest/api/3/search/jql?jql=${encodeURIComponent('project = HOT')}&fields=summary&maxResults=100`)).body as { issues: unknown[] }).issues;
    const listed = await resolve<{ sources: { counts: { alerts: number; incidentsOpened: number; alertsAttached: number; stormAttached: number; repeats: number; notifications: number } }[] }>(
      local.site,
      'incident-settings',
      'listAlertSources',
      'admin@example.com',
      {},
    );
    const counts = listed.sources[0]?.counts;
    const all = records(local, since);
    const triggers = all.filter((record) => record.moduleKey === 'alert-webhook');
    const intakes = all.filter((record) => record.moduleKey === 'alert-intake-consumer');
    console.log(`\nStorm: 1,000 alerts in 200 notifications over ${groups} groups, storm limit ${limit} incidents a minute\n`);
    console.log(`Accepted: ${statuses.filter((status) => status === 202).length} of 200 requests (202) in ${Math.round(acceptedMs)} ms`);
    console.log(`Incidents opened: ${issues.length}`);
    console.log(`Alerts recorded: ${counts?.alerts ?? 0} (first alerts of opened groups ${(counts?.alerts ?? 0) - (counts?.alertsAttached ?? 0)}, attached to open incidents ${counts?.alertsAttached ?? 0}); groups attached by the storm limit: ${counts?.stormAttached ?? 0}`);
    console.log(`Alerts lost: ${1_000 - (counts?.alerts ?? 0)}`);
    console.log(`Incidents duplicated: ${Math.max(0, issues.length - Math.min(groups, limit))}`);
    console.log(`Web trigger: ${triggers.length} invocations, ${triggers.reduce((sum, record) => sum + record.remoteCalls.length, 0)} remote calls, at most ${Math.max(...triggers.map((record) => withDepths(record.remoteCalls).reduce((max, call) => Math.max(max, call.depth), 0)))} sequential`);
    console.log(`Intake: ${intakes.length} invocations (most find the source busy or the inbox empty), ${intakes.reduce((sum, record) => sum + record.remoteCalls.length, 0)} remote calls`);
  } finally {
    await local.stop();
  }
}

async function main(): Promise<void> {
  await latencyRun();
  await stormRun();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
