/**
 * How long `npm start`'s process takes to answer `/__local/health`: once on an empty database
 * (first start: schema, demo organisation, install event) and then on warm restarts over the
 * same database (target ≤ 2 s). Times the real entry point in a child process, as a newcomer
 * would run it, minus the Custom UI build that `npm start` does first.
 * Run: `npx tsx bench/site-startup.ts [warm runs]`. It prints figures and asserts nothing.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '..');
const targetMs = 2000;

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

async function waitForHealth(url: string, deadline: number): Promise<void> {
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within the deadline`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function startOnce(dbPath: string, fresh: boolean): Promise<number> {
  const port = await freePort();
  const started = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'emulator', 'main.ts'), ...(fresh ? ['--fresh'] : [])], {
    cwd: root,
    env: { ...process.env, PORT: String(port), SITE_DB: dbPath },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await waitForHealth(`http://127.0.0.1:${port}/__local/health`, started + 30_000);
    return Date.now() - started;
  } finally {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGINT');
    await exited;
  }
}

async function main(): Promise<void> {
  const warmRuns = Number(process.argv[2] ?? '5');
  const dir = mkdtempSync(join(tmpdir(), 'site-startup-'));
  const dbPath = join(dir, 'site.db');
  try {
    const first = await startOnce(dbPath, true);
    const warm: number[] = [];
    for (let i = 0; i < warmRuns; i += 1) warm.push(await startOnce(dbPath, false));
    warm.sort((a, b) => a - b);
    const median = warm[Math.floor(warm.length / 2)] ?? Number.NaN;
    console.log('Local site start-up (process spawn → /__local/health answers)');
    console.log(`  first start, empty database: ${first} ms`);
    console.log(`  warm start, median of ${warm.length}: ${median} ms (min ${warm[0]} ms, max ${warm[warm.length - 1]} ms; target ≤ ${targetMs} ms)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
