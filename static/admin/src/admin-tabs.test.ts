import { ADMIN_TABS, draftBarOn } from './admin-tabs';

const indexOf = (section: string) => ADMIN_TABS.findIndex((tab) => tab.section === section);

describe('the configuration Save bar across the admin page tabs', () => {
  it('stands above every tab that edits the configuration, saved or not', () => {
    for (const section of ['general', 'services', 'rosters', 'escalation', 'paging']) {
      expect([draftBarOn(indexOf(section), false), draftBarOn(indexOf(section), true)]).toEqual([{ kind: 'save-bar' }, { kind: 'save-bar' }]);
    }
  });

  it('gives way on the Handovers tab, which has its own Save button, to a note saying so', () => {
    expect(draftBarOn(indexOf('handovers'), false)).toEqual({ kind: 'note', text: 'Handover limits are saved on their own, with the button below.' });
  });

  it('leaves only a reminder on the Handovers, On call and Import tabs when other tabs have unsaved changes', () => {
    expect(['handovers', 'on-call', 'import-export'].map((section) => draftBarOn(indexOf(section), true).kind)).toEqual(['unsaved-reminder', 'unsaved-reminder', 'unsaved-reminder']);
  });
});
