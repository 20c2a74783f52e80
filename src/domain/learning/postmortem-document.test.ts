import { validator } from '@atlaskit/adf-utils/validator';
import { postmortemDocument, type PostmortemFacts } from './postmortem-document';

const at = (iso: string) => Date.parse(iso);
const names: Record<string, string> = { 'acc-bea': 'Bea Bitbucket', 'acc-tara': 'Tara Techlead', 'acc-cora': 'Cora Comms' };

const facts: PostmortemFacts = {
  key: 'HOT-12',
  summary: 'Git pushes fail',
  url: 'https://example.atlassian.net/browse/HOT-12',
  severityLabel: 'Sev 1',
  faultyService: 'Bitbucket',
  affectedProducts: ['Bitbucket', 'Jira'],
  supportCases: 4,
  impactStart: at('2026-03-02T09:00:00Z'),
  detected: at('2026-03-02T09:12:00Z'),
  impactEnd: at('2026-03-02T10:30:00Z'),
  timeline: [
    { kind: 'theory', id: 't1', at: at('2026-03-02T09:20:00Z'), by: 'acc-tara', text: 'The 09:00 deploy broke pushes' },
    { kind: 'observation', id: 'o1', at: at('2026-03-02T09:15:00Z'), by: 'acc-bea', text: 'Pushes answer 500' },
    { kind: 'change', id: 'c1', at: at('2026-03-02T10:25:00Z'), by: 'acc-bea', what: 'Rolled back the deploy', who: 'acc-tara', revert: 'Deploy again' },
    { kind: 'experiment', id: 'e1', at: at('2026-03-02T09:40:00Z'), by: 'acc-tara', text: 'Push to a canary on the old build', outcome: 'confirmed', theoryId: 't1', concludedAt: at('2026-03-02T09:50:00Z') },
    { kind: 'decision', id: 'd1', at: at('2026-03-02T10:00:00Z'), by: 'acc-bea', text: 'Roll back' },
  ],
  roles: [
    { role: 'incident-manager', accountId: 'acc-bea', startedAt: at('2026-03-02T09:12:00Z'), endedAt: at('2026-03-02T10:00:00Z') },
    { role: 'incident-manager', accountId: 'acc-tara', startedAt: at('2026-03-02T10:00:00Z'), endedAt: at('2026-03-02T10:31:00Z') },
  ],
  communications: [{ kind: 'internal', phase: 'initial', at: at('2026-03-02T09:25:00Z'), by: 'acc-cora' }],
  cleanupTasks: [{ key: 'HOT-13', summary: 'Add a push canary', status: 'To Do' }],
  nameOf: (accountId) => names[accountId] ?? accountId,
};

/** Every text of the document, in order, one string per paragraph. */
function paragraphs(node: unknown): string[] {
  if (typeof node !== 'object' || node === null) return [];
  const record = node as { type?: string; text?: string; content?: unknown[] };
  if (record.type === 'paragraph' || record.type === 'heading') return [(record.content ?? []).map((child) => (child as { text?: string }).text ?? '').join('')];
  return (record.content ?? []).flatMap(paragraphs);
}

describe('the postmortem document', () => {
  it('is valid ADF by Atlassian’s own validator', () => {
    const validate = validator();
    const { valid } = validate(postmortemDocument(facts) as never);
    expect(valid).toBe(true);
  });

  it('states the impact times, TTD and TTR, products and support cases', () => {
    const text = paragraphs(postmortemDocument(facts));
    expect(text).toEqual(
      expect.arrayContaining([
        'Impact start',
        '2026-03-02 09:00 UTC',
        'Detected',
        '2026-03-02 09:12 UTC',
        'Impact end',
        '2026-03-02 10:30 UTC',
        'Time to detect (TTD)',
        '12m',
        'Time to recover (TTR)',
        '1h 30m',
        'Bitbucket, Jira',
        '4',
      ]),
    );
  });

  it('lists the timeline in time order with kinds, times and authors', () => {
    const text = paragraphs(postmortemDocument(facts));
    const timeline = text.slice(text.indexOf('Timeline'), text.indexOf('Roles and handovers'));
    expect(timeline.filter((line) => / UTC$/.test(line))).toEqual(['2026-03-02 09:15 UTC', '2026-03-02 09:20 UTC', '2026-03-02 09:40 UTC', '2026-03-02 10:00 UTC', '2026-03-02 10:25 UTC']);
    expect(timeline).toEqual(
      expect.arrayContaining([
        'Observation',
        'Pushes answer 500',
        'Bea Bitbucket',
        'Theory',
        'Push to a canary on the old build (outcome: confirmed at 2026-03-02 09:50 UTC)',
        'Rolled back the deploy (made by Tara Techlead; revert: Deploy again)',
        'Decision',
      ]),
    );
  });

  it('names roles, the handover, communications sent and cleanup tasks', () => {
    const text = paragraphs(postmortemDocument(facts));
    expect(text).toEqual(
      expect.arrayContaining([
        'Incident Manager: Bea Bitbucket, 2026-03-02 09:12 UTC to 2026-03-02 10:00 UTC',
        'Handover of Incident Manager from Bea Bitbucket to Tara Techlead at 2026-03-02 10:00 UTC',
        '2026-03-02 09:25 UTC: initial internal update by Cora Comms',
        'HOT-13: Add a push canary (To Do)',
      ]),
    );
  });

  it('says what was not recorded instead of leaving sections out', () => {
    const text = paragraphs(postmortemDocument({ ...facts, impactEnd: undefined as never, detected: undefined as never, timeline: [], roles: [], communications: [], cleanupTasks: [] }));
    expect(text).toEqual(
      expect.arrayContaining(['not recorded', 'Nothing was recorded on the incident timeline.', 'No roles were recorded.', 'No communications were recorded by the app.', 'No cleanup tasks are linked yet.']),
    );
  });
});
