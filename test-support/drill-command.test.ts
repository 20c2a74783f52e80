/**
 * `npm run drill`: on a running local site it starts the built-in drill as the chosen person and
 * speeds up the clock, so the scenario's injects arrive in real minutes; bad input changes nothing.
 */
import { parseDrillArguments, startDrillOnRunningSite } from '../scripts/drill';
import { rest, startLocalSite, type LocalSite } from './local-site-app';

describe('npm run drill', () => {
  let local: LocalSite;

  beforeAll(async () => {
    local = await startLocalSite();
    await local.site.settle();
  });

  afterAll(async () => {
    await local.stop();
  });

  it('reads the scenario, the speed and who starts it, and refuses what it does not understand', () => {
    expect(parseDrillArguments([])).toEqual({ scenarioId: 'bitbucket-push-failures', speed: 30, as: 'admin@example.com' });
    expect(parseDrillArguments(['my-drill', '--speed', '120', '--as', 'imogen.imoc@example.com'])).toEqual({ scenarioId: 'my-drill', speed: 120, as: 'imogen.imoc@example.com' });
    expect(() => parseDrillArguments(['--speed', 'fast'])).toThrow(/--speed must be a number from 1 to 3600/);
    expect(() => parseDrillArguments(['--loud'])).toThrow(/Unknown option --loud/);
  });

  it('refuses an unknown scenario, leaving the clock at real speed and no drill started', async () => {
    await expect(startDrillOnRunningSite(local.site.baseUrl, { scenarioId: 'no-such-drill', speed: 60, as: 'admin@example.com' })).rejects.toThrow(/There is no scenario "no-such-drill"; the site has: bitbucket-push-failures/);
    expect(local.site.clock.speed()).toBe(1);
  });

  it('starts the built-in drill on the running site, its starter in command, and runs the clock faster', async () => {
    const drill = await startDrillOnRunningSite(local.site.baseUrl, { scenarioId: 'bitbucket-push-failures', speed: 60, as: 'admin@example.com' });
    try {
      expect(local.site.clock.speed()).toBe(60);
      const issue = await rest(local.site, 'admin@example.com', 'GET', `/rest/api/3/issue/${drill.issueKey}?fields=summary,labels`);
      expect(issue.body).toMatchObject({ fields: { summary: expect.stringMatching(/^\[DRILL\] /), labels: expect.arrayContaining(['drill']) } });
      expect(drill.realMinutes).toBeGreaterThan(0);
      const before = local.site.clock.now();
      await new Promise((resolve) => setTimeout(resolve, 200));
      // 200 real ms at 60× are at least 10 emulated seconds.
      expect(local.site.clock.now() - before).toBeGreaterThanOrEqual(10_000);
    } finally {
      local.site.clock.setSpeed(1);
    }
  });
});
