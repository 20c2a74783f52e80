/**
 * The local site: an offline Jira Cloud + Forge platform in one process, over one SQLite file.
 * `createSite` is the only door; `main.ts` wraps it for `npm start`, tests and benchmarks call it
 * in-process with `port: 0` and a temporary database.
 */
import './forge/runtime-globals';
import { resolve } from 'node:path';
import { installEmulatedDate, SiteClock } from './clock';
import { openSiteDatabase, type SiteDatabase } from './db';
import { createControlRoute } from './control/control-route';
import { FaultInjector } from './forge/faults';
import { ForgePlatform } from './forge/platform';
import { loadManifest, type Manifest } from './forge/manifest';
import { createJiraRoute } from './http/jira-route';
import type { RouteHandler } from './http/route-handler';
import { startHttpServer } from './http/server';
import { createStatusPageRoute } from './http/status-page-route';
import { createWebTriggerRoute } from './http/webtrigger-route';
import { JiraEmulator } from './jira/index';
import { Outbox } from './outbox';

export type { RouteHandler } from './http/route-handler';
export { sessionCookieName, sessionEmail } from './http/jira-route';

export interface SiteOptions {
  /** SQLite file; created if missing. */
  dbPath: string;
  /** TCP port on 127.0.0.1; 0 picks a free one. */
  port: number;
  /** Delete the database first and start empty. */
  fresh?: boolean;
  /** The app's manifest; defaults to the repository's manifest.yml. */
  manifestPath?: string;
  /** Folder that `handler: index.resolver` is resolved against; defaults to `src` beside the manifest. */
  srcDir?: string;
  log?: (line: string) => void;
  /** Multiplies Forge's invocation time limits (25 s, 55 s, up to 900 s), so tests can hit them quickly. */
  timeLimitScale?: number;
  /** How often (real ms) due scheduled triggers and delayed work are looked for; 0 turns the ticker off. */
  tickMs?: number;
  /** Routes tried after `/rest/`, `/__local/` and `/x/` (the browser UI mounts its pages here). */
  routes?: RouteHandler[];
  /** Host name used in printed and generated URLs (web triggers); defaults to `localhost`. */
  publicHost?: string;
}

export interface Site {
  /** e.g. `http://localhost:8080` */
  readonly baseUrl: string;
  readonly port: number;
  readonly db: SiteDatabase;
  readonly clock: SiteClock;
  readonly jira: JiraEmulator;
  readonly forge: ForgePlatform;
  readonly outbox: Outbox;
  readonly faults: FaultInjector;
  readonly manifest: Manifest;
  /** Adds routes tried after the built-in ones, in registration order. */
  registerRoutes(handler: RouteHandler): void;
  /** `http://localhost:PORT/x/<key>` for a manifest web trigger. */
  webTriggerUrl(key: string): string;
  /** Moves the emulated clock forward and runs what became due (scheduled triggers, retries). */
  advanceClock(ms: number): Promise<number>;
  /** Resolves when every queued event, retry and invocation has finished. */
  settle(): Promise<void>;
  /** Stops the server, drains queued work and closes the database. */
  close(): Promise<void>;
}

const repositoryRoot = resolve(__dirname, '..');

export async function createSite(options: SiteOptions): Promise<Site> {
  const log = options.log ?? (() => undefined);
  const manifestPath = options.manifestPath ?? resolve(repositoryRoot, 'manifest.yml');
  const manifest = loadManifest(manifestPath);
  const db = openSiteDatabase(options.dbPath, options.fresh ?? false);
  const clock = new SiteClock(db);
  const restoreDate = installEmulatedDate(() => clock.now());
  const outbox = new Outbox(db, () => clock.nowIso());
  const faults = new FaultInjector();
  const extraRoutes: RouteHandler[] = [...(options.routes ?? [])];
  const publicHost = options.publicHost ?? 'localhost';

  // The port is only known once the server listens, and the Jira emulator needs its base URL at
  // construction, so the built-in routes join the list right after listening.
  const builtIn: RouteHandler[] = [];
  const server = await startHttpServer({ host: '127.0.0.1', port: options.port, routes: () => [...builtIn, ...extraRoutes], log }).catch((error: unknown) => {
    restoreDate();
    db.close();
    throw error;
  });
  const baseUrl = `http://${publicHost}:${server.port}`;
  const jira = new JiraEmulator({ db, now: () => clock.now(), baseUrl, customFields: manifest.customFields, appId: manifest.appId });
  const forge = new ForgePlatform({
    manifest,
    srcDir: options.srcDir ?? resolve(manifestPath, '..', 'src'),
    db,
    clock,
    jira,
    outbox,
    faults,
    baseUrl,
    log,
    timeLimitScale: options.timeLimitScale ?? 1,
  });

  const tickMs = options.tickMs ?? 1000;
  const ticker = tickMs > 0 ? setInterval(() => void forge.runDue().catch((error: unknown) => log(`Scheduled work failed: ${String(error)}`)), tickMs) : undefined;
  ticker?.unref();

  let closed = false;
  const site: Site = {
    baseUrl,
    port: server.port,
    db,
    clock,
    jira,
    forge,
    outbox,
    faults,
    manifest,
    registerRoutes: (handler) => {
      extraRoutes.push(handler);
    },
    webTriggerUrl: (key) => forge.webTriggerUrl(key),
    advanceClock: async (ms) => {
      // Time passes in order: each scheduled run and delayed delivery happens at its own instant,
      // and what it causes finishes before the clock moves on, as it would in real time.
      const target = clock.now() + ms;
      await forge.drain();
      for (let next = forge.nextDue(); next !== undefined && next <= target; next = forge.nextDue()) {
        clock.catchUpTo(next);
        await forge.runDue();
        await forge.drain();
      }
      // The emulated clock keeps running while due work runs, so it can already be past the target.
      clock.catchUpTo(target);
      await forge.runDue();
      await forge.drain();
      return clock.now();
    },
    settle: () => forge.settle(),
    close: async () => {
      if (closed) return;
      closed = true;
      if (ticker) clearInterval(ticker);
      await server.close();
      await forge.close();
      restoreDate();
      db.close();
    },
  };
  builtIn.push(createJiraRoute(jira, forge.jiraScopes), createControlRoute(site), createWebTriggerRoute(forge, manifest.webTriggers.map((w) => w.key)), createStatusPageRoute(forge.egress.statuspage));
  try {
    jira.seedDemo();
    await forge.start();
  } catch (error) {
    await site.close();
    throw error;
  }
  return site;
}
