import type { GetRecentChangesResult } from '../../contracts/cockpit';
import { UNKNOWN_SERVICE } from '../../domain/incident';
import { formatInstant } from '../../domain/time';
import { CONFIGURATION_KEY, configurationFrom } from '../configuration-store';
import { NotFoundError } from '../errors';
import { readIncidentRecord } from './incident-record';
import type { CockpitCaller, CockpitDeps } from './ports';

/** How far before the impact start a change is worth showing as a rollback candidate. */
export const CHANGES_BEFORE_MS = 3 * 60 * 60_000;
/** Changes just after the start are shown too: clocks and "when did it start?" answers are rough. */
export const CHANGES_AFTER_MS = 15 * 60_000;

/**
 * "When did it start?": deployments and other changes of the faulty service near the impact start
 * (or the detection time while the start is unknown), newest first, so a rollback candidate stands out.
 *
 * @throws NotFoundError when the issue does not exist or the caller may not see it.
 */
export async function getRecentChanges(deps: CockpitDeps, caller: CockpitCaller): Promise<GetRecentChangesResult> {
  const [issue, storedConfig] = await Promise.all([deps.issues.get(caller.issueKey), deps.store.get(CONFIGURATION_KEY)]);
  if (issue === undefined) throw new NotFoundError('Issue', caller.issueKey);
  const record = readIncidentRecord(issue, configurationFrom(storedConfig));
  const around = record.impactStart ?? record.detected;
  if (around === undefined) return { available: false, reason: 'Record when the impact started (or when it was detected) to see the changes made around then.' };
  const service = record.faultyService;
  if (service === undefined || service === UNKNOWN_SERVICE) {
    return { available: false, reason: 'Choose the faulty service to see its deployments and other changes near the impact start.' };
  }
  const windowStart = around - CHANGES_BEFORE_MS;
  const changes = await deps.changes.near(service, windowStart, around + CHANGES_AFTER_MS);
  if (changes === undefined) return { available: false, reason: 'This site keeps no record of deployments or other changes.' };
  return {
    available: true,
    service,
    around: formatInstant(around),
    windowMinutes: (CHANGES_BEFORE_MS + CHANGES_AFTER_MS) / 60_000,
    changes: [...changes]
      .sort((a, b) => b.at - a.at)
      .map((change) => ({
        id: change.id,
        service: change.service,
        summary: change.summary,
        by: change.by,
        at: formatInstant(change.at),
        ...(change.url === undefined ? {} : { url: change.url }),
        kind: change.kind,
        minutesFromImpactStart: Math.round((change.at - around) / 60_000),
      })),
  };
}
