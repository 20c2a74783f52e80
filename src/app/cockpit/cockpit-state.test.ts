import { cockpitPrefix, encode, stateFrom, stateKeys } from './cockpit-state';

describe('cockpit state', () => {
  it('skips a damaged entry instead of failing the whole panel', () => {
    const note = { kind: 'note' as const, id: 'n1', at: Date.parse('2026-03-02T09:00:00Z'), by: 'acc-alice', text: 'Took command' };
    const state = stateFrom('10042', [
      { key: stateKeys.timeline('10042', note.at, note.id), value: encode.timeline(note) },
      { key: `${cockpitPrefix('10042')}tl:000-broken`, value: { kind: 'observation' } },
      { key: `${cockpitPrefix('10042')}room`, value: 'not a room' },
    ]);

    expect(state.timeline).toEqual([note]);
    expect(state.room).toBeUndefined();
  });

  it('ignores entries of other incidents', () => {
    const note = { kind: 'note' as const, id: 'n1', at: 0, by: 'acc-alice', text: 'Elsewhere' };

    expect(stateFrom('10042', [{ key: stateKeys.timeline('10043', 0, 'n1'), value: encode.timeline(note) }]).timeline).toEqual([]);
  });
});
