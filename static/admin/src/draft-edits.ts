/** Edits of the admin's draft configuration: immutable, and keeping references between parts consistent. */
import type {
  ConfigurationDocument,
  EscalationPolicyDocument,
  RosterDocument,
  RotationLayerDocument,
  ServiceDocument,
} from '../../../src/contracts/configuration';

export function replaceAt<T>(list: readonly T[], index: number, item: T): T[] {
  return list.map((current, position) => (position === index ? item : current));
}

export function removeAt<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, position) => position !== index);
}

/** Sets an optional property, or leaves it out when the value is undefined (the documents never hold `undefined`). */
export function withOptional<T extends object, K extends keyof T>(object: T, key: K, value: T[K] | undefined): T {
  const { [key]: _old, ...rest } = object;
  return (value === undefined ? rest : { ...rest, [key]: value }) as T;
}

/** The first `<prefix>-<n>` not taken yet. */
export function freshId(prefix: string, taken: readonly string[]): string {
  for (let n = taken.length + 1; ; n += 1) {
    const id = `${prefix}-${n}`;
    if (!taken.includes(id)) return id;
  }
}

/** A weekly rotation handing off at 09:00 in the admin's own time zone, starting today. */
export function newLayer(timeZone: string, today: string): RotationLayerDocument {
  return { participants: [], shiftLength: { days: 7, hours: 0 }, handoffTime: '09:00', timeZone, startDate: today };
}

export function newRoster(doc: ConfigurationDocument, timeZone: string, today: string): RosterDocument {
  const id = freshId('roster', doc.rosters.map((roster) => roster.id));
  return { id, name: '', layers: [newLayer(timeZone, today)], overrides: [] };
}

export function newPolicy(doc: ConfigurationDocument): EscalationPolicyDocument {
  const id = freshId('policy', doc.escalationPolicies.map((policy) => policy.id));
  return { id, name: '', levels: [{ targets: [], ackTimeoutMinutes: 15 }], repeat: 0 };
}

export function newService(): ServiceDocument {
  return { name: '', owningTeam: '' };
}

/**
 * Removes a roster and every reference to it: its services fall back to the IMOC, policies stop
 * paging it, and its paging channel goes. Leaving them would only produce errors on save.
 */
export function removeRoster(doc: ConfigurationDocument, index: number): ConfigurationDocument {
  const removed = doc.rosters[index];
  if (removed === undefined) return doc;
  const { [removed.id]: _channel, ...rosterChannels } = doc.paging.rosterChannels;
  return {
    ...doc,
    rosters: removeAt(doc.rosters, index),
    services: doc.services.map((service) => (service.rosterId === removed.id ? withOptional(service, 'rosterId', undefined) : service)),
    escalationPolicies: doc.escalationPolicies.map((policy) => ({
      ...policy,
      levels: policy.levels.map((level) => ({ ...level, targets: level.targets.filter((target) => target.kind !== 'roster' || target.rosterId !== removed.id) })),
    })),
    imoc: doc.imoc.rosterId === removed.id ? withOptional(doc.imoc, 'rosterId', undefined) : doc.imoc,
    paging: { ...doc.paging, rosterChannels },
  };
}

/** Removes a policy; rosters that used it go back to "this roster, then the IMOC". */
export function removePolicy(doc: ConfigurationDocument, index: number): ConfigurationDocument {
  const removed = doc.escalationPolicies[index];
  if (removed === undefined) return doc;
  return {
    ...doc,
    escalationPolicies: removeAt(doc.escalationPolicies, index),
    rosters: doc.rosters.map((roster) => (roster.escalationPolicyId === removed.id ? withOptional(roster, 'escalationPolicyId', undefined) : roster)),
  };
}

/** Shift length as whole days and hours, whichever spelling the document uses. */
export function shiftParts(shiftLength: RotationLayerDocument['shiftLength']): { days: number; hours: number } {
  if (typeof shiftLength !== 'string') return { days: shiftLength.days ?? 0, hours: shiftLength.hours ?? 0 };
  const match = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(\d+)H)?$/.exec(shiftLength);
  return match === null ? { days: 0, hours: 0 } : { days: Number(match[1] ?? 0) * 7 + Number(match[2] ?? 0), hours: Number(match[3] ?? 0) };
}

/** A number typed into a field: NaN stays NaN so the check can say it is not a number. */
export function numberFrom(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text);
}

/** Today's date "YYYY-MM-DD" in `timeZone`. */
export function todayIn(timeZone: string, nowMs: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(nowMs));
}

/** A `datetime-local` input's value (the admin's local time) as an ISO-8601 instant; undefined when incomplete. */
export function localInputToIso(value: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** Whether the draft differs from what is saved. */
export function isDirty(draft: ConfigurationDocument, saved: ConfigurationDocument): boolean {
  return JSON.stringify(draft) !== JSON.stringify(saved);
}

/** Takes the overrides of one roster from a freshly loaded configuration into the draft, leaving other edits alone. */
export function adoptOverrides(draft: ConfigurationDocument, fresh: ConfigurationDocument, rosterId: string): ConfigurationDocument {
  const overrides = fresh.rosters.find((roster) => roster.id === rosterId)?.overrides;
  return {
    ...draft,
    rosters: draft.rosters.map((roster) => (roster.id === rosterId ? withOptional(roster, 'overrides', overrides) : roster)),
  };
}
