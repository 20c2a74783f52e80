/**
 * Benchmark of the page on creation, on the local site with 50 ms injected into every remote call
 * (Jira, KVS, egress): a Sev 1 Bitbucket incident is created through Jira's REST API, and the
 * created-issue invocation's remote calls (from /__local/invocations) show how many of them run
 * one after another before the page request goes out (target ≤ 2: read configuration, send the
 * page) and how long that takes.
 * Run: `npx tsx bench/page-on-creation.ts [runs]`. It prints figures and asserts nothing.
 */
import { rest, startLocalSite, type LocalSite } from '../test-support/local-site-app';

const LATENCY_MS = 50;
const TARGET_SEQUENTIAL_CALLS = 2;

interface RemoteCall {
  kind: string;
  method: string;
  path: string;
  status: number;
  startedAt: string;
  durationMs: number;
}

interface InvocationRecord {
  seq: number;
  moduleKey: string;
  startedAt: string;
  durationMs: number;
  outcome: string;
  remoteCalls: RemoteCall[];
  sequentialRemoteCalls: number;
}

interface TimedCall extends RemoteCall {
  start: number;
  end: number;
  depth: number;
}

// Calls that started within this of another call's end were waiting for it (timestamps are whole milliseconds).
const TOLERANCE_MS = 2;

/** Each call's place in the longest chain of calls that waited for one another, counting from 1. */
function withDepths(calls: readonly RemoteCall[]): TimedCall[] {
  const timed = calls
    .map((call) => ({ ...call, start: Date.parse(call.startedAt), end: Date.parse(call.startedAt) + call.durationMs, depth: 1 }))
    .sort((a, b) => a.start - b.start);
  for (const call of timed) {
    const before = timed.filter((other) => other !== call && other.end <= call.start + TOLERANCE_MS && other.start < call.start);
    call.depth = 1 + Math.max(0, ...before.map((other) => other.depth));
  }
  return timed;
}

async function invocations(local: LocalSite, since: number): Promise<InvocationRecord[]> {
  const response = await fetch(`${local.site.baseUrl}/__local/invocations?since=${since}`);
  const body = (await response.json()) as { invocations?: InvocationRecord[] } | InvocationRecord[];
  return Array.isArray(body) ? body : (body.invocations ?? []);
}

async function measureOnce(local: LocalSite, run: number): Promise<{ sequential: number; toPageMs: number; totalMs: number; calls: TimedCall[] }> {
  const since = local.site.forge.invocations.list().at(-1)?.seq ?? 0;
  const created = await rest(local.site, 'jay.jira@example.com', 'POST', '/rest/api/3/issue', {
    fields: {
      project: { key: 'HOT' },
      issuetype: { name: 'Incident' },
      summary: `Git pushes fail for everyone (run ${run})`,
      [local.fields.severity]: { value: 'Sev 1' },
      [local.fields.faultyService]: { value: 'Bitbucket' },
    },
  });
  if (created.status !== 201) throw new Error(`Creating the incident failed: ${created.status} ${JSON.stringify(created.body)}`);
  const key = (created.body as { key: string }).key;
  await local.site.settle();
  const record = (await invocations(local, since)).find((candidate) => candidate.moduleKey === 'issue-created-trigger');
  if (record === undefined) throw new Error('No created-issue invocation was recorded');
  const calls = withDepths(record.remoteCalls);
  const page = calls.find((call) => call.path.endsWith(`/issue/${key}/notify`) || call.path.includes('/notify'));
  if (page === undefined) throw new Error(`The invocation sent no page: ${record.outcome}`);
  return { sequential: page.depth, toPageMs: page.start - Date.parse(record.startedAt), totalMs: record.durationMs, calls };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function main(): Promise<void> {
  const runs = Math.max(1, Number(process.argv[2] ?? 5));
  const local = await startLocalSite();
  try {
    local.site.faults.configure({ latencyMs: LATENCY_MS });
    const results = [];
    for (let run = 1; run <= runs; run += 1) results.push(await measureOnce(local, run));
    const first = results[0];
    console.log(`Page on creation, ${LATENCY_MS} ms injected per remote call, ${runs} run(s)\n`);
    console.log('Remote calls of the created-issue invocation (first run):');
    for (const call of first?.calls ?? []) {
      console.log(`  step ${call.depth}  ${String(call.durationMs).padStart(4)} ms  ${call.kind.padEnd(6)} ${call.method.padEnd(6)} ${call.path}`);
    }
    const sequential = Math.max(...results.map((result) => result.sequential));
    console.log('');
    console.log(`Sequential remote calls before the page request: ${sequential} (target ≤ ${TARGET_SEQUENTIAL_CALLS}) ${sequential <= TARGET_SEQUENTIAL_CALLS ? 'OK' : 'OVER'}`);
    console.log(`Event start to page request: median ${median(results.map((result) => result.toPageMs))} ms`);
    console.log(`Whole invocation (page sent and recorded): median ${median(results.map((result) => result.totalMs))} ms`);
  } finally {
    await local.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
