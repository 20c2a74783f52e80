/**
 * The admin page's tabs. Five edit the configuration draft, which the page-wide Save bar saves;
 * the others act on their own (handover limits with their own button, overrides and imports at
 * once), so there the bar says so instead of offering a second Save.
 */
import { SECTION_TITLES, type AdminSection } from './field-paths';

export type AdminTab = AdminSection | 'handovers' | 'change-records' | 'on-call' | 'import-export' | 'communications' | 'alert-sources' | 'learning' | 'drills';

export interface AdminTabDefinition {
  readonly section: AdminTab;
  readonly title: string;
  /** What the bar above says on a tab that does not edit the draft: how that tab's changes are kept. */
  readonly savesOnItsOwn?: string;
}

export const ADMIN_TABS: readonly AdminTabDefinition[] = [
  { section: 'general', title: SECTION_TITLES.general },
  { section: 'services', title: SECTION_TITLES.services },
  { section: 'rosters', title: SECTION_TITLES.rosters },
  { section: 'escalation', title: SECTION_TITLES.escalation },
  { section: 'paging', title: SECTION_TITLES.paging },
  { section: 'handovers', title: 'Handovers', savesOnItsOwn: 'Handover limits are saved on their own, with the button below.' },
  { section: 'change-records', title: 'Change records', savesOnItsOwn: 'Change records settings are saved on their own, with the button below.' },
  { section: 'on-call', title: 'On call', savesOnItsOwn: 'Overrides and shifts taken here apply at once.' },
  { section: 'import-export', title: 'Import and export', savesOnItsOwn: 'An import replaces the whole configuration at once.' },
  { section: 'communications', title: 'Communications', savesOnItsOwn: 'Communications settings are saved on their own, with the button below; keys at once.' },
  { section: 'alert-sources', title: 'Alert sources', savesOnItsOwn: 'Each alert source is saved on its own, with its button.' },
  { section: 'learning', title: 'Resolve and learn', savesOnItsOwn: 'Resolve and learn settings are saved on their own, with the button below.' },
  { section: 'drills', title: 'Drills', savesOnItsOwn: 'Scenarios are imported and deleted at once; a drill starts with its button.' },
];

export type DraftBar = { readonly kind: 'save-bar' } | { readonly kind: 'unsaved-reminder' } | { readonly kind: 'note'; readonly text: string };

/**
 * What stands above the tab's content: the Save bar on a tab that edits the draft; on any other tab,
 * a reminder when the draft has unsaved changes (saved from the tab they were made on), else how
 * that tab keeps its changes.
 */
export function draftBarOn(tabIndex: number, dirty: boolean): DraftBar {
  const own = ADMIN_TABS[tabIndex]?.savesOnItsOwn;
  if (own === undefined) return { kind: 'save-bar' };
  return dirty ? { kind: 'unsaved-reminder' } : { kind: 'note', text: own };
}
