/**
 * Benchmark of a drill on the local site with 50 ms injected into every remote call: starting the
 * handbook drill (Start drill), the created-issue event that pages its IM player, one inject of each
 * kind as the drill-injects queue fires it, and End drill. For each invocation it prints its remote
 * calls, the longest chain of them that waited on one another, and its duration.
 * Run: `npx tsx bench/drill.ts`. It prints figures and asserts nothing.
 */
import type { StartDrillResult } from '../src/contracts/drills';
import { HANDBOOK_SCENARIO } from '../src/domain/drills/handbook-scenario';
import { resolve, rest, startLocalSite } from '../test-support/local-site-app';

const LATENCY_MS = 50;
const MINUTE = 60_000;
const PLAYER = 'jay.jira@example.com';

async function main(): Promise<void> {
  const local = await startLocalSite();
  try {
    local.site.faults.configure({ latencyMs: LATENCY_MS });
    const rows: string[] = [];
    const measure = (label: string, since: number, functionKey?: string) => {
      for (const record of local.site.forge.invocations.list(since).filter((candidate) => functionKey === undefined || candidate.functionKey === functionKey)) {
        rows.push(`${label.padEnd(44)} ${record.functionKey.padEnd(22)} calls ${String(record.remoteCalls.length).padStart(3)}  chain ${String(record.sequentialRemoteCalls).padStart(2)}  ${String(record.durationMs).padStart(5)} ms`);
      }
    };
    let since = local.site.forge.invocations.list().at(-1)?.seq ?? 0;
    const drill = await resolve<StartDrillResult>(local.site, 'declare-incident', 'startDrill', PLAYER, { scenarioId: HANDBOOK_SCENARIO.id });
    await local.site.settle();
    measure('Start drill', since, 'startDrill');
    measure('Created-issue event (pages the IM player)', since, 'on-issue-created');
    for (const [index, inject] of HANDBOOK_SCENARIO.injects.entries()) {
      since = local.site.forge.invocations.list().at(-1)?.seq ?? 0;
      const target = Date.parse(drill.startedAt) + inject.atMinute * MINUTE + 1_000;
      if (target > local.site.clock.now()) await local.site.advanceClock(target - local.site.clock.now());
      await local.site.settle();
      measure(`Inject ${index} (${inject.kind}, minute ${inject.atMinute})`, since, 'fire-drill-inject');
    }
    const issue = await rest(local.site, 'admin@example.com', 'GET', `/rest/api/3/issue/${drill.issueKey}?fields=summary`);
    since = local.site.forge.invocations.list().at(-1)?.seq ?? 0;
    await resolve(local.site, 'incident-cockpit', 'endDrill', PLAYER, {}, { issue: { id: (issue.body as { id: string }).id, key: drill.issueKey, type: 'Incident' } });
    measure('End drill (score and post the scorecard)', since, 'endDrill');
    console.log(`A drill of "${HANDBOOK_SCENARIO.title}", ${LATENCY_MS} ms injected per remote call\n`);
    for (const row of rows) console.log(row);
  } finally {
    await local.stop();
  }
}

void main();
