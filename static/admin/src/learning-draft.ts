/** The "Resolve and learn" tab's form: what it edits as text, and the settings it saves from it. */
import type { LearningSettingsView, SaveLearningSettingsPayload } from '../../../src/contracts/resolution';

export interface LearningDraft {
  readonly cleanupProject: string;
  readonly cleanupIssueType: string;
  readonly postmortemProject: string;
  readonly postmortemIssueType: string;
  readonly due1: string;
  readonly due2: string;
  readonly due3: string;
  readonly sev3Exempt: boolean;
}

export function draftOf(view: LearningSettingsView): LearningDraft {
  return {
    cleanupProject: view.cleanup.projectKey ?? '',
    cleanupIssueType: view.cleanup.issueType,
    postmortemProject: view.postmortem.projectKey ?? '',
    postmortemIssueType: view.postmortem.issueType,
    due1: String(view.postmortem.dueBusinessDays['1']),
    due2: String(view.postmortem.dueBusinessDays['2']),
    due3: String(view.postmortem.dueBusinessDays['3']),
    sev3Exempt: view.postmortem.sev3Exempt,
  };
}

// A field left empty or not a number is sent as such, so the backend names it; the form never guesses a value.
const days = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text.trim()));

/** The settings the draft says; an empty project key means "not chosen". */
export function payloadOf(draft: LearningDraft): SaveLearningSettingsPayload {
  const key = (text: string) => text.trim().toUpperCase();
  return {
    cleanup: { ...(key(draft.cleanupProject) === '' ? {} : { projectKey: key(draft.cleanupProject) }), issueType: draft.cleanupIssueType.trim() },
    postmortem: {
      ...(key(draft.postmortemProject) === '' ? {} : { projectKey: key(draft.postmortemProject) }),
      issueType: draft.postmortemIssueType.trim(),
      dueBusinessDays: { '1': days(draft.due1), '2': days(draft.due2), '3': days(draft.due3) },
      sev3Exempt: draft.sev3Exempt,
    },
  };
}

/** The draft's field that a backend error names (e.g. `postmortem.dueBusinessDays.1` → `due1`). */
export function draftFieldOf(field: string | undefined): keyof LearningDraft | undefined {
  const fields: Readonly<Record<string, keyof LearningDraft>> = {
    'cleanup.projectKey': 'cleanupProject',
    'cleanup.issueType': 'cleanupIssueType',
    'postmortem.projectKey': 'postmortemProject',
    'postmortem.issueType': 'postmortemIssueType',
    'postmortem.dueBusinessDays.1': 'due1',
    'postmortem.dueBusinessDays.2': 'due2',
    'postmortem.dueBusinessDays.3': 'due3',
  };
  return field === undefined ? undefined : fields[field];
}
