/** Small pieces every issue list and issue view shows the same way: status, people, dates, issue types. */
import Avatar from '@atlaskit/avatar';
import Lozenge from '@atlaskit/lozenge';
import { Inline, Text } from '@atlaskit/primitives';
import * as z from 'zod/mini';
import { status as statusSchema, user as userSchema } from '../api/jira';

/** Jira's status colours: to do is grey, in progress blue, done green. */
export function StatusLozenge({ value }: { value: unknown }) {
  const parsed = statusSchema.safeParse(value);
  if (!parsed.success) return null;
  const category = parsed.data.statusCategory?.key;
  const appearance = category === 'done' ? 'success' : category === 'indeterminate' ? 'inprogress' : 'default';
  return (
    <Lozenge appearance={appearance} testId="status-lozenge">
      {parsed.data.name}
    </Lozenge>
  );
}

export function UserView({ value, emptyText = 'Unassigned' }: { value: unknown; emptyText?: string }) {
  const parsed = userSchema.safeParse(value);
  if (!parsed.success) return <Text color="color.text.subtlest">{emptyText}</Text>;
  const name = parsed.data.displayName ?? parsed.data.accountId;
  const src = parsed.data.avatarUrls?.['24x24'] ?? parsed.data.avatarUrls?.['48x48'];
  return (
    <Inline space="space.075" alignBlock="center">
      <Avatar size="xsmall" name={name} {...(src === undefined ? {} : { src })} />
      <Text>{name}</Text>
    </Inline>
  );
}

export function formatDateTime(value: unknown, timeZone?: string): string {
  if (typeof value !== 'string' || value === '') return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  try {
    return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', ...(timeZone === undefined ? {} : { timeZone }) }).format(date);
  } catch {
    return date.toLocaleString();
  }
}

export function formatDate(value: unknown): string {
  if (typeof value !== 'string' || value === '') return '';
  const date = new Date(`${value}T00:00:00`);
  return Number.isNaN(date.getTime()) ? value : new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(date);
}

const named = z.looseObject({ name: z.optional(z.string()), value: z.optional(z.string()), displayName: z.optional(z.string()), key: z.optional(z.string()) });

const iconic = z.looseObject({ name: z.string(), iconUrl: z.optional(z.string()) });

/** An issue type or priority with its icon, as Jira lists them. */
export function IconName({ value }: { value: unknown }) {
  const parsed = iconic.safeParse(value);
  if (!parsed.success) return <Text>{fieldText(value)}</Text>;
  return (
    <Inline space="space.075" alignBlock="center">
      {parsed.data.iconUrl === undefined ? null : <img src={parsed.data.iconUrl} alt="" width={16} height={16} />}
      <Text>{parsed.data.name}</Text>
    </Inline>
  );
}

/** A one-line text for any field value Jira returns (options, users, lists, numbers). */
export function fieldText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(fieldText).filter(Boolean).join(', ');
  const parsed = named.safeParse(value);
  if (parsed.success) {
    const text = parsed.data.displayName ?? parsed.data.value ?? parsed.data.name ?? parsed.data.key;
    if (text !== undefined) return text;
  }
  return JSON.stringify(value);
}
