import { appendFileSync, copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSite, type Site } from './site';
import { control, createIssue, demoUser, jiraJson, probeManifest, probeSrc } from './test-fixtures/test-site';
import { kvs } from '@forge/kvs';

describe('restarting the site', () => {
  let folder: string;
  let dbPath: string;
  const open = (fresh = false): Promise<Site> => createSite({ dbPath, port: 0, manifestPath: probeManifest, srcDir: probeSrc, tickMs: 0, fresh });

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'local-site-restart-'));
    dbPath = join(folder, 'site.db');
  });

  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('keeps issues, comments, stored values, outbox entries and the clock across a restart', async () => {
    const first = await open();
    const email = demoUser(first).emailAddress;
    const key = await createIssue(first, email, 'Survives a restart');
    await jiraJson(first, email, 'POST', `/rest/api/3/issue/${key}/comment`, {
      body: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Still here' }] }] },
    });
    await first.forge.runInInvocation({ moduleKey: 'test-writer' }, () => kvs.set('kept', { yes: true }));
    await control(first, 'POST', 'invoke', {
      moduleKey: 'probe-panel',
      functionKey: 'page',
      payload: { routing_key: 'restart-key', event_action: 'trigger', payload: { summary: 'x', severity: 'info', source: 'x' } },
    });
    await control(first, 'POST', 'clock', { advance: 'P2D' });
    await first.settle();
    const installs = first.forge.invocations.list().filter((record) => record.trigger === 'lifecycle').length;
    await first.close();

    const second = await open();
    try {
      expect((await jiraJson(second, email, 'GET', `/rest/api/3/issue/${key}`)).body).toMatchObject({ key, fields: { summary: 'Survives a restart' } });
      const comments = (await jiraJson(second, email, 'GET', `/rest/api/3/issue/${key}/comment`)).body as { comments: unknown[] };
      expect(comments.comments).toHaveLength(1);
      expect(await second.forge.runInInvocation({ moduleKey: 'test-reader' }, () => kvs.get('kept'))).toEqual({ yes: true });
      expect(second.outbox.list({ to: 'restart-key' })).toHaveLength(1);
      expect(second.clock.now()).toBeGreaterThan(performance.timeOrigin + performance.now() + 86_400_000);
      await second.settle();
      // Installing happens once; a restart with the same manifest fires nothing.
      expect(second.forge.invocations.list().filter((record) => record.trigger === 'lifecycle')).toHaveLength(installs);
    } finally {
      await second.close();
    }
  });

  it('starts empty with fresh', async () => {
    const first = await open();
    await first.forge.runInInvocation({ moduleKey: 'test-writer' }, () => kvs.set('kept', 1));
    await first.close();
    const second = await open(true);
    try {
      expect(await second.forge.runInInvocation({ moduleKey: 'test-reader' }, () => kvs.get('kept'))).toBeUndefined();
    } finally {
      await second.close();
    }
  });

  it('fires avi:forge:upgraded:app when the manifest changed since the last start', async () => {
    const manifestPath = join(folder, 'manifest.yml');
    copyFileSync(probeManifest, manifestPath);
    const openWith = (): Promise<Site> => createSite({ dbPath, port: 0, manifestPath, srcDir: probeSrc, tickMs: 0 });
    const first = await openWith();
    await first.settle();
    expect(await first.forge.runInInvocation({ moduleKey: 'test-reader' }, () => kvs.get('installed'))).toBe('avi:forge:installed:app');
    await first.close();
    appendFileSync(manifestPath, '# a new version\n');
    const second = await openWith();
    try {
      await second.settle();
      expect(await second.forge.runInInvocation({ moduleKey: 'test-reader' }, () => kvs.get('installed'))).toBe('avi:forge:upgraded:app');
    } finally {
      await second.close();
    }
  });
});
