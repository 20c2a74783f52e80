import { z } from 'zod';
import { assessmentAnswerSchema, type AssessmentAnswer } from '../../domain/assessment';
import { roleAssignmentSchema, type RoleAssignment } from '../../domain/roles';
import { severityLevelSchema } from '../../domain/severity';
import { instantSchema } from '../../domain/time';
import { timelineEntrySchema, type TimelineEntry } from '../../domain/timeline';
import { keyPart } from '../paging/paging-repository';
import type { AppStore, StoredEntry } from '../ports';

/**
 * The cockpit's app state for one incident, one storage entry per fact: every timeline entry,
 * assessment answer and role assignment has its own key, so people recording at the same moment
 * never overwrite each other, and one prefix query reads all of it.
 */
export interface CockpitState {
  /** Role assignments, oldest first, each with the storage key it lives under. */
  readonly roles: readonly StoredAssignment[];
  readonly timeline: readonly TimelineEntry[];
  readonly assessment: readonly AssessmentAnswer[];
  readonly room?: RoomRecord;
  readonly chatStatus?: ChatStatusRecord;
  readonly severityConfirmation?: SeverityConfirmation;
  /** Names of people the cockpit has met, by account id, so views need no user look-ups. */
  readonly people: ReadonlyMap<string, PersonRecord>;
}

export interface StoredAssignment {
  readonly key: string;
  readonly assignment: RoleAssignment;
}

const roomSchema = z.strictObject({ id: z.string().min(1), name: z.string().min(1), url: z.string().min(1), createdAt: instantSchema, createdBy: z.string() });
export type RoomRecord = z.output<typeof roomSchema>;

const chatStatusSchema = z.strictObject({ accountId: z.string().min(1), setAt: instantSchema });
export type ChatStatusRecord = z.output<typeof chatStatusSchema>;

const severityConfirmationSchema = z.strictObject({ level: severityLevelSchema, at: instantSchema, by: z.string().min(1) });
export type SeverityConfirmation = z.output<typeof severityConfirmationSchema>;

export const commandClaimSchema = z.strictObject({ accountId: z.string().min(1), at: z.string() });

const personSchema = z.strictObject({ accountId: z.string().min(1), displayName: z.string(), emailAddress: z.string().exactOptional() });
export type PersonRecord = Omit<z.output<typeof personSchema>, 'accountId'>;

export const cockpitPrefix = (issueId: string): string => `cockpit:${keyPart(issueId)}:`;

// Sortable instants: the prefix query returns keys in order, which is the order things happened.
const sortable = (at: number): string => String(at).padStart(15, '0');

export const stateKeys = {
  role: (issueId: string, startedAt: number, id: string): string => `${cockpitPrefix(issueId)}role:${sortable(startedAt)}-${keyPart(id)}`,
  timeline: (issueId: string, at: number, id: string): string => `${cockpitPrefix(issueId)}tl:${sortable(at)}-${keyPart(id)}`,
  answer: (issueId: string, questionId: string, at: number): string => `${cockpitPrefix(issueId)}ans:${questionId}:${sortable(at)}`,
  room: (issueId: string): string => `${cockpitPrefix(issueId)}room`,
  chatStatus: (issueId: string): string => `${cockpitPrefix(issueId)}status`,
  severityConfirmation: (issueId: string): string => `${cockpitPrefix(issueId)}sev`,
  person: (issueId: string, accountId: string): string => `${cockpitPrefix(issueId)}person:${keyPart(accountId)}`,
  /** Who took command through the cockpit: the first to write it wins a race between two clicks. */
  command: (issueId: string): string => `${cockpitPrefix(issueId)}command`,
};

export const EMPTY_STATE: CockpitState = { roles: [], timeline: [], assessment: [], people: new Map() };

/** Reads the stored entries of one incident; damaged entries are skipped rather than failing the whole panel. */
export function stateFrom(issueId: string, entries: readonly StoredEntry[]): CockpitState {
  const prefix = cockpitPrefix(issueId);
  const roles: StoredAssignment[] = [];
  const timeline: TimelineEntry[] = [];
  const assessment: AssessmentAnswer[] = [];
  const people = new Map<string, PersonRecord>();
  let room: RoomRecord | undefined;
  let chatStatus: ChatStatusRecord | undefined;
  let severityConfirmation: SeverityConfirmation | undefined;
  for (const entry of entries) {
    if (!entry.key.startsWith(prefix)) continue;
    const name = entry.key.slice(prefix.length);
    if (name.startsWith('role:')) {
      const parsed = roleAssignmentSchema.safeParse(entry.value);
      if (parsed.success) roles.push({ key: entry.key, assignment: parsed.data });
    } else if (name.startsWith('tl:')) {
      const parsed = timelineEntrySchema.safeParse(entry.value);
      if (parsed.success) timeline.push(parsed.data);
    } else if (name.startsWith('ans:')) {
      const parsed = assessmentAnswerSchema.safeParse(entry.value);
      if (parsed.success) assessment.push(parsed.data);
    } else if (name.startsWith('person:')) {
      const parsed = personSchema.safeParse(entry.value);
      if (parsed.success) {
        const { accountId, ...person } = parsed.data;
        people.set(accountId, person);
      }
    } else if (name === 'room') {
      room = roomSchema.safeParse(entry.value).data;
    } else if (name === 'status') {
      chatStatus = chatStatusSchema.safeParse(entry.value).data;
    } else if (name === 'sev') {
      severityConfirmation = severityConfirmationSchema.safeParse(entry.value).data;
    }
  }
  return {
    roles: roles.sort((a, b) => a.assignment.startedAt - b.assignment.startedAt || a.key.localeCompare(b.key)),
    timeline: timeline.sort((a, b) => a.at - b.at),
    assessment: assessment.sort((a, b) => a.answeredAt - b.answeredAt),
    people,
    ...(room === undefined ? {} : { room }),
    ...(chatStatus === undefined ? {} : { chatStatus }),
    ...(severityConfirmation === undefined ? {} : { severityConfirmation }),
  };
}

export async function loadCockpitState(store: AppStore, issueId: string): Promise<CockpitState> {
  return stateFrom(issueId, await store.listByPrefix(cockpitPrefix(issueId)));
}

/** The storage forms (instants as ISO strings), which stateFrom reads back. */
export const encode = {
  assignment: (assignment: RoleAssignment): unknown => z.encode(roleAssignmentSchema, assignment),
  timeline: (entry: TimelineEntry): unknown => z.encode(timelineEntrySchema, entry),
  answer: (answer: AssessmentAnswer): unknown => z.encode(assessmentAnswerSchema, answer),
  room: (room: RoomRecord): unknown => z.encode(roomSchema, room),
  chatStatus: (status: ChatStatusRecord): unknown => z.encode(chatStatusSchema, status),
  severityConfirmation: (confirmation: SeverityConfirmation): unknown => z.encode(severityConfirmationSchema, confirmation),
  person: (accountId: string, person: PersonRecord): unknown => ({ accountId, ...person }),
};

/** A write the use case decided on, applied after the Jira change it depends on succeeded. */
export type StateWrite = { readonly kind: 'set'; readonly key: string; readonly value: unknown } | { readonly kind: 'delete'; readonly key: string };

export async function applyWrites(store: AppStore, writes: readonly StateWrite[]): Promise<void> {
  await Promise.all(writes.map((write) => (write.kind === 'set' ? store.set(write.key, write.value) : store.delete(write.key))));
}

/** The state after the writes, so a use case can answer with the new view without reading storage again. */
export function entriesAfter(entries: readonly StoredEntry[], writes: readonly StateWrite[]): StoredEntry[] {
  const byKey = new Map(entries.map((entry) => [entry.key, entry.value]));
  for (const write of writes) {
    if (write.kind === 'set') byKey.set(write.key, write.value);
    else byKey.delete(write.key);
  }
  return [...byKey.entries()].map(([key, value]) => ({ key, value }));
}
