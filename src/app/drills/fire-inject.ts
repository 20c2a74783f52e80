import { doc, p, strong, text } from '@atlaskit/adf-utils/builders';
import type { ScenarioInject } from '../../domain/drills/scenario';
import { UNKNOWN_SERVICE } from '../../domain/incident';
import { loadChangeRecordsSettings, serviceLabel, type ChangeRecordsSettings } from '../cockpit/change-records-settings';
import type { IncidentIssues } from '../cockpit/ports';
import type { Configuration } from '../configuration';
import { loadConfiguration } from '../configuration-store';
import { AppError } from '../errors';
import type { AdfDocument, AppStore, Clock, IssueTracker } from '../ports';
import { DRILL_LABEL, DrillRepository, type DrillRun } from './drill-record';
import type { DrillInjectJob } from './start-drill';

/** The issue type support cases are raised with in the support project. */
export const SUPPORT_CASE_ISSUE_TYPE = 'Support case';

export interface FireInjectDeps {
  readonly store: AppStore;
  /** Jira as the app: injects are the scenario speaking, not a person. */
  readonly tracker: IssueTracker;
  readonly issues: Pick<IncidentIssues, 'update'>;
  readonly clock: Clock;
}

export type InjectOutcome = { readonly kind: 'fired'; readonly what: string } | { readonly kind: 'skipped'; readonly reason: string };

/**
 * Fires one inject of a drill at its time, exactly once however often the queue delivers it: a
 * conditional write claims it first; a failure gives the claim back and rethrows, so the
 * redelivery fires it. An ended drill fires nothing more.
 */
export async function fireInject(deps: FireInjectDeps, job: DrillInjectJob): Promise<InjectOutcome> {
  const repo = new DrillRepository(deps.store);
  // Everything an inject may need is read in one round, so firing is read, claim, act, record.
  const [run, config, changeRecords] = await Promise.all([repo.run(job.runId), loadConfiguration(deps.store), loadChangeRecordsSettings(deps.store)]);
  if (run === undefined) return { kind: 'skipped', reason: `drill ${job.runId} does not exist` };
  const inject = run.scenario.injects[job.index];
  if (inject === undefined) return { kind: 'skipped', reason: `drill ${job.runId} has no inject ${job.index}` };
  if (run.ended !== undefined) return { kind: 'skipped', reason: `drill ${job.runId} has ended` };
  if (run.issueKey === undefined || run.issueId === undefined) throw new AppError(`Drill ${job.runId} has no incident yet`);
  const now = deps.clock.now();
  if (!(await repo.claimInject(run.runId, job.index, now))) return { kind: 'skipped', reason: `inject ${job.index} of drill ${job.runId} already fired` };
  try {
    const what = await perform(deps, { run, config, changeRecords }, run.issueKey, inject);
    await repo.markFired(run.runId, job.index, now, what);
    return { kind: 'fired', what };
  } catch (error) {
    await repo.releaseInject(run.runId, job.index);
    throw error;
  }
}

function injectComment(kind: string, body: string, extra: readonly string[] = []): AdfDocument {
  return doc(p(strong(`DRILL — ${kind}`)), p(text(body)), ...extra.map((line) => p(text(line)))) as AdfDocument;
}

interface InjectContext {
  readonly run: DrillRun;
  readonly config: Configuration;
  readonly changeRecords: ChangeRecordsSettings;
}

async function perform(deps: FireInjectDeps, { run, config, changeRecords }: InjectContext, issueKey: string, inject: ScenarioInject): Promise<string> {
  const incident = { issueKey };
  switch (inject.kind) {
    case 'alert': {
      const labels = Object.entries(inject.labels).map(([name, value]) => `${name}=${value}`);
      // Drill alerts land on the drill's own incident: routing a rehearsal's alert could touch real incidents.
      await deps.tracker.addComment(incident.issueKey, injectComment('alert from monitoring', inject.title, labels.length === 0 ? [] : [`Labels: ${labels.join(', ')}`]));
      return `alert: ${inject.title}`;
    }
    case 'observation':
      await deps.tracker.addComment(incident.issueKey, injectComment('new observation', inject.text));
      return `observation commented`;
    case 'experiment-outcome':
      await deps.tracker.addComment(incident.issueKey, injectComment(inject.worked ? 'the fix worked' : 'the fix did not work', inject.text));
      return inject.worked ? 'experiment worked' : 'experiment did not work';
    case 'support-case':
      return raiseSupportCase(deps, config, incident.issueKey, inject.summary);
    case 'change':
      return recordChange(deps, run, changeRecords, incident.issueKey, inject);
    case 'severity': {
      const fields = requireFields(config);
      const label = config.severityScale.levels[inject.severity].label;
      await deps.issues.update(incident.issueKey, { fields: { [fields.severity]: { value: label } }, comment: injectComment('severity change', `The situation has changed: this is now ${label}.`) });
      return `severity set to ${label}`;
    }
    case 'service': {
      const fields = requireFields(config);
      const service = config.services.some((candidate) => candidate.name === inject.service) ? inject.service : UNKNOWN_SERVICE;
      await deps.issues.update(incident.issueKey, { fields: { [fields.faultyService]: { value: service } }, comment: injectComment('faulty service change', `New evidence points at ${inject.service}.`) });
      return `faulty service set to ${service}`;
    }
  }
}

function requireFields(config: Configuration): NonNullable<Configuration['fields']> {
  if (config.fields === undefined) throw new AppError("The app's incident fields are not provisioned");
  return config.fields;
}

/** A support case in the first support project, labelled with the drill incident's key (so only the drill's count moves) and `drill`. */
async function raiseSupportCase(deps: FireInjectDeps, config: Configuration, issueKey: string, summary: string): Promise<string> {
  const projectKey = config.supportCases.projectKeys[0];
  if (projectKey === undefined) {
    await deps.tracker.addComment(issueKey, injectComment('support case', summary, ['(No support project is configured, so the case is told here.)']));
    return 'support case commented (no support project)';
  }
  const created = await deps.tracker.createIssue({
    projectKey,
    issueTypeName: SUPPORT_CASE_ISSUE_TYPE,
    fields: { summary: `[DRILL] ${summary}`.slice(0, 255), labels: [issueKey, DRILL_LABEL], description: doc(p(text(`A drill's support case about ${issueKey}.`))) },
  });
  return `support case ${created.key}`;
}

/** The project a site's change-records JQL names (`project = CHG`), if it names one. */
export function changesProjectOf(jql: string | undefined): string | undefined {
  const match = jql === undefined ? null : /\bproject\s*(?:=|in\s*\()\s*"?([A-Z][A-Z0-9_]{1,9})\b/i.exec(jql);
  return match?.[1]?.toUpperCase();
}

async function recordChange(deps: FireInjectDeps, run: DrillRun, settings: ChangeRecordsSettings, issueKey: string, inject: Extract<ScenarioInject, { kind: 'change' }>): Promise<string> {
  const projectKey = changesProjectOf(settings.jql);
  const made = `Made ${inject.minutesBeforeImpact} minutes before the impact started.`;
  if (projectKey === undefined) {
    await deps.tracker.addComment(issueKey, injectComment('recent change', inject.summary, [made, '(No change-records project is configured, so the change is told here.)']));
    return 'change commented (no change-records project)';
  }
  const created = await deps.tracker.createIssue({
    projectKey,
    issueTypeName: inject.changeType,
    fields: {
      summary: `[DRILL] ${inject.summary}`.slice(0, 255),
      labels: [serviceLabel(run.scenario.start.service), DRILL_LABEL],
      description: doc(p(text(`${made} Recorded by the drill of ${issueKey}.`))),
    },
  });
  return `change ${created.key}`;
}
