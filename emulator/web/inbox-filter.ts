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

/** Property names whose values are credentials: a PagerDuty routing key, an authorization header. */
const secretProperties = new Set(['routing_key', 'routingkey', 'authorization', 'token', 'x-api-key']);

/**
 * The entry as someone who is not a site administrator may see it: every credential it carries (a
 * PagerDuty routing key, which is also such a page's `to`; authorization headers) masked wherever
 * it appears, so a person can read the page they received without learning how to send one.
 */
export function withoutSecrets<T extends AddressedEntry & { channel: string }>(entry: T): T {
  const secrets = new Set<string>();
  if (entry.channel === 'pagerduty' && entry.to !== '') secrets.add(entry.to);
  collectSecrets(entry.request, secrets);
  collectSecrets(entry.body, secrets);
  if (secrets.size === 0) return entry;
  const mask = (value: unknown, depth = 0): unknown => {
    if (depth > 12) return value;
    if (typeof value === 'string') return [...secrets].reduce((text, secret) => text.split(secret).join(masked(secret)), value);
    if (Array.isArray(value)) return value.map((item) => mask(item, depth + 1));
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, mask(item, depth + 1)]));
    return value;
  };
  return { ...entry, to: mask(entry.to), body: mask(entry.body), request: mask(entry.request) };
}

function collectSecrets(value: unknown, into: Set<string>, depth = 0): void {
  if (depth > 12 || value === null || typeof value !== 'object') return;
  for (const [name, item] of Object.entries(value)) {
    if (typeof item === 'string' && item.length >= 4 && secretProperties.has(name.toLowerCase())) into.add(item);
    else collectSecrets(item, into, depth + 1);
  }
}

function masked(secret: string): string {
  return `••••${secret.slice(-2)}`;
}
