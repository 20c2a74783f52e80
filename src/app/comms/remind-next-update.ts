import { formatClockTime } from '../../domain/comms/next-update-time';
import { isActive } from '../../domain/workflow';
import { configurationFrom, CONFIGURATION_KEY } from '../configuration-store';
import { readIncidentRecord } from '../cockpit/incident-record';
import { cockpitPrefix, stateFrom } from '../cockpit/cockpit-state';
import type { ChatRooms } from '../cockpit/ports';
import { issueUrl } from '../incident-fields';
import type { AppStore, Clock, IssueTracker } from '../ports';
import { COMMS_SETTINGS_KEY, commsSettingsFrom } from './comms-settings';
import { commsKeys, commsPrefix, commsStateFrom, DUE_PREFIX, dueSchema } from './comms-records';
import type { ReminderJob } from './ports';

export interface ReminderDeps {
  readonly store: AppStore;
  readonly tracker: IssueTracker;
  readonly chat: ChatRooms;
  readonly clock: Clock;
}

/** What happened to a reminder, for logs and tests. */
export type ReminderOutcome = 'reminded' | 'superseded' | 'already-reminded' | 'incident-over' | 'not-yet';

/**
 * Reminds the IM and the communications managers, in the chat room and by Jira notification, that the
 * update they promised is due soon. Nothing happens when a newer update went out, the incident is over,
 * or this reminder was sent already (queues deliver at least once; the schedule re-checks).
 */
export async function remindNextUpdate(deps: ReminderDeps, job: ReminderJob): Promise<ReminderOutcome> {
  const [entries, storedConfig, storedSettings, cockpitEntries] = await Promise.all([
    deps.store.listByPrefix(commsPrefix(job.issueId)),
    deps.store.get(CONFIGURATION_KEY),
    deps.store.get(COMMS_SETTINGS_KEY),
    deps.store.listByPrefix(cockpitPrefix(job.issueId)),
  ]);
  const comms = commsStateFrom(job.issueId, entries);
  const latest = comms.updates.at(-1);
  if (latest === undefined || latest.id !== job.updateId || latest.kind === 'final') return 'superseded';
  const settings = commsSettingsFrom(storedSettings);
  const now = deps.clock.now();
  if (now < job.dueAt - settings.reminderLeadMinutes * 60_000 - 1_000) return 'not-yet';
  const config = configurationFrom(storedConfig);
  const fields = config.fields;
  const issue = await deps.tracker.getIssue(job.issueKey, ['status', 'assignee', ...(fields === undefined ? [] : [fields.communicationsManager])]);
  if (issue === undefined) return 'incident-over';
  const record = readIncidentRecord({ ...issue, transitions: [], listFields: new Set() }, config);
  if (!isActive(record.status)) return 'incident-over';
  if (!(await deps.store.setIfAbsent(commsKeys.reminded(job.issueId, job.updateId), { at: new Date(now).toISOString() }))) return 'already-reminded';
  const minutes = Math.max(0, Math.round((job.dueAt - now) / 60_000));
  const when = now >= job.dueAt ? `was due at ${formatClockTime(job.dueAt)}` : `is due at ${formatClockTime(job.dueAt)} (in ${minutes} minute${minutes === 1 ? '' : 's'})`;
  const message = `Reminder: the next update on ${job.issueKey} ${when}. Send it from the Updates tab of ${job.issueKey}.`;
  // Whoever promised the update hears about it too, with the IM and the communications managers.
  const people = [...new Set([latest.by, record.assignee?.accountId, ...record.communicationsManagers.map((person) => person.accountId)].filter((id): id is string => id !== undefined))];
  const room = stateFrom(job.issueId, cockpitEntries).room;
  const url = issueUrl(config, job.issueKey);
  await Promise.all([
    room === undefined ? Promise.resolve() : deps.chat.post(room.id, message).catch((error: unknown) => console.warn(`The reminder for ${job.issueKey} was not posted: ${String(error)}`)),
    people.length === 0 ? Promise.resolve() : deps.tracker.notify(job.issueKey, { subject: `${job.issueKey}: next update ${when}`, textBody: `${message}\n\n${url}`, htmlBody: `<p>${message}</p><p><a href="${url}">${url}</a></p>`, accountIds: people }),
  ]);
  return 'reminded';
}

/** The safety net: every incident whose promised update is close, found through the due index, reminded once. */
export async function remindDueUpdates(deps: ReminderDeps): Promise<number> {
  const [due, storedSettings] = await Promise.all([deps.store.listByPrefix(DUE_PREFIX), deps.store.get(COMMS_SETTINGS_KEY)]);
  const lead = commsSettingsFrom(storedSettings).reminderLeadMinutes * 60_000;
  const now = deps.clock.now();
  const jobs = due.flatMap((entry) => {
    const parsed = dueSchema.safeParse(entry.value);
    return parsed.success && parsed.data.dueAt - lead <= now ? [parsed.data] : [];
  });
  const outcomes = await Promise.all(jobs.map((job) => remindNextUpdate(deps, job)));
  return outcomes.filter((outcome) => outcome === 'reminded').length;
}
