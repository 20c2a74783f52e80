/**
 * Paging's promises on the local site, with the emulated clock moving minute by minute: each
 * escalation lands within 30 seconds of its due time (with and without faults), a page answered by
 * one person leaves the other's page escalating, and an unanswered Severity 1 never goes quiet.
 */
import type { ConfigurationDocument } from '../src/contracts/configuration';
import { personId, resolve, rest, startLocalSite, type LocalSite } from './local-site-app';

const MINUTE = 60_000;
const ON_TIME_MS = 30_000;

// The demo's promise: the IMOC is paged when the service IM has not acknowledged within 5 minutes,
// and the IMOC-only policy repeats every 5 minutes.
const fiveMinutePolicies = (document: ConfigurationDocument): ConfigurationDocument => ({ ...document, imoc: { ...document.imoc, ackTimeoutMinutes: 5 } });

async function declare(local: LocalSite, severity: 1 | 2, faultyService: string): Promise<{ key: string; id: string; at: number }> {
  const at = local.site.clock.now();
  const { issueKey } = await resolve<{ issueKey: string }>(local.site, 'declare-incident', 'declareIncident', 'jay.jira@example.com', {
    summary: `${faultyService} is down`,
    description: 'Nothing works.',
    severity,
    faultyService,
    affectedProducts: ['Bitbucket'],
  });
  await local.site.settle();
  const issue = (await rest(local.site, 'admin@example.com', 'GET', `/rest/api/3/issue/${issueKey}?fields=summary`)).body as { id: string };
  return { key: issueKey, id: issue.id, at };
}

/** When each page of an incident reached whom, from the outbox (Jira notifications), in order. */
function pagesOf(local: LocalSite, key: string): { to: string; at: number; subject: string }[] {
  return local.site.outbox
    .list({ channel: 'jira-notification' })
    .filter((entry) => (entry.subject ?? '').includes(`${key}:`))
    .map((entry) => ({ to: entry.to, at: Date.parse(entry.at), subject: entry.subject ?? '' }));
}

async function minutesPass(local: LocalSite, minutes: number): Promise<void> {
  for (let minute = 0; minute < minutes; minute += 1) await local.site.advanceClock(MINUTE);
  await local.site.forge.drain();
}

describe('escalation on time on the local site', () => {
  let local: LocalSite;

  afterEach(async () => {
    await local.stop();
  });

  for (const faults of [false, true]) {
    it(`escalates each unacknowledged incident within 30 seconds of its due time${faults ? ', with 429s, 5xx and duplicate events' : ''}`, async () => {
      local = await startLocalSite(fiveMinutePolicies);
      if (faults) local.site.faults.configure({ duplicateEvents: true, jira: { rate429: 0.15, rate5xx: 0.15 }, retryAfterSeconds: 1, seed: 11 });
      const bitbucket = await declare(local, 1, 'Bitbucket');
      const unknown = await declare(local, 2, 'Unknown');
      const confluence = await declare(local, 1, 'Confluence');

      await minutesPass(local, 21);

      // Bitbucket: its IM at once, the IMOC 5 minutes later (then the IMOC policy's own repeats).
      const [first, second] = pagesOf(local, bitbucket.key);
      expect([first?.to, second?.to]).toEqual(['bea.bitbucket@example.com', 'imogen.imoc@example.com']);
      expect(Math.abs((second?.at ?? 0) - ((first?.at ?? 0) + 5 * MINUTE))).toBeLessThanOrEqual(ON_TIME_MS);
      const [confluenceFirst, confluenceSecond] = pagesOf(local, confluence.key);
      expect(Math.abs((confluenceSecond?.at ?? 0) - ((confluenceFirst?.at ?? 0) + 5 * MINUTE))).toBeLessThanOrEqual(ON_TIME_MS);

      // Unknown: the IMOC, repeated every 5 minutes, and then kept paging: every gap is 5 minutes, give or take 30 seconds.
      const imocPages = pagesOf(local, unknown.key).filter((page) => page.to === 'imogen.imoc@example.com');
      expect(imocPages.length).toBeGreaterThanOrEqual(4);
      for (let index = 1; index < imocPages.length; index += 1) {
        const gap = (imocPages[index]?.at ?? 0) - (imocPages[index - 1]?.at ?? 0);
        expect(Math.abs(gap - 5 * MINUTE)).toBeLessThanOrEqual(ON_TIME_MS);
      }
    }, 120_000);
  }
});

describe('acknowledgement per page and never silent on the local site', () => {
  let local: LocalSite;

  afterEach(async () => {
    await local.stop();
  });

  it('lets one of two paged people acknowledge while the other’s page still escalates on time', async () => {
    local = await startLocalSite(fiveMinutePolicies);
    const incident = await declare(local, 1, 'Bitbucket');
    // The IM asks the Confluence team too: a second page, on its own escalation.
    await resolve(
      local.site,
      'incident-cockpit',
      'escalateIncident',
      'bea.bitbucket@example.com',
      { target: { kind: 'roster', rosterId: 'confluence' }, reason: 'Attachments live in Confluence', requestId: 'req-two-people-1' },
      { issue: { id: incident.id, key: incident.key } },
    );
    await local.site.settle();
    const escalatedAt = local.site.clock.now();

    // Cal (Confluence) acknowledges his own page; Bea's page is not touched by it.
    const status = await resolve<{ episodes: { id: string; state: string; acknowledgedBy?: string }[] }>(
      local.site,
      'incident-cockpit',
      'acknowledgePage',
      'cal.confluence@example.com',
      {},
      { issue: { id: incident.id, key: incident.key } },
    );
    expect(status.episodes.map((episode) => episode.state)).toEqual(['paging', 'acknowledged']);
    expect(status.episodes[1]?.acknowledgedBy).toBe(personId(local.site, 'cal.confluence@example.com'));

    await minutesPass(local, 11);

    const pages = pagesOf(local, incident.key);
    const imoc = pages.filter((page) => page.to === 'imogen.imoc@example.com');
    // Bea's page escalated to the IMOC at +5 minutes; Cal's acknowledged page escalated nowhere.
    expect(imoc.length).toBeGreaterThanOrEqual(1);
    expect(Math.abs((imoc[0]?.at ?? 0) - (incident.at + 5 * MINUTE))).toBeLessThanOrEqual(ON_TIME_MS + (escalatedAt - incident.at));
    expect(pages.filter((page) => page.to === 'cal.confluence@example.com')).toHaveLength(1);
    expect(imoc.every((page) => !page.subject.includes('Confluence'))).toBe(true);
  }, 120_000);

  it('keeps paging an unanswered Severity 1 after its policy ran out and alerts the fallback team, until someone acknowledges', async () => {
    local = await startLocalSite((document) => ({ ...fiveMinutePolicies(document), paging: { ...document.paging, fallbackRosterId: 'confluence' } }));
    const incident = await declare(local, 1, 'Unknown');

    // The IMOC-only policy: three rounds (0, +5, +10), then at +15 the IMOC again and the fallback team.
    await minutesPass(local, 21);

    const pages = pagesOf(local, incident.key);
    expect(pages.filter((page) => page.to === 'cal.confluence@example.com').length).toBeGreaterThanOrEqual(2);
    expect(pages.filter((page) => page.to === 'imogen.imoc@example.com').length).toBeGreaterThanOrEqual(5);
    const comments = JSON.stringify((await rest(local.site, 'admin@example.com', 'GET', `/rest/api/3/issue/${incident.key}/comment`)).body);
    expect(comments).toContain('paging continues');
    const status = await resolve<{ episodes: { state: string; unanswered?: { repeats: number } }[] }>(
      local.site,
      'incident-cockpit',
      'getPagingStatus',
      'imogen.imoc@example.com',
      {},
      { issue: { id: incident.id, key: incident.key } },
    );
    expect(status.episodes[0]).toMatchObject({ state: 'paging', unanswered: { repeats: expect.any(Number) } });

    await resolve(local.site, 'incident-cockpit', 'acknowledgePage', 'imogen.imoc@example.com', {}, { issue: { id: incident.id, key: incident.key } });
    const before = pagesOf(local, incident.key).length;
    await minutesPass(local, 20);
    expect(pagesOf(local, incident.key)).toHaveLength(before);
  }, 120_000);
});
