/**
 * No page lost, none doubled unseen: the local site runs as its own process and is killed
 * (SIGKILL) at a random point of a burst of 20 declarations, then restarted on the same database.
 * Every incident is then paged; on PagerDuty, which folds a repeated dedup_key into the alert it
 * opened, nobody is paged twice; on Jira notifications, which have no idempotency key, any second
 * copy says it was re-sent.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve as resolvePath } from 'node:path';
import { createSite, type Site } from '../emulator/site';
import { configuration, resolve, rest } from './local-site-app';

const MINUTE = 60_000;
const ROUTING_KEY = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';

/** A small seeded generator (mulberry32), so each seed kills at the same point every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function setUp(dbPath: string): Promise<void> {
  const site = await createSite({ dbPath, port: 0, fresh: true, tickMs: 0 });
  await site.settle();
  const document = configuration(site);
  await resolve(site, 'incident-settings', 'saveConfiguration', 'admin@example.com', {
    configuration: {
      ...document,
      // Bitbucket pages through PagerDuty (idempotent by dedup_key); everyone else through Jira's notification (not idempotent).
      paging: { ...document.paging, rosterChannels: { bitbucket: { kind: 'pagerduty' } } },
      integrations: { slack: { enabled: false }, pagerDuty: { enabled: true }, webhook: { enabled: false } },
    },
  });
  await resolve(site, 'incident-settings', 'setIntegrationSecret', 'admin@example.com', { secret: { kind: 'pagerduty-routing-key', rosterId: 'bitbucket', value: ROUTING_KEY } });
  await site.close();
}

/** Runs the burst in a child process and kills it after `killAfter` declarations, plus a few random milliseconds. */
function burstAndKill(dbPath: string, killAfter: number, extraMs: number): Promise<number> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', resolvePath(__dirname, 'crash-burst-child.ts'), dbPath], { cwd: resolvePath(__dirname, '..'), stdio: ['ignore', 'pipe', 'pipe'] });
    let declared = 0;
    let errors = '';
    let killed = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      for (const line of chunk.split('\n')) {
        if (line.startsWith('DECLARED ')) declared = Number(line.slice('DECLARED '.length));
        if (!killed && (declared >= killAfter || line === 'SETTLED')) {
          killed = true;
          setTimeout(() => child.kill('SIGKILL'), extraMs);
        }
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      errors += chunk;
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL' || code === 0) done(declared);
      else fail(new Error(`The site process ended with ${code ?? signal}: ${errors.slice(0, 2000)}`));
    });
  });
}

interface Page {
  readonly key: string;
  readonly channel: string;
  readonly subject: string;
  readonly dedupKey?: string;
}

function pagesSent(site: Site): Page[] {
  const jira = site.outbox.list({ channel: 'jira-notification' }).flatMap((entry) => {
    const key = /\b(HOT-\d+):/.exec(entry.subject ?? '')?.[1];
    return key === undefined ? [] : [{ key, channel: 'jira', subject: entry.subject ?? '' }];
  });
  const pagerDuty = site.outbox.list({ channel: 'pagerduty' }).flatMap((entry) => {
    const body = entry.body as { dedup_key?: string; event_action?: string; payload?: { summary?: string } };
    const key = /^(HOT-\d+)\//.exec(body.dedup_key ?? '')?.[1];
    return key === undefined || body.event_action !== 'trigger' ? [] : [{ key, channel: 'pagerduty', subject: body.payload?.summary ?? '', dedupKey: body.dedup_key ?? '' }];
  });
  return [...jira, ...pagerDuty];
}

describe('paging across a crash of the local site', () => {
  let folder: string;

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'paging-crash-'));
  });

  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  for (const seed of [1, 2, 3, 4, 5, 6]) {
    it(`pages every incident once (or marked as re-sent) after a kill at a random point of the burst, seed ${seed}`, async () => {
      const dbPath = join(folder, 'site.db');
      await setUp(dbPath);
      const next = random(seed);
      const killAfter = 1 + Math.floor(next() * 20);
      await burstAndKill(dbPath, killAfter, Math.floor(next() * 250));

      const site = await createSite({ dbPath, port: 0, tickMs: 0 });
      try {
        await site.settle();
        // Long enough for leases to run out and the safety net to run twice; short of the first escalation (15 minutes).
        for (let minute = 0; minute < 12; minute += 1) await site.advanceClock(MINUTE);
        await site.forge.drain();

        const found = await rest(site, 'admin@example.com', 'POST', '/rest/api/3/search/jql', { jql: 'project = HOT ORDER BY created ASC', fields: ['summary'], maxResults: 100 });
        const incidents = ((found.body as { issues: { key: string }[] }).issues ?? []).map((issue) => issue.key);
        expect(incidents.length).toBeGreaterThanOrEqual(killAfter);
        const pages = pagesSent(site);
        for (const key of incidents) {
          const own = pages.filter((page) => page.key === key);
          // Every incident paged.
          expect({ key, paged: own.length > 0 }).toEqual({ key, paged: true });
          const pagerDuty = own.filter((page) => page.channel === 'pagerduty');
          // PagerDuty: one alert per incident and level, however often it was triggered.
          expect({ key, alerts: new Set(pagerDuty.map((page) => page.dedupKey)).size }).toEqual({ key, alerts: pagerDuty.length > 0 ? 1 : 0 });
          // Jira notifications: a second copy is marked as re-sent.
          const jira = own.filter((page) => page.channel === 'jira');
          expect({ key, unmarkedCopies: jira.slice(1).filter((page) => !page.subject.startsWith('(re-sent)')).length }).toEqual({ key, unmarkedCopies: 0 });
        }
      } finally {
        await site.close();
      }
    }, 180_000);
  }
});
