import type { CockpitUpdate, DelegateRolePayload, EndRolePayload, HandOverCommandPayload } from '../../contracts/cockpit';
import { RuleViolation, ValidationError } from '../../domain/errors';
import { parseAccountId } from '../../domain/identifiers';
import {
  assignRole,
  currentHolders,
  currentIncidentManager,
  endRole as endRoleAssignment,
  handOverIncidentManager,
  parseRole,
  roleLabel,
  type Role,
  type RoleAssignment,
} from '../../domain/roles';
import { applyChange } from './apply-change';
import { noteBy, personWrites } from './change-parts';
import { encode, stateKeys, type StateWrite, type StoredAssignment } from './cockpit-state';
import { loadIncidentContext, requireEditor, type IncidentContext } from './incident-context';
import { peopleFieldValue, type IncidentRecord } from './incident-record';
import { chatStatusEffect } from './open-comms';
import type { CockpitCaller, CockpitDeps, Person } from './ports';
import { roomEffects } from './room-effects';

/** The storage writes that turn the stored assignments into `next`: changed ones rewritten, new ones added. */
function roleWrites(deps: CockpitDeps, issueId: string, stored: readonly StoredAssignment[], next: readonly RoleAssignment[]): StateWrite[] {
  return next.flatMap((assignment, index): StateWrite[] => {
    const before = stored[index];
    if (before === undefined) return [{ kind: 'set', key: stateKeys.role(issueId, assignment.startedAt, deps.newId()), value: encode.assignment(assignment) }];
    return JSON.stringify(before.assignment) === JSON.stringify(assignment) ? [] : [{ kind: 'set', key: before.key, value: encode.assignment(assignment) }];
  });
}

/** The Tech lead and Communications manager fields mirror who holds those roles; other roles live in the app only. */
function mirroredFields(context: IncidentContext, next: readonly RoleAssignment[], people: ReadonlyMap<string, Person>): { fields: Record<string, unknown>; record: IncidentRecord } {
  const ids = context.config.fields;
  if (ids === undefined) return { fields: {}, record: context.record };
  const holders = (role: Role): Person[] =>
    currentHolders(next, role, context.now).map((holder) => people.get(holder.accountId) ?? { accountId: holder.accountId, displayName: holder.accountId });
  const techLeads = holders('tech-lead');
  const communicationsManagers = holders('communications-manager');
  const same = (a: readonly Person[], b: readonly Person[]): boolean => a.map((p) => p.accountId).join() === b.map((p) => p.accountId).join();
  const fields: Record<string, unknown> = {};
  if (!same(techLeads, context.record.techLeads)) fields[ids.techLead] = peopleFieldValue(context.record, ids.techLead, techLeads.map((p) => p.accountId));
  if (!same(communicationsManagers, context.record.communicationsManagers)) {
    fields[ids.communicationsManager] = peopleFieldValue(context.record, ids.communicationsManager, communicationsManagers.map((p) => p.accountId));
  }
  return { fields, record: { ...context.record, techLeads, communicationsManagers } };
}

/** Everyone whose name the change needs: the issue's people, the cockpit's records and whoever was just looked up. */
function knownPeople(context: IncidentContext, extra: readonly Person[]): Map<string, Person> {
  const people = new Map<string, Person>();
  for (const [accountId, person] of context.state.people) people.set(accountId, { accountId, ...person });
  for (const person of [...context.record.techLeads, ...context.record.communicationsManagers, ...(context.record.assignee === undefined ? [] : [context.record.assignee])]) {
    people.set(person.accountId, person);
  }
  for (const person of extra) people.set(person.accountId, person);
  if (context.callerPerson !== undefined) people.set(context.callerPerson.accountId, context.callerPerson);
  return people;
}

async function contextWithPerson(deps: CockpitDeps, caller: CockpitCaller, accountId: string): Promise<[IncidentContext, Person]> {
  const id = parseAccountId(accountId, 'accountId');
  const [context, person] = await Promise.all([loadIncidentContext(deps, caller), deps.issues.person(id)]);
  if (person === undefined) throw new ValidationError('accountId', 'is not a Jira user on this site');
  return [context, person];
}

/**
 * Delegates a role (Tech Lead, Communications Manager, backup IM, or one the IM devised) to a person.
 * The issue's Tech lead / Communications manager field follows in the same Jira request as the
 * comment; the room's topic follows and the person is invited to the room.
 *
 * @throws RuleViolation for the IM role (hand over instead) or a rule of the roles (already holds it, one backup).
 */
export async function delegateRole(deps: CockpitDeps, caller: CockpitCaller, input: DelegateRolePayload): Promise<CockpitUpdate> {
  const role = parseRole(input.role);
  if (role === 'incident-manager') throw new RuleViolation('use-handover', 'Hand over command to make someone else the incident manager.');
  const [context, person] = await contextWithPerson(deps, caller, input.accountId);
  requireEditor(context, 'delegate roles');
  const assignments = context.state.roles.map((stored) => stored.assignment);
  const next = assignRole(assignments, { role, accountId: person.accountId, ...(input.scope === undefined ? {} : { scope: input.scope }) }, context.now);
  const scope = next.at(-1)?.scope;
  const people = knownPeople(context, [person]);
  const { fields, record } = mirroredFields(context, next, people);
  const text = `${person.displayName} is now ${roleLabel(role, scope)}.`;
  const note = noteBy(deps, context, 'note', text, [person]);
  return applyChange(deps, context, {
    edit: { fields, comment: note.comment },
    writes: [...roleWrites(deps, caller.issueId, context.state.roles, next), note.write, ...personWrites(context, [person, context.callerPerson])],
    record,
    effects: (after) => roomEffects(deps, after, { topic: true, invite: [person.accountId], message: text }),
  });
}

/**
 * Ends a person's role now (the IM role is handed over, not ended). Fields and topic follow.
 *
 * @throws RuleViolation when they do not hold the role.
 */
export async function endRole(deps: CockpitDeps, caller: CockpitCaller, input: EndRolePayload): Promise<CockpitUpdate> {
  const role = parseRole(input.role);
  if (role === 'incident-manager') throw new RuleViolation('use-handover', 'Hand over command instead: the incident always has an incident manager.');
  const accountId = parseAccountId(input.accountId, 'accountId');
  const context = await loadIncidentContext(deps, caller);
  requireEditor(context, 'end roles');
  const assignments = context.state.roles.map((stored) => stored.assignment);
  const next = endRoleAssignment(assignments, { role, accountId }, context.now);
  const people = knownPeople(context, []);
  const { fields, record } = mirroredFields(context, next, people);
  const text = `${people.get(accountId)?.displayName ?? accountId} is no longer ${roleLabel(role)}.`;
  const note = noteBy(deps, context, 'note', text);
  return applyChange(deps, context, {
    edit: { fields, comment: note.comment },
    writes: [...roleWrites(deps, caller.issueId, context.state.roles, next), note.write, ...personWrites(context, [context.callerPerson])],
    record,
    effects: (after) => roomEffects(deps, after, { topic: true, message: text }),
  });
}

/**
 * Hands the incident manager role to another person: the current assignment ends and the new one
 * starts at the same instant, and the issue's assignee follows in the same Jira request as the
 * comment. The outgoing IM's chat status is cleared and the new IM's set; the topic follows.
 *
 * @throws RuleViolation when handing over to the current IM.
 */
export async function handOverCommand(deps: CockpitDeps, caller: CockpitCaller, input: HandOverCommandPayload): Promise<CockpitUpdate> {
  const [context, person] = await contextWithPerson(deps, caller, input.toAccountId);
  requireEditor(context, 'hand over command');
  const stored = context.state.roles;
  let assignments = stored.map((entry) => entry.assignment);
  const assignee = context.record.assignee?.accountId;
  // Command taken outside the panel (assigned in Jira) is still command: it is recorded as starting now.
  if (currentIncidentManager(assignments, context.now) === undefined && assignee !== undefined && assignee !== person.accountId) {
    assignments = assignRole(assignments, { role: 'incident-manager', accountId: assignee }, context.now);
  }
  const from = currentIncidentManager(assignments, context.now);
  const next = handOverIncidentManager(assignments, person.accountId, context.now);
  const people = knownPeople(context, [person]);
  const fromName = from === undefined ? 'nobody' : (people.get(from)?.displayName ?? from);
  const text = `${fromName} handed over incident manager to ${person.displayName}.`;
  const note = noteBy(deps, context, 'note', text, [person]);
  const record: IncidentRecord = { ...context.record, assignee: person };
  const statusHolder = context.state.chatStatus?.accountId;
  return applyChange(deps, context, {
    edit: { fields: { assignee: { accountId: person.accountId } }, comment: note.comment },
    writes: [...roleWrites(deps, caller.issueId, stored, next), note.write, ...personWrites(context, [person, context.callerPerson])],
    record,
    effects: (after) => {
      const setNew = after.chatConfigured && after.state.room !== undefined;
      const clearOld = after.chatConfigured && statusHolder !== undefined && statusHolder !== person.accountId;
      return [
        ...roomEffects(deps, after, { topic: true, invite: [person.accountId], message: text }),
        ...(clearOld ? [chatStatusEffect(deps, after, statusHolder, false, !setNew)] : []),
        ...(setNew ? [chatStatusEffect(deps, after, person.accountId, true)] : []),
      ];
    },
  });
}
