/**
 * Benchmark of the local site's own speed at 10,000 incidents, so the app's benchmarks measure the
 * app: a KVS prefix query over 10,000 incidents' worth of keys, the gadget's JQL search over 10,000
 * issues, and the invocation recorder's longest-chain computation after a 40,000-call run. Each
 * figure is printed next to the way the site worked before (read every key / load, parse and sort
 * every visible issue / the quadratic chain), measured in the same run on the same data.
 * Run: `npx tsx bench/local-site-at-scale.ts [incidents]`. It prints figures and asserts nothing.
 */
import { openSiteDatabase } from '../emulator/db';
import { longestSequentialChain } from '../emulator/forge/call-chain';
import { KvsStore } from '../emulator/forge/kvs-store';
import { createJiraHarness } from '../emulator/jira/jira-test-harness';

const INCIDENTS = Number(process.argv[2] ?? 10_000);
const REPEATS = 20;
const bea = 'bea.bitbucket@example.com';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function timeMs(work: () => unknown): number {
  const runs: number[] = [];
  for (let i = 0; i < REPEATS; i += 1) {
    const start = performance.now();
    work();
    runs.push(performance.now() - start);
  }
  return median(runs);
}

async function timeAsyncMs(work: () => Promise<unknown>, repeats = REPEATS): Promise<number> {
  const runs: number[] = [];
  for (let i = 0; i < repeats; i += 1) {
    const start = performance.now();
    await work();
    runs.push(performance.now() - start);
  }
  return median(runs);
}

const fmt = (ms: number): string => `${ms.toFixed(ms < 10 ? 2 : 0)} ms`;

function kvsFigures(): void {
  const db = openSiteDatabase(':memory:', true);
  const store = new KvsStore(db, () => Date.UTC(2026, 10, 28));
  // What the app keeps per incident (paging episode, cockpit state), plus a few due entries and settings.
  const put = db.transaction(() => {
    for (let n = 1; n <= INCIDENTS; n += 1) {
      store.put({ kind: 'values' }, `paging:episode:HOT-${n}`, { issueKey: `HOT-${n}`, level: 1, state: n % 5 === 0 ? 'open' : 'closed' }, undefined);
      if (n % 10 === 0) store.put({ kind: 'values' }, `paging:due:${String(n).padStart(8, '0')}`, { issueKey: `HOT-${n}` }, undefined);
    }
    for (let n = 0; n < 20; n += 1) store.put({ kind: 'values' }, `config:${n}`, { n }, undefined);
  });
  put();
  const keys = (db.prepare('SELECT COUNT(*) AS n FROM kvs_values').get() as { n: number }).n;
  // The site before: every key read and parsed, then filtered by prefix in memory.
  const everyKey = (prefix: string, limit: number) =>
    (db.prepare("SELECT * FROM kvs_values WHERE entity_name = '' AND key > '' ORDER BY key").all() as { key: string; value: string }[])
      .filter((row) => row.key.startsWith(prefix))
      .map((row) => JSON.parse(row.value) as unknown)
      .slice(0, limit);
  console.log(`KVS prefix query, ${keys} keys (median of ${REPEATS}):`);
  for (const [label, prefix] of [['due entries (1 page of 20)', 'paging:due:'], ['episodes (1 page of 20)', 'paging:episode:'], ['settings (20 keys)', 'config:']] as const) {
    const indexed = timeMs(() => store.scan({ kind: 'values' }, { prefix, limit: 21 }));
    const scanned = timeMs(() => everyKey(prefix, 21));
    console.log(`  ${label.padEnd(28)} key range ${fmt(indexed).padStart(9)}   every key (before) ${fmt(scanned).padStart(9)}   target ≤ 5 ms`);
  }
  db.close();
}

async function jqlFigures(): Promise<void> {
  const site = createJiraHarness();
  const started = performance.now();
  for (let n = 1; n <= INCIDENTS; n += 1) {
    const created = await site.call(bea, 'POST', '/rest/api/3/issue', { fields: { project: { key: 'HOT' }, issuetype: { name: 'Incident' }, summary: `Incident ${n}` } });
    const { key } = created.body as { key: string };
    // Most incidents of a long history are resolved; the recent ones are open.
    if (n < INCIDENTS - 50) {
      await site.call(bea, 'POST', `/rest/api/3/issue/${key}/transitions`, { transition: { id: '11' } });
      await site.call(bea, 'POST', `/rest/api/3/issue/${key}/transitions`, { transition: { id: '21' } });
    }
    site.advance(((n * 37) % 240) * 60_000);
  }
  console.log(`\nJQL search, ${INCIDENTS} incidents (generated in ${(performance.now() - started) / 1000 | 0} s; median of 5, 50 results with fields):`);
  const queries = [
    'project = HOT AND statusCategory != Done ORDER BY created DESC',
    'project = HOT AND resolution = Unresolved ORDER BY updated DESC',
    'project = HOT AND statusCategory = Done AND updated >= -30d ORDER BY updated DESC',
    'project = HOT AND created >= -7d AND created < -1d ORDER BY created ASC',
    'project = HOT ORDER BY created DESC',
  ];
  const search = (jql: string) => site.call(bea, 'POST', '/rest/api/3/search/jql', { jql, maxResults: 50, fields: ['summary', 'status', 'created', 'updated', 'resolution'] });
  for (const jql of queries) {
    const indexed = await timeAsyncMs(() => search(jql), 5);
    // An OR at the top and a second sort key leave the index nothing to narrow or order by: every
    // visible issue is loaded, parsed, judged and sorted, as before (same answer, same order).
    const [where = '', order = ''] = jql.split(' ORDER BY ');
    const everyIssue = await timeAsyncMs(() => search(`(${where}) OR (${where}) ORDER BY ${order}, key DESC`), 5);
    console.log(`  ${jql.padEnd(84)} indexed ${fmt(indexed).padStart(8)}   every issue (before) ${fmt(everyIssue).padStart(8)}   target ≤ 50 ms`);
  }
  site.close();
}

function chainFigures(): void {
  // A 40,000-call run: batches of 8 parallel calls, one batch after another, with jitter.
  const calls: { startMono: number; endMono: number }[] = [];
  let clock = 0;
  for (let batch = 0; batch < 5_000; batch += 1) {
    for (let i = 0; i < 8; i += 1) calls.push({ startMono: clock + i * 0.01, endMono: clock + 5 + ((batch * 13 + i * 7) % 11) / 10 });
    clock += 7;
  }
  const quadratic = (input: typeof calls): number => {
    const sorted = [...input].sort((a, b) => a.startMono - b.startMono || a.endMono - b.endMono);
    const lengths: number[] = [];
    let longest = 0;
    sorted.forEach((call, i) => {
      let best = 0;
      for (let j = 0; j < i; j += 1) if ((sorted[j]?.endMono ?? Infinity) <= call.startMono && (lengths[j] ?? 0) > best) best = lengths[j] ?? 0;
      lengths[i] = best + 1;
      longest = Math.max(longest, best + 1);
    });
    return longest;
  };
  let fast = 0;
  const fastMs = timeMs(() => (fast = longestSequentialChain(calls)));
  const start = performance.now();
  const slow = quadratic(calls);
  const slowMs = performance.now() - start;
  console.log(`\nLongest sequential chain of a ${calls.length}-call run: ${fast} (quadratic agrees: ${slow === fast})`);
  console.log(`  O(n log n) ${fmt(fastMs)}   quadratic (before) ${fmt(slowMs)}`);
}

async function main(): Promise<void> {
  kvsFigures();
  await jqlFigures();
  chainFigures();
}

void main();
