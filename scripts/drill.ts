/**
 * `npm run drill -- [scenario] [--speed N] [--as email]`: starts a drill on the running local site
 * (`npm start`, `PORT` default 8080) through its loopback control API, as the Drills tab's Start
 * would, and runs the site's clock N times faster (default 30) so the scenario plays in minutes.
 * The person starting it (default the demo administrator) plays the incident manager.
 */
import { z } from 'zod';

export interface DrillCommand {
  readonly scenarioId: string;
  readonly speed: number;
  readonly as: string;
}

const DEFAULT_SCENARIO = 'bitbucket-push-failures';
const DEFAULT_SPEED = 30;
const DEFAULT_STARTER = 'admin@example.com';
/** The admin page's module: starting a drill there needs an administrator, as on Jira. */
const ADMIN_MODULE = 'incident-settings';

const usersAnswer = z.object({ users: z.array(z.looseObject({ accountId: z.string(), emailAddress: z.string().optional() })) });
const scenariosAnswer = z.object({
  result: z.object({ ok: z.literal(true), value: z.object({ scenarios: z.array(z.looseObject({ id: z.string(), title: z.string(), lastInjectMinute: z.number() })) }) }),
});
const startAnswer = z.object({ result: z.object({ ok: z.literal(true), value: z.looseObject({ issueKey: z.string(), issueUrl: z.string() }) }) });
const refusal = z.object({ result: z.object({ ok: z.literal(false), error: z.looseObject({ message: z.string() }) }) });

/** Reads the command line; throws with the usage on anything it does not understand. */
export function parseDrillArguments(args: readonly string[]): DrillCommand {
  let scenarioId = DEFAULT_SCENARIO;
  let speed = DEFAULT_SPEED;
  let as = DEFAULT_STARTER;
  const usage = 'Usage: npm run drill -- [scenario id] [--speed 1..3600] [--as email]';
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (arg === '--speed') {
      speed = Number(args[(i += 1)]);
      if (!Number.isFinite(speed) || speed < 1 || speed > 3600) throw new Error(`--speed must be a number from 1 to 3600. ${usage}`);
    } else if (arg === '--as') {
      as = args[(i += 1)] ?? '';
      if (!as.includes('@')) throw new Error(`--as must be the email of a person on the local site. ${usage}`);
    } else if (arg.startsWith('--')) {
      throw new Error(`Unknown option ${arg}. ${usage}`);
    } else {
      scenarioId = arg;
    }
  }
  return { scenarioId, speed, as };
}

async function call(baseUrl: string, method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`The local site answered ${method} ${path} with ${response.status}: ${text}`);
  return JSON.parse(text) as unknown;
}

async function invoke(baseUrl: string, accountId: string, functionKey: string, payload: unknown): Promise<unknown> {
  const answer = await call(baseUrl, 'POST', '/__local/invoke', { moduleKey: ADMIN_MODULE, functionKey, accountId, payload });
  const refused = refusal.safeParse(answer);
  if (refused.success) throw new Error(`${functionKey} was refused: ${refused.data.result.error.message}`);
  return answer;
}

/** Starts the drill and speeds up the clock; answers what a newcomer needs to follow it. */
export async function startDrillOnRunningSite(baseUrl: string, command: DrillCommand): Promise<{ issueKey: string; issueUrl: string; title: string; realMinutes: number }> {
  const { users } = usersAnswer.parse(await call(baseUrl, 'GET', '/__local/users'));
  const starter = users.find((user) => user.emailAddress === command.as);
  if (starter === undefined) throw new Error(`Nobody on the local site has the email ${command.as}`);
  const { scenarios } = scenariosAnswer.parse(await invoke(baseUrl, starter.accountId, 'listDrillScenarios', {})).result.value;
  const scenario = scenarios.find((candidate) => candidate.id === command.scenarioId);
  if (scenario === undefined) throw new Error(`There is no scenario "${command.scenarioId}"; the site has: ${scenarios.map((candidate) => candidate.id).join(', ')}`);
  const started = startAnswer.parse(await invoke(baseUrl, starter.accountId, 'startDrill', { scenarioId: scenario.id })).result.value;
  // Sped up only once the drill exists, so a refused start leaves the clock as it was.
  await call(baseUrl, 'POST', '/__local/clock', { speed: command.speed });
  return { issueKey: started.issueKey, issueUrl: started.issueUrl, title: scenario.title, realMinutes: Math.ceil(scenario.lastInjectMinute / command.speed) };
}

async function main(): Promise<void> {
  const command = parseDrillArguments(process.argv.slice(2));
  const baseUrl = `http://127.0.0.1:${process.env.PORT ?? '8080'}`;
  const drill = await startDrillOnRunningSite(baseUrl, command);
  console.log(
    [
      `Drill started: ${drill.issueKey} "${drill.title}"`,
      `  ${drill.issueUrl} (sign in as ${command.as}: you play the incident manager)`,
      `  The clock runs ${command.speed}× real time: the last inject arrives in about ${drill.realMinutes} real minute(s).`,
      `  End the drill from its panel for the scorecard; \`curl -X POST ${baseUrl}/__local/clock -d '{"speed":1}'\` returns to real time.`,
    ].join('\n'),
  );
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
