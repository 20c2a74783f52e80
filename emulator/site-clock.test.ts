import { control, startTestSite, type TestSite } from './test-fixtures/test-site';
import { kvs } from '@forge/kvs';

describe('the emulated clock', () => {
  let test: TestSite;

  beforeEach(async () => {
    test = await startTestSite();
    await test.site.settle();
  });

  afterEach(() => test.stop());

  const ticks = () => test.site.forge.runInInvocation({ moduleKey: 'test-reader' }, () => kvs.get<{ at: string; moduleKey: string }[]>('ticks'));

  it('runs a five-minute scheduled trigger once the clock has moved five minutes, at its instant', async () => {
    const due = test.site.forge.scheduler.nextDue('every-five-minutes') ?? 0;
    const moved = await control(test.site, 'POST', 'clock', { advance: 'PT4M' });
    expect(moved.status).toBe(200);
    expect(await ticks()).toBeUndefined();
    const after = await control(test.site, 'POST', 'clock', { advance: 'PT1M' });
    const runs = await ticks();
    expect(runs).toHaveLength(1);
    expect(runs?.[0]?.moduleKey).toBe('every-five-minutes');
    // The handler read the emulated time with new Date(): the instant the run was due.
    const ranAt = Date.parse(runs?.[0]?.at ?? '');
    expect(ranAt).toBeGreaterThanOrEqual(due);
    expect(ranAt).toBeLessThan(due + 1000);
    expect(Date.parse((after.body as { now: string }).now)).toBeGreaterThanOrEqual(due);
  });

  it('runs a trigger at each of its instants, in order, however far the clock jumps', async () => {
    await control(test.site, 'POST', 'clock', { advance: 'P1D' });
    const runs = (await ticks()) ?? [];
    expect(runs).toHaveLength(288);
    const gaps = runs.slice(1).map((run, index) => Date.parse(run.at) - Date.parse(runs[index]?.at ?? ''));
    expect(gaps.every((gap) => Math.abs(gap - 5 * 60_000) < 1000)).toBe(true);
    await control(test.site, 'POST', 'clock', { advance: 'PT5M' });
    expect(await ticks()).toHaveLength(289);
  });

  it('moves to an instant given with "to" and refuses to go back', async () => {
    const target = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const moved = await control(test.site, 'POST', 'clock', { to: target });
    expect(Date.parse((moved.body as { now: string }).now)).toBeGreaterThanOrEqual(Date.parse(target));
    const back = await control(test.site, 'POST', 'clock', { to: '2001-01-01T00:00:00Z' });
    expect(back.status).toBe(400);
    expect((back.body as { error: string }).error).toContain('only moves forward');
  });

  it('rejects a clock change that is not an ISO duration', async () => {
    const answer = await control(test.site, 'POST', 'clock', { advance: '10 minutes' });
    expect(answer.status).toBe(400);
    expect((answer.body as { error: string }).error).toContain('ISO 8601 duration');
  });

  it('makes Date follow the site while it runs and gives real time back when it closes', async () => {
    await control(test.site, 'POST', 'clock', { advance: 'P1D' });
    expect(Date.now() - test.site.clock.now()).toBeLessThan(1000);
    expect(Date.now()).toBeGreaterThan(performance.timeOrigin + performance.now() + 0.9 * 86_400_000);
    await test.site.close();
    expect(Math.abs(Date.now() - (performance.timeOrigin + performance.now()))).toBeLessThan(60_000);
  });
});
