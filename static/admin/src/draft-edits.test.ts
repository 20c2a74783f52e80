import { sampleConfiguration } from './admin-fixtures';
import { adoptOverrides, freshId, isDirty, localInputToIso, newRoster, removePolicy, removeRoster, shiftParts, todayIn, withOptional } from './draft-edits';

describe('removing a roster', () => {
  const doc = removeRoster(sampleConfiguration(), 0);

  it('lets its services fall back to the IMOC', () => {
    expect(doc.services[0]).toEqual({ name: 'Bitbucket', owningTeam: 'Bitbucket' });
  });

  it('stops escalation policies paging it', () => {
    expect(doc.escalationPolicies[0]?.levels[0]?.targets).toEqual([]);
  });

  it('drops its paging channel', () => {
    expect(doc.paging.rosterChannels).toEqual({});
  });

  it('clears the IMOC when the IMOC roster goes', () => {
    expect(removeRoster(sampleConfiguration(), 1).imoc).toEqual({ ackTimeoutMinutes: 15 });
  });
});

describe('removing an escalation policy', () => {
  it('sends its rosters back to the default "this roster, then the IMOC"', () => {
    expect(removePolicy(sampleConfiguration(), 0).rosters[0]).not.toHaveProperty('escalationPolicyId');
  });
});

describe('new parts of the configuration', () => {
  it('gives a new roster an id no other roster has and a weekly layer in the admin\'s zone', () => {
    const roster = newRoster({ ...sampleConfiguration(), rosters: [...sampleConfiguration().rosters, { ...sampleConfiguration().rosters[1]!, id: 'roster-3' }] }, 'Asia/Tokyo', '2026-11-27');
    expect(roster.id).toBe('roster-4');
    expect(roster.layers).toEqual([{ participants: [], shiftLength: { days: 7, hours: 0 }, handoffTime: '09:00', timeZone: 'Asia/Tokyo', startDate: '2026-11-27' }]);
  });

  it('counts on from the number of existing ids', () => {
    expect(freshId('policy', ['policy-2'])).toBe('policy-3');
  });
});

describe('small conversions', () => {
  it('leaves out an optional property set to nothing', () => {
    expect(withOptional({ name: 'A', rosterId: 'x' }, 'rosterId', undefined)).toEqual({ name: 'A' });
  });

  it('reads ISO durations and objects as days and hours', () => {
    expect([shiftParts('P1W'), shiftParts('P1DT12H'), shiftParts({ hours: 12 })]).toEqual([
      { days: 7, hours: 0 },
      { days: 1, hours: 12 },
      { days: 0, hours: 12 },
    ]);
  });

  it('gives today\'s date in the named time zone', () => {
    const lateEveningUtc = Date.parse('2026-11-27T23:30:00Z');
    expect([todayIn('UTC', lateEveningUtc), todayIn('Asia/Tokyo', lateEveningUtc)]).toEqual(['2026-11-27', '2026-11-28']);
  });

  it('turns a complete local date-time into an instant and refuses a partial one', () => {
    expect(localInputToIso('2026-11-27T10:30')).toMatch(/^2026-11-2\dT\d{2}:30:00\.000Z$/);
    expect(localInputToIso('2026-11-27')).toBeUndefined();
  });
});

describe('unsaved changes', () => {
  it('notices a changed owning team', () => {
    const saved = sampleConfiguration();
    expect(isDirty({ ...saved, services: [{ ...saved.services[0]!, owningTeam: 'Git' }, ...saved.services.slice(1)] }, saved)).toBe(true);
    expect(isDirty(sampleConfiguration(), saved)).toBe(false);
  });

  it('takes a roster\'s new overrides without losing other unsaved edits', () => {
    const draft = { ...sampleConfiguration(), products: ['Edited'] };
    const fresh = sampleConfiguration();
    const withOverride = { ...fresh, rosters: fresh.rosters.map((roster, index) => (index === 0 ? { ...roster, overrides: [{ accountId: 'ben', start: 'a', end: 'b' }] } : roster)) };
    const adopted = adoptOverrides(draft, withOverride, 'bitbucket');
    expect(adopted.products).toEqual(['Edited']);
    expect(adopted.rosters[0]?.overrides).toEqual([{ accountId: 'ben', start: 'a', end: 'b' }]);
  });
});
