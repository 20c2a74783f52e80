/**
 * `npm start`: boots the local site on 127.0.0.1 (`PORT`, default 8080) over `.local/site.db`
 * (`SITE_DB`); `npm start -- --fresh` starts from an empty database. Ctrl-C stops it cleanly.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { seedDemoConfiguration } from './demo-configuration';
import { createSite, type Site } from './site';
import { mountWebUi } from './web/index';

const repositoryRoot = resolve(__dirname, '..');

function log(line: string): void {
  console.log(line);
}

function banner(site: Site): string {
  const users = site.jira
    .users()
    .filter((user) => user.accountType === 'atlassian' && user.active)
    .map((user) => `    ${user.emailAddress.padEnd(32)} ${user.displayName}`);
  const triggers = site.manifest.webTriggers.map((trigger) => `    ${site.webTriggerUrl(trigger.key)}`);
  return [
    '',
    `Local site running at ${site.baseUrl}`,
    '',
    'Demo users (password "local" for every one):',
    ...users,
    '',
    ...(triggers.length > 0 ? ['Web triggers:', ...triggers, ''] : []),
    `Control API: ${site.baseUrl}/__local/health (outbox, clock, settle, faults, invocations)`,
    'Press Ctrl-C to stop.',
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const fresh = process.argv.slice(2).includes('--fresh');
  const port = Number(process.env.PORT ?? '8080');
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a TCP port number, got "${process.env.PORT ?? ''}"`);
  const dbPath = resolve(repositoryRoot, process.env.SITE_DB ?? '.local/site.db');
  const firstStart = fresh || !existsSync(dbPath);
  const site = await createSite({ dbPath, port, fresh, log });
  // On a new site the app is installed as an admin would: the on-call rosters of the demo organisation.
  if (firstStart) await seedDemoConfiguration(site);
  mountWebUi(site, { log });
  log(banner(site));

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) {
      log(`${signal} again: exiting without waiting.`);
      process.exit(1);
    }
    stopping = true;
    log(`${signal}: stopping the local site…`);
    site.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('The local site did not stop cleanly:', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error('The local site could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
