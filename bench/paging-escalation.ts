/**
 * Benchmark of paging on time and of the safety net's cost.
 *
 * 1. Escalation lateness on the local site: N open Sev 1 incidents (10, 100, 1,000) nobody
 *    acknowledges; the clock moves on minute by minute; for each incident, how many seconds after
 *    its due time (first page + the 15-minute acknowledgement timeout) the IMOC was paged. The
 *    precise path (one queued job per page, delivered at its instant) does this, whatever the
 *    scheduled interval.
 * 2. One safety-net run (the five-minute scheduled trigger) over N stored episodes (10, 1,000,
 *    10,000), with nothing due and with everything due: its remote calls and its sequential chain,
 *    counted through the in-memory ports the use-case tests use, and the time that chain takes at
 *    50 ms per remote call.
 * Run: `npx tsx bench/paging-escalation.ts [maxIncidents]`. It prints figures and asserts nothing.
 */
import { escalateUnacknowledged } from '../src/app/paging/escalate-unacknowledged';
import type { Episode } from '../src/app/paging/paging-episodes';
import { provisionedWorld } from '../src/app/testing/fixtures';
import { resolve, startLocalSite } from '../test-support/local-site-app';

const MINUTE = 60_000;
const LATENCY_MS = 50;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

async function lateness(incidents: number): Promise<{ median: number; worst: number; escalated: number }> {
  const local = await startLocalSite();
  try {
    const keys: string[] = [];
    for (let index = 0; index < incidents; index += 1) {
      const { issueKey } = await resolve<{ issueKey: string }>(local.site, 'declare-incident', 'declareIncident', 'jay.jira@example.com', {
        summary: `Bench incident ${index + 1}`,
        description: 'Nobody answers.',
        severity: 1,
        faultyService: index % 2 === 0 ? 'Bitbucket' : 'Confluence',
        affectedProducts: ['Bitbucket'],
      });
      keys.push(issueKey);
    }
    await local.site.settle();
    for (let minute = 0; minute < 17; minute += 1) await local.site.advanceClock(MINUTE);
    await local.site.forge.drain();
    const pages = local.site.outbox.list({ channel: 'jira-notification' });
    const late: number[] = [];
    for (const key of keys) {
      const own = pages.filter((entry) => (entry.subject ?? '').includes(`${key}:`));
      const first = own[0];
      const imoc = own.find((entry) => entry.to === 'imogen.imoc@example.com');
      if (first === undefined || imoc === undefined) continue;
      late.push((Date.parse(imoc.at) - (Date.parse(first.at) + 15 * MINUTE)) / 1000);
    }
    return { median: median(late), worst: Math.max(...late), escalated: late.length };
  } finally {
    await local.stop();
  }
}

async function safetyNetRun(stored: number, due: boolean): Promise<{ calls: number; chain: number; ms: number }> {
  const world = await provisionedWorld();
  const now = world.clock.now();
  const pagedAt = new Date(due ? now - 20 * MINUTE : now - MINUTE).toISOString();
  const saves: Promise<void>[] = [];
  for (let index = 0; index < stored; index += 1) {
    const episode: Episode = {
      issueId: String(20_000 + index),
      issueKey: `HOT-${index + 1}`,
      id: 'created',
      intent: { kind: 'declared' },
      reason: 'Sev 1 incident declared',
      startedAt: pagedAt,
      state: 'paging',
      policy: { id: 'p', name: 'Bench policy', levels: [{ targets: [{ kind: 'roster', rosterId: 'imoc' }], ackTimeoutMinutes: 15 }], repeat: 0 },
      message: { severity: 1, severityLabel: 'Sev 1', summary: 'Bench', issueUrl: 'https://example.atlassian.net/browse/HOT-1' },
      pages: [{ level: 0, round: 0, pagedAt }],
      deliveries: [],
    };
    saves.push(world.paging.repo.save(episode));
  }
  await Promise.all(saves);
  // The run before this one left its bookmark (and the JQL it needs), as every run but the first does.
  // The scheduled trigger's own budget: 900 s, less the reserve kept for recording.
  const deps = { ...world.paging, deadline: world.clock.now() + 895_000 };
  const first = await escalateUnacknowledged(deps);
  world.log.clear();
  const report = await escalateUnacknowledged(deps);
  if (first.leftForNextRun || report.leftForNextRun) console.log('  (the run left work for the next one)');
  const chain = Math.max(0, ...world.log.calls.map((call) => call.depth));
  return { calls: world.log.calls.length, chain, ms: chain * LATENCY_MS };
}

async function main(): Promise<void> {
  const maxIncidents = Number(process.argv[2] ?? '1000');
  console.log('Escalation lateness (seconds after due; the local site, precise queued jobs, clock moved minute by minute)');
  for (const incidents of [10, 100, 1000].filter((count) => count <= maxIncidents)) {
    const result = await lateness(incidents);
    console.log(`  ${String(incidents).padStart(5)} open incidents: median ${result.median.toFixed(1)} s, worst ${result.worst.toFixed(1)} s (${result.escalated} escalated)`);
  }
  console.log(`Safety-net run (remote calls, sequential chain, time at ${LATENCY_MS} ms per call)`);
  for (const stored of [10, 1000, 10_000]) {
    for (const due of [false, true]) {
      const result = await safetyNetRun(stored, due);
      console.log(
        `  ${String(stored).padStart(6)} stored, ${due ? 'everything due' : 'nothing due   '}: ${String(result.calls).padStart(4)} calls, chain ${String(result.chain).padStart(3)}, ${result.ms} ms`,
      );
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
