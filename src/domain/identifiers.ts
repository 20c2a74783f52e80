import { z } from 'zod';
import { parseWith } from './parse-input';

/** An Atlassian account id: opaque, never a display name or email. */
export type AccountId = string;

/** A Jira issue key such as HOT-12. */
export type IssueKey = string;

/** Zod schema for an Atlassian account id. */
export const accountIdSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(128, 'must be at most 128 characters')
  .regex(/^\S+$/, 'must be an account id without spaces');

/** Zod schema for a Jira issue key: project key (uppercase letter, then letters, digits or _) and a positive number. */
export const issueKeySchema = z
  .string()
  .regex(/^[A-Z][A-Z0-9_]+-[1-9][0-9]*$/, 'must be a Jira issue key such as HOT-12');

/** Zod schema for a link the team opens in a browser. */
export const webUrlSchema = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

/** Parses a Jira issue key, e.g. "HOT-12". */
export function parseIssueKey(value: unknown, field = 'key'): IssueKey {
  return parseWith(issueKeySchema, value, field);
}

/** Parses an Atlassian account id. */
export function parseAccountId(value: unknown, field = 'accountId'): AccountId {
  return parseWith(accountIdSchema, value, field);
}
