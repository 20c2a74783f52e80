import { z } from 'zod';
import type { DurationMs } from './duration';
import { RuleViolation, ValidationError } from './errors';
import { accountIdSchema, type AccountId } from './identifiers';
import { parseWith } from './parse-input';
import { formatUtcMinute, instantSchema, type EpochMs } from './time';

/** The roles the handbook names. */
export const BUILT_IN_ROLES = ['incident-manager', 'backup-incident-manager', 'tech-lead', 'communications-manager'] as const;

/** A role the handbook names. */
export type BuiltInRole = (typeof BUILT_IN_ROLES)[number];

/** A role the incident manager devises for this incident, e.g. `custom:Scribe`. */
export type CustomRole = `custom:${string}`;

/** Any role a person can hold on an incident. */
export type Role = BuiltInRole | CustomRole;

/** Which audience a communications manager writes for. */
export type CommsScope = 'internal' | 'external' | 'both';

const BUILT_IN_LABELS: Readonly<Record<BuiltInRole, string>> = {
  'incident-manager': 'Incident Manager',
  'backup-incident-manager': 'Backup Incident Manager',
  'tech-lead': 'Tech Lead',
  'communications-manager': 'Communications Manager',
};

// One person in charge at a time is the point of the IM role; a second backup would blur who steps in.
const SINGLE_HOLDER_ROLES: readonly Role[] = ['incident-manager', 'backup-incident-manager'];

const CUSTOM_PREFIX = 'custom:';
const normalizeRoleName = (name: string): string => name.toLowerCase().replace(/[\s_-]+/g, ' ').trim();

function customRoleProblem(name: string): string | undefined {
  if (name !== name.trim()) return 'must not start or end with spaces';
  if (name.length < 2 || name.length > 40) return 'must be 2 to 40 characters';
  if (!/^[\p{L}\p{N}][\p{L}\p{N} '&/-]*$/u.test(name)) {
    return 'must start with a letter or digit and use only letters, digits, spaces and \' & / -';
  }
  const normalized = normalizeRoleName(name);
  const clash = BUILT_IN_ROLES.find((role) => normalizeRoleName(BUILT_IN_LABELS[role]) === normalized || normalizeRoleName(role) === normalized);
  if (clash !== undefined) return `"${name}" is a built-in role; assign ${BUILT_IN_LABELS[clash]} instead`;
  return undefined;
}

/** Zod schema for a role: a built-in role id or `custom:<name>` with a valid name. */
export const roleSchema = z.union([
  z.enum(BUILT_IN_ROLES),
  z.templateLiteral([CUSTOM_PREFIX, z.string()]).superRefine((role, ctx) => {
    const problem = customRoleProblem(role.slice(CUSTOM_PREFIX.length));
    if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
  }),
], { error: `must be one of ${BUILT_IN_ROLES.join(', ')} or custom:<name>` });

/** Makes a custom role from the name the incident manager gave it, e.g. "Scribe" → `custom:Scribe`. */
export function customRole(name: string, field = 'role'): CustomRole {
  const problem = customRoleProblem(name);
  if (problem !== undefined) throw new ValidationError(field, problem);
  return `${CUSTOM_PREFIX}${name}`;
}

/** Parses a role id such as "tech-lead" or "custom:Scribe". */
export function parseRole(value: unknown, field = 'role'): Role {
  return parseWith(roleSchema, value, field);
}

/** The role's name for people, e.g. "Communications Manager (external)". */
export function roleLabel(role: Role, scope?: CommsScope): string {
  if (role.startsWith(CUSTOM_PREFIX)) return role.slice(CUSTOM_PREFIX.length);
  const label = BUILT_IN_LABELS[role as BuiltInRole];
  return scope === undefined || scope === 'both' ? label : `${label} (${scope})`;
}

/** Zod schema for one person holding one role for a period. */
export const roleAssignmentSchema = z
  .object({
    role: roleSchema,
    accountId: accountIdSchema,
    startedAt: instantSchema,
    endedAt: instantSchema.exactOptional(),
    scope: z.enum(['internal', 'external', 'both']).exactOptional(),
  })
  .strict();

/** One person holding one role from `startedAt` until `endedAt` (open while absent). */
export type RoleAssignment = z.output<typeof roleAssignmentSchema>;

const isOpenAt = (assignment: RoleAssignment, at: EpochMs): boolean =>
  assignment.startedAt <= at && (assignment.endedAt === undefined || at < assignment.endedAt);

const overlaps = (a: RoleAssignment, b: RoleAssignment): boolean =>
  a.startedAt < (b.endedAt ?? Number.POSITIVE_INFINITY) && b.startedAt < (a.endedAt ?? Number.POSITIVE_INFINITY);

/**
 * Checks a list of assignments for consistency: ends after starts, scopes only on communications
 * managers, one incident manager (and one backup) at a time, nobody holding the same role twice at once.
 */
export function validateRoleAssignments(assignments: readonly RoleAssignment[], field = 'roles'): readonly RoleAssignment[] {
  assignments.forEach((assignment, index) => {
    const at = `${field}[${index}]`;
    if (assignment.endedAt !== undefined && assignment.endedAt < assignment.startedAt) {
      throw new ValidationError(`${at}.endedAt`, 'must not be before startedAt');
    }
    if (assignment.role === 'communications-manager' && assignment.scope === undefined) {
      throw new ValidationError(`${at}.scope`, 'is required for a communications manager (internal, external or both)');
    }
    if (assignment.role !== 'communications-manager' && assignment.scope !== undefined) {
      throw new ValidationError(`${at}.scope`, 'applies only to communications managers');
    }
    assignments.slice(0, index).forEach((earlier, earlierIndex) => {
      if (earlier.role !== assignment.role || !overlaps(earlier, assignment)) return;
      if (SINGLE_HOLDER_ROLES.includes(assignment.role)) {
        throw new ValidationError(
          `${at}.startedAt`,
          `overlaps ${field}[${earlierIndex}]: only one ${roleLabel(assignment.role)} at a time`,
        );
      }
      if (earlier.accountId === assignment.accountId) {
        throw new ValidationError(`${at}.startedAt`, `overlaps ${field}[${earlierIndex}]: the same person holds the same role twice`);
      }
    });
  });
  return assignments;
}

/** Parses a list of role assignments (instants as ISO-8601 strings) and checks it for consistency. */
export function parseRoleAssignments(input: unknown, field = 'roles'): RoleAssignment[] {
  const assignments = parseWith(z.array(roleAssignmentSchema), input, field);
  validateRoleAssignments(assignments, field);
  return assignments;
}

/** The assignments holding `role` at instant `at`, in the order they were made. */
export function currentHolders(assignments: readonly RoleAssignment[], role: Role, at: EpochMs): RoleAssignment[] {
  return assignments.filter((assignment) => assignment.role === role && isOpenAt(assignment, at));
}

/** The incident manager at instant `at`, if any. */
export function currentIncidentManager(assignments: readonly RoleAssignment[], at: EpochMs): AccountId | undefined {
  return currentHolders(assignments, 'incident-manager', at)[0]?.accountId;
}

/** A request to give someone a role. */
export interface AssignmentRequest {
  readonly role: Role;
  readonly accountId: AccountId;
  readonly scope?: CommsScope;
}

// Role history is appended in order; a change dated before the latest one would rewrite who was in charge.
function requireInOrder(assignments: readonly RoleAssignment[], at: EpochMs): void {
  const latest = Math.max(Number.NEGATIVE_INFINITY, ...assignments.flatMap((a) => (a.endedAt === undefined ? [a.startedAt] : [a.startedAt, a.endedAt])));
  if (at < latest) {
    throw new RuleViolation('role-change-out-of-order', `A role change at ${formatUtcMinute(at)} cannot come before the last one at ${formatUtcMinute(latest)}.`);
  }
}

/** Gives a person a role from `at`; returns the new list or throws ValidationError / RuleViolation. */
export function assignRole(assignments: readonly RoleAssignment[], request: AssignmentRequest, at: EpochMs): RoleAssignment[] {
  const role = parseRole(request.role);
  const accountId = parseWith(accountIdSchema, request.accountId, 'accountId');
  if (request.scope !== undefined && role !== 'communications-manager') {
    throw new ValidationError('scope', 'applies only to communications managers');
  }
  requireInOrder(assignments, at);
  const holders = currentHolders(assignments, role, at);
  if (holders.some((holder) => holder.accountId === accountId)) {
    throw new RuleViolation('already-assigned', `${accountId} is already ${roleLabel(role)}.`);
  }
  const [holder] = holders;
  if (role === 'incident-manager' && holder !== undefined) {
    throw new RuleViolation(
      'single-incident-manager',
      `${holder.accountId} is the incident manager; hand over instead of assigning a second one.`,
    );
  }
  if (role === 'backup-incident-manager' && holder !== undefined) {
    throw new RuleViolation('single-backup-incident-manager', `${holder.accountId} is already the backup incident manager; end that assignment first.`);
  }
  if (role === 'backup-incident-manager' && currentIncidentManager(assignments, at) === accountId) {
    throw new RuleViolation('backup-differs-from-incident-manager', 'The backup incident manager must be someone other than the incident manager.');
  }
  const scope = role === 'communications-manager' ? { scope: request.scope ?? 'both' } : {};
  return [...assignments, { role, accountId, startedAt: at, ...scope }];
}

/** Ends a person's current hold on a role at `at`; throws RuleViolation if they do not hold it. */
export function endRole(
  assignments: readonly RoleAssignment[],
  request: Pick<AssignmentRequest, 'role' | 'accountId'>,
  at: EpochMs,
): RoleAssignment[] {
  requireInOrder(assignments, at);
  const index = assignments.findIndex((a) => a.role === request.role && a.accountId === request.accountId && isOpenAt(a, at));
  if (index === -1) {
    throw new RuleViolation('not-assigned', `${request.accountId} is not ${roleLabel(request.role)} at ${formatUtcMinute(at)}.`);
  }
  return assignments.map((assignment, i) => (i === index ? { ...assignment, endedAt: at } : assignment));
}

/**
 * Hands the incident manager role to `to` at `at`: the current IM's assignment ends and the new one
 * starts at the same instant, so there is never a moment without someone in charge. A backup IM who
 * takes over stops being the backup at that instant.
 */
export function handOverIncidentManager(assignments: readonly RoleAssignment[], to: AccountId, at: EpochMs): RoleAssignment[] {
  const accountId = parseWith(accountIdSchema, to, 'accountId');
  const current = currentIncidentManager(assignments, at);
  if (current === undefined) {
    throw new RuleViolation('no-incident-manager', 'There is no incident manager to hand over from; assign one instead.');
  }
  if (current === accountId) {
    throw new RuleViolation('handover-to-self', `${accountId} is already the incident manager.`);
  }
  let next = endRole(assignments, { role: 'incident-manager', accountId: current }, at);
  if (currentHolders(next, 'backup-incident-manager', at).some((holder) => holder.accountId === accountId)) {
    next = endRole(next, { role: 'backup-incident-manager', accountId }, at);
  }
  return [...next, { role: 'incident-manager', accountId, startedAt: at }];
}

/** Ends every open assignment at `at`, as when the incident is resolved or cancelled. */
export function endAllRoles(assignments: readonly RoleAssignment[], at: EpochMs): RoleAssignment[] {
  requireInOrder(assignments, at);
  return assignments.map((assignment) => (assignment.endedAt === undefined ? { ...assignment, endedAt: at } : assignment));
}

/** How long one person has spent on the incident, across all their roles. */
export interface TimeOnIncident {
  readonly accountId: AccountId;
  readonly ms: DurationMs;
  readonly since: EpochMs;
  readonly active: boolean;
}

/** Time each person has held any role up to `now`, overlapping assignments counted once; longest first. */
export function timeOnIncident(assignments: readonly RoleAssignment[], now: EpochMs): TimeOnIncident[] {
  const byPerson = new Map<AccountId, Array<[EpochMs, EpochMs]>>();
  for (const assignment of assignments) {
    if (assignment.startedAt > now) continue;
    const interval: [EpochMs, EpochMs] = [assignment.startedAt, Math.min(assignment.endedAt ?? now, now)];
    byPerson.set(assignment.accountId, [...(byPerson.get(assignment.accountId) ?? []), interval]);
  }
  const result: TimeOnIncident[] = [];
  for (const [accountId, intervals] of byPerson) {
    const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
    let ms = 0;
    let cursor = Number.NEGATIVE_INFINITY;
    for (const [start, end] of sorted) {
      const from = Math.max(start, cursor);
      if (end > from) ms += end - from;
      cursor = Math.max(cursor, end);
    }
    const active = assignments.some((a) => a.accountId === accountId && isOpenAt(a, now));
    result.push({ accountId, ms, since: sorted[0]?.[0] ?? now, active });
  }
  return result.sort((a, b) => b.ms - a.ms || a.accountId.localeCompare(b.accountId));
}

/** A role passing from one person to another at one instant. */
export interface Handover {
  readonly role: Role;
  readonly from: AccountId;
  readonly to: AccountId;
  readonly at: EpochMs;
}

/** Every handover in the history: a role ending for one person at the instant it starts for another. */
export function handovers(assignments: readonly RoleAssignment[]): Handover[] {
  const result: Handover[] = [];
  for (const ended of assignments) {
    if (ended.endedAt === undefined) continue;
    const successor = assignments.find(
      (a) => a.role === ended.role && a.startedAt === ended.endedAt && a.accountId !== ended.accountId,
    );
    if (successor !== undefined) result.push({ role: ended.role, from: ended.accountId, to: successor.accountId, at: ended.endedAt });
  }
  return result.sort((a, b) => a.at - b.at);
}
