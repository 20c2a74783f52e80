import { draftFieldOf, draftOf, payloadOf } from './learning-draft';

const view = {
  cleanup: { projectKey: 'HOT', issueType: 'Task' },
  postmortem: { projectKey: 'PM', issueType: 'Postmortem', dueBusinessDays: { '1': 5, '2': 10, '3': 20 }, sev3Exempt: true },
} as const;

describe('the Resolve and learn settings form', () => {
  it('saves back exactly what it loaded', () => {
    expect(payloadOf(draftOf(view))).toEqual(view);
  });

  it('reads project keys in capitals and an empty key as not chosen', () => {
    const payload = payloadOf({ ...draftOf(view), cleanupProject: ' hot ', postmortemProject: '' });
    expect(payload.cleanup.projectKey).toBe('HOT');
    expect('projectKey' in payload.postmortem).toBe(false);
  });

  it('sends a due-days field that is not a number as such, for the backend to name', () => {
    expect(payloadOf({ ...draftOf(view), due1: 'five' }).postmortem.dueBusinessDays['1']).toBeNaN();
  });

  it('shows a backend error under the field it names', () => {
    expect(draftFieldOf('postmortem.dueBusinessDays.1')).toBe('due1');
    expect(draftFieldOf('cleanup.projectKey')).toBe('cleanupProject');
    expect(draftFieldOf(undefined)).toBeUndefined();
  });
});
