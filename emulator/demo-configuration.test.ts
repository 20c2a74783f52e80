import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedDemoConfiguration } from './demo-configuration';
import { createSite, type Site } from './site';

describe('the demo organisation on a new local site', () => {
  let site: Site;
  let folder: string;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'demo-configuration-'));
    site = await createSite({ dbPath: join(folder, 'site.db'), port: 0, fresh: true, tickMs: 0 });
    await seedDemoConfiguration(site);
  });

  afterAll(async () => {
    await site.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const accountId = (email: string): string => site.jira.userByEmail(email)?.accountId ?? '';

  it('pages the on-call Bitbucket incident manager when a Sev 1 Bitbucket incident is declared', async () => {
    const since = site.outbox.list().at(-1)?.seq ?? 0;
    const declared = (await site.forge.invokeResolver({
      moduleKey: 'declare-incident',
      functionKey: 'declareIncident',
      accountId: accountId('jay.jira@example.com'),
      payload: { summary: 'Git pushes fail', description: 'Every push answers 500. Call Jay.', severity: 1, faultyService: 'Bitbucket', affectedProducts: ['Bitbucket'] },
    })) as { ok: boolean; value: { issueKey: string } };
    expect(declared.ok).toBe(true);
    await site.settle();
    const pages = site.outbox.list().filter((entry) => entry.seq > since && entry.channel === 'jira-notification');
    const bitbucketIms = ['bea.bitbucket@example.com', 'ben.bitbucket@example.com'];
    expect(pages).toHaveLength(1);
    expect(bitbucketIms).toContain(pages[0]?.to);
    expect(pages[0]?.subject).toContain(declared.value.issueKey);
  });

  it('shows every roster with someone on call now and next on the admin page', async () => {
    const onCall = (await site.forge.invokeResolver({ moduleKey: 'incident-settings', functionKey: 'getOnCall', accountId: accountId('admin@example.com'), payload: {} })) as {
      ok: boolean;
      value: { rosters: { rosterName: string; now: { accountId: string } | null; next: { accountId: string } | null }[] };
    };
    expect(onCall.ok).toBe(true);
    expect(onCall.value.rosters.map((roster) => roster.rosterName).sort()).toEqual(
      ['Bitbucket incident managers', 'Confluence incident managers', 'Incident manager on call (IMOC)', 'Jira Cloud incident managers'].sort(),
    );
    for (const roster of onCall.value.rosters) {
      expect(roster.now).not.toBeNull();
      expect(roster.next).not.toBeNull();
    }
  });

  it('shows the Bitbucket deployment made before the impact start as a rollback candidate in the issue panel', async () => {
    const declared = (await site.forge.invokeResolver({
      moduleKey: 'declare-incident',
      functionKey: 'declareIncident',
      accountId: accountId('bea.bitbucket@example.com'),
      payload: {
        summary: 'Pull request diffs time out',
        description: 'Diffs of large pull requests answer 504. Call Bea.',
        severity: 2,
        faultyService: 'Bitbucket',
        affectedProducts: ['Bitbucket'],
        impactStart: new Date(site.clock.now() - 30 * 60_000).toISOString(),
      },
    })) as { ok: boolean; value: { issueKey: string; issueId: string } };
    expect(declared.ok).toBe(true);
    const answer = (await site.forge.invokeResolver({
      moduleKey: 'incident-cockpit',
      functionKey: 'getRecentChanges',
      accountId: accountId('bea.bitbucket@example.com'),
      payload: {},
      extension: { issue: { key: declared.value.issueKey, id: declared.value.issueId, type: 'Incident' } },
    })) as { ok: boolean; value: { available: boolean; changes: { summary: string; kind: string; minutesFromImpactStart: number; url: string }[] } };
    expect(answer.ok).toBe(true);
    expect(answer.value.available).toBe(true);
    expect(answer.value.changes).toEqual([
      expect.objectContaining({ summary: 'Deploy bitbucket-web 8.14.2 (pull request diff cache)', kind: 'Deployment', url: expect.stringMatching(/\/browse\/CHG-\d+$/) }),
    ]);
    expect(answer.value.changes[0]?.minutesFromImpactStart).toBeLessThan(0);
  });
});
