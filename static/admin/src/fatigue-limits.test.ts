import { checkFatigueDraft, fatigueDraftFrom, fatigueRoleOf } from './fatigue-limits';

const defaults = { fatigueLimitMinutes: { 'incident-manager': 240 } };
const draft = fatigueDraftFrom({ fatigueLimitMinutes: { 'incident-manager': 240, 'tech-lead': 300 } });

describe('checking the handover limits', () => {
  it('shows the limits in effect and leaves roles without one empty', () => {
    expect(draft).toEqual({ 'incident-manager': '240', 'backup-incident-manager': '', 'tech-lead': '300', 'communications-manager': '' });
  });

  it('sends whole minutes per role, leaving out roles left empty', () => {
    expect(checkFatigueDraft({ ...draft, 'incident-manager': ' 180 ' }, defaults)).toEqual({
      ok: true,
      payload: { fatigueLimitMinutes: { 'incident-manager': 180, 'tech-lead': 300 } },
    });
  });

  it('names every limit out of range or not in whole minutes at once', () => {
    const check = checkFatigueDraft({ 'incident-manager': '29', 'backup-incident-manager': '1441', 'tech-lead': '90.5', 'communications-manager': '4h' }, defaults);
    expect(check).toEqual({
      ok: false,
      errors: {
        'incident-manager': 'Enter between 30 and 1440 minutes (24 hours).',
        'backup-incident-manager': 'Enter between 30 and 1440 minutes (24 hours).',
        'tech-lead': 'Enter whole minutes, e.g. 240 for four hours.',
        'communications-manager': 'Enter whole minutes, e.g. 240 for four hours.',
      },
    });
  });

  it('asks for the incident manager’s limit, offering the default', () => {
    const check = checkFatigueDraft({ ...draft, 'incident-manager': '' }, defaults);
    expect(check.ok ? undefined : check.errors['incident-manager']).toBe('Enter the minutes before an incident manager is prompted to hand over (the default is 240).');
  });

  it('finds the role a backend refusal names, and none for other refusals', () => {
    expect(fatigueRoleOf({ code: 'invalid-input', field: 'fatigueLimitMinutes.tech-lead', message: 'fatigueLimitMinutes.tech-lead: must be at least 30 minutes' })).toBe('tech-lead');
    expect(fatigueRoleOf({ code: 'invalid-input', field: 'fatigueLimitMinutes', message: 'fatigueLimitMinutes: is required' })).toBeUndefined();
    expect(fatigueRoleOf({ code: 'forbidden', message: 'Only Jira administrators may do that' })).toBeUndefined();
  });
});
