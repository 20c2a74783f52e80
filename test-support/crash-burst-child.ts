/**
 * The local site as its own process, for the crash test: opens the site's database, declares 20
 * incidents one after another (their events run in the background, as on Forge) and says so after
 * each, until the test kills it with SIGKILL at a point of its choosing.
 */
import { createSite } from '../emulator/site';

const BURST = 20;
const SERVICES = ['Bitbucket', 'Confluence', 'Unknown', 'Bitbucket', 'Confluence'];

async function main(): Promise<void> {
  const dbPath = process.argv[2];
  if (dbPath === undefined) throw new Error('usage: crash-burst-child <site.db>');
  const site = await createSite({ dbPath, port: 0, tickMs: 0 });
  // Remote calls take time, as on Forge, so a kill can land between any two of them.
  site.faults.configure({ latencyMs: 25 });
  const jay = site.jira.users().find((user) => user.emailAddress === 'jay.jira@example.com')?.accountId;
  process.stdout.write('READY\n');
  for (let index = 0; index < BURST; index += 1) {
    await site.forge.invokeResolver({
      moduleKey: 'declare-incident',
      functionKey: 'declareIncident',
      accountId: jay,
      payload: { summary: `Burst incident ${index + 1}`, description: 'Declared in a burst.', severity: index % 2 === 0 ? 1 : 2, faultyService: SERVICES[index % SERVICES.length], affectedProducts: ['Bitbucket'] },
    });
    process.stdout.write(`DECLARED ${index + 1}\n`);
  }
  await site.settle();
  process.stdout.write('SETTLED\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
