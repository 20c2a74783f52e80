/**
 * Benchmark of sending one update to every channel, on the local site with 50 ms injected into every
 * remote call (Jira, KVS, egress): the demo's communications are connected (both status pages, Jira and
 * SendGrid email, the chat room) and the IM presses Send on the initial update. The send invocation's
 * remote calls show how many run one after another until every channel's request has gone out (target
 * ≤ 3: read state, send all channels at once, record) and how long that takes.
 * Run: `npx tsx bench/send-update.ts [runs]`. It prints figures and asserts nothing.
 */
import { randomUUID } from 'node:crypto';
import type { ComposerView } from '../src/contracts/comms';
import { connectDemoComms } from '../emulator/demo-comms';
import { resolve, rest, startLocalSite, type LocalSite } from '../test-support/local-site-app';

const LATENCY_MS = 50;
const TARGET_SEQUENTIAL_CALLS = 3;
const IM = 'bea.bitbucket@example.com';
const CHANNEL_HOSTS = ['api.statuspage.io', 'api.sendgrid.com', 'slack.com'];

interface Call {
  kind: string;
  method: string;
  path: string;
  startedAt: string;
  durationMs: number;
}

interface Timed extends Call {
  start: number;
  end: number;
  depth: number;
}

const TOLERANCE_MS = 2;

/** Each call's place in the longest chain of calls that waited for one another, counting from 1. */
function withDepths(calls: readonly Call[]): Timed[] {
  const timed = calls.map((call) => ({ ...call, start: Date.parse(call.startedAt), end: Date.parse(call.startedAt) + call.durationMs, depth: 1 })).sort((a, b) => a.start - b.start);
  for (const call of timed) {
    const before = timed.filter((other) => other !== call && other.end <= call.start + TOLERANCE_MS && other.start < call.start);
    call.depth = 1 + Math.max(0, ...before.map((other) => other.depth));
  }
  return timed;
}

const isChannelRequest = (call: Call): boolean => CHANNEL_HOSTS.some((host) => call.path.includes(host)) || call.path.endsWith('/notify');

async function measureOnce(local: LocalSite, run: number) {
  const { issueKey } = await resolve<{ issueKey: string }>(local.site, 'declare-incident', 'declareIncident', 'jay.jira@example.com', {
    summary: `Git pushes fail (run ${run})`,
    description: 'Every push answers 500.',
    severity: 1,
    faultyService: 'Bitbucket',
    affectedProducts: ['Bitbucket'],
  });
  await local.site.settle();
  const issue = await rest(local.site, 'admin@example.com', 'GET', `/rest/api/3/issue/${issueKey}?fields=summary`);
  const extension = { issue: { id: String((issue.body as { id: string }).id), key: issueKey, type: 'Incident' } };
  const call = <T>(functionKey: string, payload: unknown) => resolve<T>(local.site, 'incident-cockpit', functionKey, IM, payload, extension);
  await call('openComms', {});
  await local.site.settle();
  const composer = await call<ComposerView>('getCommsComposer', { kind: 'initial' });
  const since = local.site.forge.invocations.list().at(-1)?.seq ?? 0;
  await call('sendCommsUpdate', { updateId: randomUUID(), kind: 'initial', internal: composer.internal, external: composer.external });
  const record = local.site.forge.invocations.list(since).find((candidate) => candidate.functionKey === 'sendCommsUpdate');
  if (record === undefined) throw new Error('No send invocation was recorded');
  const calls = withDepths(record.remoteCalls as Call[]);
  const channels = calls.filter(isChannelRequest);
  const lastChannel = channels.reduce((latest, candidate) => (candidate.start > latest.start ? candidate : latest), channels[0] ?? calls[0]!);
  return {
    calls,
    channelDepth: Math.max(...channels.map((channel) => channel.depth)),
    chain: Math.max(...calls.map((c) => c.depth)),
    toLastChannelMs: lastChannel.start - Date.parse(record.startedAt),
    totalMs: record.durationMs,
  };
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

async function main(): Promise<void> {
  const runs = Math.max(1, Number(process.argv[2] ?? 3));
  const local = await startLocalSite();
  try {
    await connectDemoComms((functionKey, payload) => resolve(local.site, 'incident-settings', functionKey, 'admin@example.com', payload));
    local.site.faults.configure({ latencyMs: LATENCY_MS });
    const results = [];
    for (let run = 1; run <= runs; run += 1) results.push(await measureOnce(local, run));
    console.log(`Send one update to every channel, ${LATENCY_MS} ms injected per remote call, ${runs} run(s)\n`);
    console.log('Remote calls of the send invocation (first run):');
    for (const c of results[0]?.calls ?? []) console.log(`  step ${c.depth}  ${String(c.durationMs).padStart(4)} ms  ${c.kind.padEnd(8)} ${c.method.padEnd(6)} ${c.path}`);
    const channelDepth = Math.max(...results.map((r) => r.channelDepth));
    console.log('');
    console.log(`Sequential remote calls up to every channel's request: ${channelDepth} (channels go out together at step ${channelDepth})`);
    console.log(`Sequential chain of the whole send (read, send, record): ${Math.max(...results.map((r) => r.chain))} (target ≤ ${TARGET_SEQUENTIAL_CALLS}) ${Math.max(...results.map((r) => r.chain)) <= TARGET_SEQUENTIAL_CALLS ? 'OK' : 'OVER'}`);
    console.log(`Send pressed to the last channel request: median ${median(results.map((r) => r.toLastChannelMs))} ms`);
    console.log(`Whole invocation (sent and recorded): median ${median(results.map((r) => r.totalMs))} ms`);
  } finally {
    await local.stop();
  }
}

void main();
