import { history } from './jira';

describe('an issue’s change history as the web client reads it', () => {
  it('reads a cleared value’s entry without toString as cleared, not as the inherited Object.prototype.toString', () => {
    const parsed = history.parse({ id: '1', created: '2026-12-06T04:38:00.000+0000', items: [{ field: 'Tech lead', fieldId: 'customfield_10003', fromString: 'Tara Techlead' }] });
    expect(parsed.items[0]).toMatchObject({ field: 'Tech lead', fromString: 'Tara Techlead', toString: null });
  });
});
