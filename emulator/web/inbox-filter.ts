/**
 * Which outbox entries a person received: those addressed to their email or account id, and those
 * whose message names them as a recipient or subject (a page whose payload carries the on-call
 * person's email, an email sent to several people at once).
 */
export interface Recipient {
  accountId: string;
  emailAddress: string;
}

export interface AddressedEntry {
  to: string;
  body: unknown;
  request: unknown;
}

function collectStrings(value: unknown, into: Set<string>, depth = 0): void {
  if (depth > 12) return;
  if (typeof value === 'string') {
    into.add(value.toLowerCase());
    // Address lists ("a@x, b@y") and mention syntax count as naming each address.
    for (const part of value.split(/[\s,;<>()"']+/)) if (part !== '') into.add(part.toLowerCase());
    return;
  }
  if (Array.isArray(value)) {
    for (const item of value) collectStrings(item, into, depth + 1);
    return;
  }
  if (value !== null && typeof value === 'object') {
    for (const item of Object.values(value)) collectStrings(item, into, depth + 1);
  }
}

/** True when the entry was sent to, or names, this person. */
export function isAddressedTo(entry: AddressedEntry, person: Recipient): boolean {
  const identities = [person.emailAddress.toLowerCase(), person.accountId.toLowerCase()];
  const strings = new Set<string>();
  collectStrings(entry.to, strings);
  collectStrings(entry.request, strings);
  collectStrings(entry.body, strings);
  return identities.some((identity) => strings.has(identity));
}
