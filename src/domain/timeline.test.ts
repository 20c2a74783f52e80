import { RuleViolation, ValidationError } from './errors';
import { at } from './testing/generate-incident';
import { thrownBy } from './testing/thrown-by';
import {
  chronological,
  concludeExperiment,
  confirmedTheories,
  openStreams,
  parseTimeline,
  parseTimelineEntry,
  validateTimeline,
  type TimelineEntry,
} from './timeline';

const NOW = at(120);
const iso = (minutes: number): string => new Date(at(minutes)).toISOString();

const observation: TimelineEntry = { kind: 'observation', id: 'o1', at: at(5), by: 'alice', text: 'Error rate 40% in eu-west' };
const theory: TimelineEntry = { kind: 'theory', id: 't1', at: at(10), by: 'bob', text: 'Regional provider fault' };
const otherTheory: TimelineEntry = { kind: 'theory', id: 't2', at: at(12), by: 'bob', text: 'Bad deploy' };
const experiment = (outcome: 'pending' | 'confirmed' | 'disproved' | 'inconclusive', id = 'e1', theoryId = 't1'): TimelineEntry => ({
  kind: 'experiment',
  id,
  at: at(15),
  by: 'bob',
  text: 'Fail over to us-east',
  theoryId,
  outcome,
  ...(outcome === 'pending' ? {} : { concludedAt: at(25) }),
});

describe('timeline entries', () => {
  it('parses every kind, time-stamped and attributed', () => {
    const entries = parseTimeline(
      [
        { kind: 'observation', id: 'o1', at: iso(5), by: 'alice', text: 'Error rate 40%' },
        { kind: 'theory', id: 't1', at: iso(10), by: 'bob', text: 'Provider fault' },
        { kind: 'experiment', id: 'e1', at: iso(15), by: 'bob', text: 'Fail over', theoryId: 't1', outcome: 'pending' },
        { kind: 'decision', id: 'd1', at: iso(16), by: 'alice', text: 'Fail over EU traffic' },
        { kind: 'change', id: 'c1', at: iso(17), by: 'alice', what: 'DNS weight eu-west 0%', who: 'bob', revert: 'Set weight to 100%' },
        { kind: 'note', id: 'n1', at: iso(18), by: 'alice', text: 'Status page updated' },
      ],
      NOW,
    );
    expect(entries.map((e) => e.kind)).toEqual(['observation', 'theory', 'experiment', 'decision', 'change', 'note']);
    expect(entries[4]).toEqual({ kind: 'change', id: 'c1', at: at(17), by: 'alice', what: 'DNS weight eu-west 0%', who: 'bob', revert: 'Set weight to 100%' });
  });

  it('refuses an unknown kind, empty text and a missing author', () => {
    expect(thrownBy(() => parseTimelineEntry({ kind: 'rumour', id: 'x', at: iso(1), by: 'a', text: 'hm' }, NOW))).toMatchObject({
      name: 'ValidationError',
      field: 'entry.kind',
    });
    expect(thrownBy(() => parseTimelineEntry({ kind: 'note', id: 'x', at: iso(1), by: 'a', text: '  ' }, NOW))).toMatchObject({
      field: 'entry.text',
      reason: 'must not be empty',
    });
    expect(thrownBy(() => parseTimelineEntry({ kind: 'note', id: 'x', at: iso(1), text: 'hm' }, NOW))).toMatchObject({
      field: 'entry.by',
      reason: 'is required',
    });
  });

  it('refuses an entry in the future beyond the clock skew', () => {
    expect(thrownBy(() => parseTimelineEntry({ kind: 'note', id: 'x', at: iso(130), by: 'a', text: 'hm' }, NOW))).toMatchObject({
      field: 'entry.at',
      reason: 'must not be in the future (2024-05-01 12:10 UTC is after 2024-05-01 12:00 UTC)',
    });
    expect(parseTimelineEntry({ kind: 'note', id: 'x', at: iso(121), by: 'a', text: 'hm' }, NOW).at).toBe(at(121));
  });

  it('refuses a conclusion time on a pending experiment, before the start, or in the future', () => {
    const base = { kind: 'experiment', id: 'e', at: iso(15), by: 'b', text: 'Try' };
    expect(thrownBy(() => parseTimelineEntry({ ...base, outcome: 'pending', concludedAt: iso(20) }, NOW))).toMatchObject({
      field: 'entry.concludedAt',
      reason: 'must be absent while the experiment is pending',
    });
    expect(thrownBy(() => parseTimelineEntry({ ...base, outcome: 'confirmed', concludedAt: iso(10) }, NOW))).toMatchObject({
      field: 'entry.concludedAt',
      reason: 'must not be before the experiment started',
    });
    expect(thrownBy(() => parseTimelineEntry({ ...base, outcome: 'confirmed', concludedAt: iso(200) }, NOW))).toMatchObject({
      field: 'entry.concludedAt',
      reason: 'must not be in the future',
    });
  });

  it('refuses duplicate ids and experiments testing a theory that is not on the timeline', () => {
    expect(thrownBy(() => validateTimeline([observation, { ...theory, id: 'o1' }], NOW))).toMatchObject({
      field: 'timeline[1].id',
      reason: 'duplicates timeline[0].id',
    });
    const error = thrownBy(() => validateTimeline([observation, experiment('pending', 'e1', 't9')], NOW));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field: 'timeline[1].theoryId', reason: '"t9" is not a theory on this timeline' });
  });

  it('orders entries by time', () => {
    expect(chronological([theory, observation]).map((e) => e.id)).toEqual(['o1', 't1']);
  });
});

describe('open streams of work', () => {
  it('counts an untested theory as open', () => {
    expect(openStreams([observation, theory])).toEqual([
      { kind: 'theory-untested', theory, description: 'Theory "Regional provider fault" is untested' },
    ]);
  });

  it('counts a pending experiment once, together with the theory it tests', () => {
    const pending = experiment('pending');
    expect(openStreams([theory, pending])).toEqual([
      {
        kind: 'experiment-pending',
        experiment: pending,
        theory,
        description: 'Experiment "Fail over to us-east" is pending (testing theory "Regional provider fault")',
      },
    ]);
  });

  it('closes a theory once an experiment confirms or disproves it', () => {
    expect(openStreams([theory, experiment('confirmed')])).toEqual([]);
    expect(openStreams([theory, experiment('disproved')])).toEqual([]);
  });

  it('keeps a theory open when its experiments were only inconclusive', () => {
    expect(openStreams([theory, experiment('inconclusive')]).map((s) => s.description)).toEqual([
      'Theory "Regional provider fault" is untested (experiments so far were inconclusive)',
    ]);
  });

  it('lists a free-standing pending experiment and orders streams oldest first', () => {
    const loose: TimelineEntry = { kind: 'experiment', id: 'e2', at: at(11), by: 'bob', text: 'Restart pods', outcome: 'pending' };
    expect(openStreams([otherTheory, loose, theory]).map((s) => s.description)).toEqual([
      'Theory "Regional provider fault" is untested',
      'Experiment "Restart pods" is pending',
      'Theory "Bad deploy" is untested',
    ]);
  });
});

describe('concluding experiments', () => {
  it('records the outcome and when it was reached', () => {
    const entries = concludeExperiment([theory, experiment('pending')], 'e1', 'confirmed', at(30));
    expect(entries[1]).toMatchObject({ outcome: 'confirmed', concludedAt: at(30) });
    expect(confirmedTheories(entries)).toEqual([{ theory, confirmedAt: at(30) }]);
  });

  it('refuses an unknown experiment, one already concluded, or a conclusion before it started', () => {
    expect(thrownBy(() => concludeExperiment([theory], 'e1', 'confirmed', at(30)))).toMatchObject({ rule: 'no-such-experiment' });
    const concluded = thrownBy(() => concludeExperiment([theory, experiment('disproved')], 'e1', 'confirmed', at(30)));
    expect(concluded).toBeInstanceOf(RuleViolation);
    expect(concluded).toMatchObject({ reason: 'Experiment "Fail over to us-east" was already concluded as disproved.' });
    expect(thrownBy(() => concludeExperiment([theory, experiment('pending')], 'e1', 'confirmed', at(1)))).toMatchObject({
      name: 'ValidationError',
      field: 'concludedAt',
    });
  });
});
