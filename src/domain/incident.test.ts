import { ValidationError } from './errors';
import { INCIDENT_FIELD_HELP, encodeIncidentFacts, parseIncidentFacts } from './incident';
import { at } from './testing/generate-incident';
import { thrownBy } from './testing/thrown-by';

const NOW = at(120);
const iso = (minutes: number): string => new Date(at(minutes)).toISOString();

const minimal = {
  key: 'HOT-12',
  summary: 'Checkout fails for EU customers',
  severity: 1,
  faultyService: 'Payments',
  status: 'new',
};

const full = {
  ...minimal,
  description: 'Customers cannot pay. Call me on 555-0100.',
  affectedProducts: ['Jira', 'Confluence'],
  status: 'fixing',
  assignee: 'alice',
  roles: [
    { role: 'incident-manager', accountId: 'alice', startedAt: iso(8) },
    { role: 'communications-manager', accountId: 'dan', scope: 'external', startedAt: iso(20) },
  ],
  impactTimes: { impactStart: iso(-10), detected: iso(0), acknowledged: iso(6) },
  channels: {
    chatRoom: 'https://chat.example.com/HOT-12',
    videoCall: 'https://meet.example.com/hot-12',
    stateDocument: 'https://example.atlassian.net/wiki/x/HOT-12',
  },
  supportCaseCount: 14,
  assessment: [{ questionId: 'customers-affected', answer: { reach: 'some', count: 300 }, answeredAt: iso(25), by: 'alice' }],
  communications: [{ kind: 'internal', phase: 'initial', at: iso(15), by: 'dan', nextUpdateAt: iso(45) }],
  pages: [{ purpose: 'incident-manager', target: 'Payments IMOC', sentAt: iso(1), acknowledgedAt: iso(6), acknowledgedBy: 'alice' }],
  timeline: [{ kind: 'observation', id: 'o1', at: iso(10), by: 'alice', text: 'Error rate 40%' }],
  cleanupIssues: ['HOT-13'],
};

describe('incident facts', () => {
  it('parses a freshly raised incident, defaulting lists and records to empty', () => {
    expect(parseIncidentFacts(minimal, NOW)).toEqual({
      ...minimal,
      affectedProducts: [],
      roles: [],
      impactTimes: {},
      channels: {},
      assessment: [],
      communications: [],
      pages: [],
      timeline: [],
      cleanupIssues: [],
    });
  });

  it('parses every fact, turning ISO instants into epoch milliseconds', () => {
    const facts = parseIncidentFacts(full, NOW);
    expect(facts.impactTimes).toEqual({ impactStart: at(-10), detected: at(0), acknowledged: at(6) });
    expect(facts.roles[1]).toEqual({ role: 'communications-manager', accountId: 'dan', scope: 'external', startedAt: at(20) });
    expect(facts.communications[0]).toEqual({ kind: 'internal', phase: 'initial', at: at(15), by: 'dan', nextUpdateAt: at(45) });
    expect(facts.pages[0]?.acknowledgedAt).toBe(at(6));
    expect(facts.supportCaseCount).toBe(14);
  });

  it('round-trips through its boundary form', () => {
    const facts = parseIncidentFacts(full, NOW);
    const encoded = encodeIncidentFacts(facts);
    expect(encoded.impactTimes).toEqual({
      impactStart: '2024-05-01T09:50:00.000Z',
      detected: '2024-05-01T10:00:00.000Z',
      acknowledged: '2024-05-01T10:06:00.000Z',
    });
    expect(parseIncidentFacts(JSON.parse(JSON.stringify(encoded)), NOW)).toEqual(facts);
  });

  it.each([
    [{ key: 'hot-12' }, 'key', 'must be a Jira issue key such as HOT-12'],
    [{ summary: '' }, 'summary', 'must not be empty'],
    [{ severity: 0 }, 'severity', 'must be 1, 2 or 3'],
    [{ status: 'open' }, 'status', 'must be new, fixing, resolved, closed or cancelled'],
    [{ faultyService: undefined }, 'faultyService', 'is required'],
    [{ channels: { chatRoom: 'slack://HOT-12' } }, 'channels.chatRoom', 'must be an http(s) URL'],
    [{ supportCaseCount: 2.5 }, 'supportCaseCount', 'must be a whole number'],
    [{ cleanupIssues: ['HOT-13', 'cleanup'] }, 'cleanupIssues[1]', 'must be a Jira issue key such as HOT-12'],
    [{ priority: 'High' }, 'priority', 'is not a known field'],
  ])('refuses %j, naming %s', (change, field, reason) => {
    const error = thrownBy(() => parseIncidentFacts({ ...minimal, ...change }, NOW));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field, reason });
  });

  it('refuses impact times out of order', () => {
    expect(thrownBy(() => parseIncidentFacts({ ...minimal, impactTimes: { impactStart: iso(10), detected: iso(5) } }, NOW))).toMatchObject({
      field: 'impactTimes.detected',
    });
  });

  it('refuses inconsistent roles and timelines with their paths', () => {
    const twoIms = [
      { role: 'incident-manager', accountId: 'alice', startedAt: iso(0) },
      { role: 'incident-manager', accountId: 'bob', startedAt: iso(5) },
    ];
    expect(thrownBy(() => parseIncidentFacts({ ...minimal, roles: twoIms }, NOW))).toMatchObject({ field: 'roles[1].startedAt' });
    const orphan = [{ kind: 'experiment', id: 'e1', at: iso(5), by: 'b', text: 'x', theoryId: 't1', outcome: 'pending' }];
    expect(thrownBy(() => parseIncidentFacts({ ...minimal, timeline: orphan }, NOW))).toMatchObject({ field: 'timeline[0].theoryId' });
  });

  it('refuses facts recorded in the future', () => {
    const cases: Array<[object, string]> = [
      [{ roles: [{ role: 'tech-lead', accountId: 'bob', startedAt: iso(130) }] }, 'roles[0].startedAt'],
      [{ assessment: [{ questionId: 'support-cases', answer: 3, answeredAt: iso(130), by: 'a' }] }, 'assessment[0].answeredAt'],
      [{ communications: [{ kind: 'external', phase: 'initial', at: iso(130) }] }, 'communications[0].at'],
      [{ pages: [{ purpose: 'escalation', target: 'DBA', sentAt: iso(130) }] }, 'pages[0].sentAt'],
      [{ pages: [{ purpose: 'escalation', target: 'DBA', sentAt: iso(10), acknowledgedAt: iso(130) }] }, 'pages[0].acknowledgedAt'],
    ];
    for (const [change, field] of cases) {
      expect(thrownBy(() => parseIncidentFacts({ ...minimal, ...change }, NOW))).toMatchObject({ field, reason: expect.stringContaining('future') });
    }
  });

  it('refuses a page acknowledged before it was sent', () => {
    const pages = [{ purpose: 'escalation', target: 'DBA', sentAt: iso(10), acknowledgedAt: iso(9) }];
    expect(thrownBy(() => parseIncidentFacts({ ...minimal, pages }, NOW))).toMatchObject({
      field: 'pages[0].acknowledgedAt',
      reason: 'must not be before the page was sent',
    });
  });

  it("carries the handbook's help text for the fields of every incident", () => {
    expect(INCIDENT_FIELD_HELP.summary).toBe("What's the emergency?");
    expect(INCIDENT_FIELD_HELP.faultyService).toContain('Select "Unknown" if you have no idea.');
  });
});
