import { Queue } from '@forge/events';
import { kvs } from '@forge/kvs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSiteDatabase } from './db';
import { JobStore } from './forge/platform-jobs';
import { createSite, type Site } from './site';
import { control, probeManifest, probeSrc } from './test-fixtures/test-site';

interface Consumed {
  name: string;
  at: string;
  queueName: string;
  jobId: string;
  eventId: string;
  retryCount: number;
}

const MINUTE = 60_000;

describe('Forge event queues on the local site', () => {
  let folder: string;
  let site: Site;
  const open = (): Promise<Site> => createSite({ dbPath: join(folder, 'site.db'), port: 0, manifestPath: probeManifest, srcDir: probeSrc, tickMs: 0 });
  const push = (events: { body: Record<string, unknown>; delayInSeconds?: number }[]) =>
    site.forge.runInInvocation({ moduleKey: 'probe-panel' }, () => new Queue({ key: 'probe-queue' }).push(events));
  const consumed = async (): Promise<Consumed[]> => (await site.forge.runInInvocation({ moduleKey: 'test-reader' }, () => kvs.get<Consumed[]>('consumed'))) ?? [];
  const ticks = async (): Promise<{ at: string }[]> => (await site.forge.runInInvocation({ moduleKey: 'test-reader' }, () => kvs.get<{ at: string }[]>('ticks'))) ?? [];

  beforeEach(async () => {
    folder = mkdtempSync(join(tmpdir(), 'local-site-queues-'));
    site = await open();
    await site.settle();
  });

  afterEach(async () => {
    await site.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('delivers a pushed event to the queue consumer as an AsyncEvent with its job id', async () => {
    const { jobId } = await push([{ body: { name: 'now' } }]);
    await site.settle();
    expect(await consumed()).toEqual([expect.objectContaining({ name: 'now', queueName: 'probe-queue', jobId, retryCount: 0 })]);
    expect(site.forge.invocations.list().find((record) => record.trigger === 'consumer')).toMatchObject({ moduleKey: 'probe-consumer', functionKey: 'consume', outcome: 'ok' });
  });

  it('holds a delayed event until the emulated clock reaches it, and delivers it at that instant', async () => {
    const pushedAt = site.clock.now();
    await push([{ body: { name: 'later' }, delayInSeconds: 300 }]);
    await site.settle();
    await site.advanceClock(4 * MINUTE);
    expect(await consumed()).toEqual([]);
    await site.advanceClock(2 * MINUTE);
    const [event] = await consumed();
    expect(event?.name).toBe('later');
    expect(Date.parse(event?.at ?? '') - pushedAt).toBeGreaterThanOrEqual(300_000);
    expect(Date.parse(event?.at ?? '') - pushedAt).toBeLessThan(302_000);
  });

  it('runs delayed events and scheduled runs in time order when the clock jumps', async () => {
    const due = site.forge.scheduler.nextDue('every-five-minutes') ?? 0;
    const now = site.clock.now();
    const seconds = (at: number): number => Math.ceil((at - now) / 1000);
    await push([
      { body: { name: 'before the first run' }, delayInSeconds: seconds(due - MINUTE) },
      { body: { name: 'between the runs' }, delayInSeconds: seconds(due + 2 * MINUTE) },
    ]);
    await site.advanceClock(due + 6 * MINUTE - now);
    const timeline = [...(await consumed()).map((event) => ({ what: event.name, at: event.at })), ...(await ticks()).map((tick) => ({ what: 'tick', at: tick.at }))];
    // Each happened at its own instant, so the order of their times is the order they ran in.
    expect(timeline.sort((a, b) => a.at.localeCompare(b.at)).map((entry) => entry.what)).toEqual(['before the first run', 'tick', 'between the runs', 'tick']);
  });

  it('redelivers an event whose consumer returns InvocationError, with its retry context, after the delay it asked for', async () => {
    await push([{ body: { name: 'flaky', failTimes: 2 } }]);
    // Not settle(): that would wait in real time for the redelivery the consumer asked for.
    await site.forge.drain();
    expect((await consumed()).map((event) => event.retryCount)).toEqual([0]);
    await site.advanceClock(31_000);
    await site.advanceClock(31_000);
    const attempts = await consumed();
    expect(attempts.map((event) => event.retryCount)).toEqual([0, 1, 2]);
    expect(new Set(attempts.map((event) => event.eventId)).size).toBe(1);
  });

  it('delivers each queued event twice when duplicate delivery is switched on', async () => {
    await control(site, 'POST', 'faults', { duplicateEvents: true });
    await push([{ body: { name: 'twice' } }]);
    await site.settle();
    expect((await consumed()).map((event) => event.name)).toEqual(['twice', 'twice']);
  });

  it('refuses a push the platform would refuse: a delay over 900 seconds, more than 50 events', async () => {
    await expect(push([{ body: { name: 'too late' }, delayInSeconds: 901 }])).rejects.toThrow(/delayInSeconds/);
    await expect(push(Array.from({ length: 51 }, (_, index) => ({ body: { name: `e${index}` } })))).rejects.toThrow(/50/);
  });

  it('forgets the events of a cancelled push that have not run', async () => {
    const { jobId } = await push([{ body: { name: 'cancelled' }, delayInSeconds: 120 }]);
    await site.forge.runInInvocation({ moduleKey: 'probe-panel' }, () => new Queue({ key: 'probe-queue' }).cancel(jobId));
    await site.advanceClock(5 * MINUTE);
    expect(await consumed()).toEqual([]);
  });

  it('keeps waiting events across a restart and delivers them once, on time', async () => {
    await push([{ body: { name: 'survivor' }, delayInSeconds: 120 }]);
    await site.close();
    site = await open();
    await site.settle();
    expect(await consumed()).toEqual([]);
    await site.advanceClock(3 * MINUTE);
    await site.settle();
    expect((await consumed()).map((event) => event.name)).toEqual(['survivor']);
  });

  it('delivers, at the next start, an event whose delivery a crash interrupted', async () => {
    await site.close();
    // What a site killed mid-delivery leaves behind: the stored delivery of a created-issue event.
    const db = openSiteDatabase(join(folder, 'site.db'), false);
    new JobStore(db).add({
      kind: 'event',
      moduleKey: 'on-created',
      functionKey: 'created',
      payload: { eventType: 'avi:jira:created:issue', issue: { id: '10099', key: 'HOT-99', fields: {} }, atlassianId: 'someone' },
      dueMs: Date.now(),
      duplicates: 0,
    });
    db.close();
    site = await open();
    await site.settle();
    expect(await site.forge.runInInvocation({ moduleKey: 'test-reader' }, () => kvs.get('created'))).toEqual(['HOT-99']);
  });
});
