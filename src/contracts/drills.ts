/** Drills (rehearsals of a scripted incident): resolver keys and results shared by the admin page, the Declare page and the issue panel. */

export const DRILL_RESOLVER_KEYS = {
  /** Admin page and Declare page: the scenarios a drill can start from. */
  listDrillScenarios: 'listDrillScenarios',
  /** Admin page: every problem of a scenario document, each naming its field. */
  checkDrillScenario: 'checkDrillScenario',
  importDrillScenario: 'importDrillScenario',
  exportDrillScenario: 'exportDrillScenario',
  deleteDrillScenario: 'deleteDrillScenario',
  /** Admin page and Declare page ("Rehearse"). */
  startDrill: 'startDrill',
  /** Issue panel: the drill banner, and ending the drill with its scorecard. */
  getDrill: 'getDrill',
  endDrill: 'endDrill',
} as const;

export type DrillPartName = 'incident-manager' | 'tech-lead' | 'communications-manager';

export interface DrillScenarioSummary {
  readonly id: string;
  readonly title: string;
  readonly description?: string;
  readonly builtIn: boolean;
  readonly injects: number;
  /** Minutes from the start to the last inject. */
  readonly lastInjectMinute: number;
}

export interface ListDrillScenariosResult {
  readonly scenarios: readonly DrillScenarioSummary[];
}

export interface ScenarioProblemView {
  readonly field: string;
  readonly reason: string;
}

export interface CheckDrillScenarioResult {
  readonly problems: readonly ScenarioProblemView[];
}

export interface ExportDrillScenarioResult {
  readonly json: string;
}

export interface StartDrillPayload {
  readonly scenarioId: string;
  /** Who plays which part; by default the person starting it plays the incident manager. */
  readonly participants?: readonly { readonly accountId: string; readonly part: DrillPartName }[];
}

export interface StartDrillResult {
  readonly runId: string;
  readonly issueKey: string;
  readonly issueUrl: string;
  readonly startedAt: string;
}

export interface DrillInjectView {
  readonly index: number;
  readonly atMinute: number;
  readonly kind: string;
  readonly description: string;
  /** When it fired, if it has. */
  readonly firedAt?: string;
}

export interface ScorecardLineView {
  readonly step: string;
  readonly stepName: string;
  readonly measure: string;
  readonly actual: string;
  readonly target: string;
  readonly verdict: 'met' | 'missed' | 'unscored';
}

export interface ScorecardView {
  readonly ending: 'resolved' | 'abandoned';
  readonly lines: readonly ScorecardLineView[];
  readonly met: number;
  readonly scored: number;
}

/** The panel's drill banner: absent (`drill: undefined`) on a real incident. */
export interface DrillView {
  readonly runId: string;
  readonly scenarioTitle: string;
  readonly startedAt: string;
  readonly elapsedMinutes: number;
  readonly participants: readonly { readonly accountId: string; readonly part: DrillPartName; readonly name: string }[];
  readonly injects: readonly DrillInjectView[];
  /** The next inject still to come, if any. */
  readonly nextInject?: DrillInjectView;
  readonly ended?: { readonly at: string; readonly scorecard: ScorecardView };
}

export interface GetDrillResult {
  readonly drill?: DrillView;
}
