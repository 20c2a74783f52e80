/** Ids that stay the same for the same input, so a re-seeded site has the same accounts and groups. */
import { createHash } from 'node:crypto';

/** A 24-hex-digit Atlassian-style account id derived from an email (or any stable name). */
export function accountIdFor(seed: string): string {
  return createHash('sha256').update(`account:${seed.toLowerCase()}`).digest('hex').slice(0, 24);
}

/** A UUID-shaped id derived from a name (group ids, environment ids). */
export function uuidFor(kind: string, seed: string): string {
  const hex = createHash('sha256').update(`${kind}:${seed}`).digest('hex');
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
