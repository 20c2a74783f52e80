/**
 * How the create screen treats each field Jira's createmeta describes: which input it gets, and how
 * what a person entered becomes the value `POST /rest/api/3/issue` expects. Driven by the field's
 * schema alone, so the app's own fields need no special case.
 */
import type { AllowedValue, CreateField } from '../api/jira';

export type InputKind = 'text' | 'richText' | 'number' | 'select' | 'multiSelect' | 'checkboxes' | 'user' | 'users' | 'date' | 'datetime' | 'labels' | 'json';

/** What the inputs hold: text for most, ids for choices, account ids for people. */
export type InputValue = string | string[];

const customType = (field: CreateField): string => (field.schema.custom ?? '').split(':').pop() ?? '';

/** Fields the screen sets itself or never shows. */
export function isHiddenOnCreate(field: CreateField): boolean {
  return field.fieldId === 'project' || field.fieldId === 'issuetype' || field.schema.type === 'attachment' || field.schema.type === 'issuelinks';
}

export function inputKind(field: CreateField): InputKind {
  const { type, items, system } = field.schema;
  const custom = customType(field);
  if (system === 'description' || system === 'environment' || custom === 'textarea') return 'richText';
  if (type === 'user') return 'user';
  if (type === 'array' && items === 'user') return 'users';
  if (type === 'date') return 'date';
  if (type === 'datetime') return 'datetime';
  if (type === 'number') return 'number';
  if (type === 'array' && (custom === 'multicheckboxes' || custom === 'checkboxes')) return field.allowedValues === undefined ? 'labels' : 'checkboxes';
  if (type === 'array' && field.allowedValues !== undefined) return 'multiSelect';
  if (type === 'array' && items === 'string') return 'labels';
  if (field.allowedValues !== undefined) return 'select';
  if (type === 'string') return 'text';
  return 'json';
}

/** The label an allowed value shows: options have `value`, priorities and components `name`. */
export function allowedLabel(value: AllowedValue): string {
  return value.value ?? value.name ?? value.key ?? value.id ?? '';
}

/** The id an input keeps for an allowed value. */
export function allowedId(value: AllowedValue): string {
  return value.id ?? value.key ?? value.value ?? value.name ?? '';
}

function reference(field: CreateField, id: string): Record<string, string> {
  const match = field.allowedValues?.find((value) => allowedId(value) === id);
  if (match?.id !== undefined) return { id: match.id };
  if (match?.key !== undefined) return { key: match.key };
  if (match?.value !== undefined) return { value: match.value };
  if (match?.name !== undefined) return { name: match.name };
  return { id };
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** Jira's date-time format, in UTC: `2026-03-01T14:05:00.000+0000`. */
export function jiraDateTime(value: string): string | undefined {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return undefined;
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}.${pad(date.getUTCMilliseconds(), 3)}+0000`;
}

export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(
    readonly fieldId: string,
    reason: string,
  ) {
    super(reason);
  }
}

/**
 * The request value for one field, or undefined to leave the field out (nothing entered).
 * `toAdf` turns text into the ADF document rich-text fields take.
 */
export function requestValue(field: CreateField, input: InputValue | undefined, toAdf: (text: string) => unknown): unknown {
  const kind = inputKind(field);
  const list = Array.isArray(input) ? input : input === undefined || input === '' ? [] : [input];
  const text = typeof input === 'string' ? input.trim() : '';
  switch (kind) {
    case 'text':
      return text === '' ? undefined : text;
    case 'richText':
      return text === '' ? undefined : toAdf(text);
    case 'number': {
      if (text === '') return undefined;
      const number = Number(text);
      if (!Number.isFinite(number)) throw new InputError(field.fieldId, `${field.name} must be a number`);
      return number;
    }
    case 'select':
      return text === '' ? undefined : reference(field, text);
    case 'multiSelect':
    case 'checkboxes':
      return list.length === 0 ? undefined : list.map((id) => reference(field, id));
    case 'user':
      return text === '' ? undefined : { accountId: text };
    case 'users':
      return list.length === 0 ? undefined : list.map((accountId) => ({ accountId }));
    case 'date':
      return text === '' ? undefined : text;
    case 'datetime': {
      if (text === '') return undefined;
      const value = jiraDateTime(text);
      if (value === undefined) throw new InputError(field.fieldId, `${field.name} must be a date and time`);
      return value;
    }
    case 'labels': {
      const labels = text.split(/[\s,]+/).filter(Boolean);
      return labels.length === 0 ? undefined : labels;
    }
    case 'json': {
      if (text === '') return undefined;
      try {
        return JSON.parse(text) as unknown;
      } catch {
        throw new InputError(field.fieldId, `${field.name} must be JSON`);
      }
    }
  }
}

/** The input's starting value: the field's default from createmeta, if it has one. */
export function initialInput(field: CreateField): InputValue {
  const kind = inputKind(field);
  const value = field.hasDefaultValue === true ? field.defaultValue : undefined;
  if (value === undefined || value === null) return kind === 'multiSelect' || kind === 'checkboxes' || kind === 'users' ? [] : '';
  const idOf = (item: unknown): string => {
    if (typeof item === 'string') return item;
    if (typeof item === 'object' && item !== null) {
      const record = item as Record<string, unknown>;
      for (const key of ['id', 'accountId', 'key', 'value', 'name']) if (typeof record[key] === 'string') return record[key];
    }
    return '';
  };
  if (Array.isArray(value)) return kind === 'labels' ? value.map(idOf).join(' ') : value.map(idOf);
  if (kind === 'number' && typeof value === 'number') return String(value);
  return idOf(value);
}
