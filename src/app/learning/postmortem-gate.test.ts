import type { IssueLinkRecord } from '../cockpit/incident-record';
import { DEFAULT_LEARNING_SETTINGS, dueDaysFor, learningSettingsFrom, LINK_TYPES, type LearningSettings } from './learning-settings';
import { cleanupLinks, closeRefusal, postmortemLink } from './postmortem-gate';

const settings: LearningSettings = { ...DEFAULT_LEARNING_SETTINGS, cleanup: { projectKey: 'HOT', issueType: 'Task' }, postmortem: { ...DEFAULT_LEARNING_SETTINGS.postmortem, projectKey: 'PM' } };

const link = (key: string, typeName: string, issueTypeName: string): IssueLinkRecord => ({
  typeName,
  direction: 'outward',
  key,
  summary: key,
  statusName: 'To Do',
  statusCategory: 'new',
  issueTypeName,
});

describe('closing an incident', () => {
  it('is refused without a postmortem, saying where to create it', () => {
    expect(closeRefusal({ key: 'HOT-12', severity: 1, links: [link('HOT-13', LINK_TYPES.cleanup.name, 'Task')] }, settings)).toBe(
      'HOT-12 cannot be closed until its postmortem exists: create it from the Resolve tab of the incident\'s "Incident response" panel (it goes to project PM), or link a Postmortem issue to it.',
    );
  });

  it('is allowed once the postmortem is linked by the app', () => {
    expect(closeRefusal({ key: 'HOT-12', severity: 1, links: [link('PM-1', LINK_TYPES.postmortem.name, 'Postmortem')] }, settings)).toBeUndefined();
  });

  it('counts a postmortem linked by hand with any link type, when it is of the postmortem type in the postmortem project', () => {
    expect(postmortemLink([link('PM-4', 'Relates', 'Postmortem')], settings)?.key).toBe('PM-4');
    expect(postmortemLink([link('HOT-4', 'Relates', 'Postmortem')], settings)).toBeUndefined();
  });

  it('lets a Sev 3 close without one only when the administrator exempted them', () => {
    expect(closeRefusal({ key: 'HOT-12', severity: 3, links: [] }, settings)).toBeDefined();
    expect(closeRefusal({ key: 'HOT-12', severity: 3, links: [] }, { ...settings, postmortem: { ...settings.postmortem, sev3Exempt: true } })).toBeUndefined();
    expect(closeRefusal({ key: 'HOT-12', links: [] }, { ...settings, postmortem: { ...settings.postmortem, sev3Exempt: true } })).toBeDefined();
  });

  it('lists only the cleanup-linked issues as cleanup tasks', () => {
    expect(cleanupLinks([link('HOT-13', 'Incident cleanup', 'Task'), link('HOT-14', 'Blocks', 'Task')]).map((task) => task.key)).toEqual(['HOT-13']);
  });
});

describe('the resolve and learn settings', () => {
  it('fall back to the defaults when damaged, and give the most severe due days without a severity', () => {
    expect(learningSettingsFrom({ cleanup: 'HOT' })).toEqual(DEFAULT_LEARNING_SETTINGS);
    expect(dueDaysFor(DEFAULT_LEARNING_SETTINGS, undefined)).toBe(5);
    expect(dueDaysFor(DEFAULT_LEARNING_SETTINGS, 2)).toBe(10);
  });
});
