import { ValidationError } from '../errors';
import { thrownBy } from '../testing/thrown-by';
import { emptyUpdateDraft, parseUpdateDraft } from './update-draft';

describe('update drafts from the UI', () => {
  it('fills missing parts with empty values so the check can name them', () => {
    expect(parseUpdateDraft({})).toEqual(emptyUpdateDraft());
    expect(parseUpdateDraft({ opening: 'Hi.', nextUpdate: { at: '11:30' } })).toEqual({ ...emptyUpdateDraft(), opening: 'Hi.', nextUpdate: { at: '11:30' } });
  });

  it('refuses parts of the wrong type or unknown parts, naming them', () => {
    const error = thrownBy(() => parseUpdateDraft({ currentStatus: 'all good' }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field: 'draft.currentStatus' });
    expect(thrownBy(() => parseUpdateDraft({ affectedCustomers: { partners: '3' } }))).toMatchObject({
      field: 'draft.affectedCustomers.partners',
      reason: 'is not a known field',
    });
    expect(thrownBy(() => parseUpdateDraft({ opening: 'x'.repeat(4001) }))).toMatchObject({
      field: 'draft.opening',
      reason: 'must be at most 4000 characters',
    });
  });
});
