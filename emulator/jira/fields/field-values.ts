/**
 * Field values in their three forms: what REST clients send (`{"value": "Sev 1"}`), what the site
 * stores (an option id), and what Jira answers, logs and searches.
 *
 * Stored forms: text → string, adf → document, user → accountId, group → groupId, option → option
 * id, datetime → epoch ms, date → `YYYY-MM-DD`, number → number, label → string, object → JSON,
 * priority/resolution → id. Multi-valued fields store an array; an empty value is stored as null.
 */
import { adfProblem, adfToHtml, adfToText } from '../adf';
import { priorities, resolutions } from '../jira-defaults';
import { formatJiraTime, parseJiraDate, parseJiraTime, renderJiraDate, renderJiraTime } from '../jira-time';
import type { Presenter } from '../presenter';
import type { JiraStore } from '../store/jira-store';
import type { FieldCatalog, FieldDef } from './field-catalog';

/** A value a client sent that the field cannot take; `reason` is Jira's message for it. */
export class FieldValueError extends Error {
  override readonly name = 'FieldValueError';
  constructor(readonly reason: string) {
    super(reason);
  }
}

export interface IssueScope {
  projectId: string;
  issueTypeId: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export class FieldValues {
  constructor(
    private readonly store: JiraStore,
    private readonly catalog: FieldCatalog,
    private readonly present: Presenter,
  ) {}

  /** The stored form of a `fields` value (or an update `set`), null for "no value". */
  parse(field: FieldDef, input: unknown, scope: IssueScope): unknown {
    if (input === null) return null;
    if (field.multi) {
      if (!Array.isArray(input)) throw new FieldValueError(`Field '${field.id}' expects an array of values.`);
      const values = input.map((element) => this.parseOne(field, element, scope));
      const unique = values.filter((value, index) => values.findIndex((other) => JSON.stringify(other) === JSON.stringify(value)) === index);
      return unique.length === 0 ? null : unique;
    }
    return this.parseOne(field, input, scope);
  }

  /** The stored form of one element of a multi-valued field (for `add` and `remove`). */
  parseOne(field: FieldDef, input: unknown, scope: IssueScope): unknown {
    switch (field.kind) {
      case 'string': {
        if (typeof input !== 'string') throw new FieldValueError(`Operation value must be a string`);
        if (field.id === 'summary' && /[\r\n]/.test(input)) throw new FieldValueError('The summary is invalid because it contains newline characters.');
        if (field.maxLength !== undefined && input.length > field.maxLength) {
          throw new FieldValueError(field.id === 'summary' ? 'Summary must be less than 255 characters.' : `The entered text is too long. It exceeds the allowed limit of ${field.maxLength} characters.`);
        }
        return input === '' ? null : input;
      }
      case 'url': {
        if (typeof input !== 'string') throw new FieldValueError('Operation value must be a string');
        if (input === '') return null;
        if (!URL.canParse(input)) throw new FieldValueError(`Not a valid URL`);
        return input;
      }
      case 'adf': {
        const problem = adfProblem(input);
        if (problem !== undefined) throw new FieldValueError(problem);
        return input;
      }
      case 'user': {
        const accountId = isRecord(input) ? input['accountId'] : undefined;
        if (typeof accountId !== 'string') throw new FieldValueError(`Specify the user by accountId, e.g. {"accountId": "5b10ac8d82e05b22cc7d4ef5"}.`);
        const user = this.store.users.byAccountId(accountId);
        if (!user) throw new FieldValueError(`The user with account ID '${accountId}' does not exist.`);
        return user.accountId;
      }
      case 'group': {
        const name = isRecord(input) ? input['name'] : undefined;
        const groupId = isRecord(input) ? input['groupId'] : undefined;
        const group =
          typeof groupId === 'string' ? this.store.users.groupById(groupId) : typeof name === 'string' ? this.store.users.groupByName(name) : undefined;
        if (!group) throw new FieldValueError(`Group '${String(groupId ?? name)}' does not exist.`);
        return group.groupId;
      }
      case 'option': {
        const options = this.catalog.optionsFor(field.id, scope.projectId, scope.issueTypeId);
        if (isRecord(input) && typeof input['id'] === 'string') {
          const id = input['id'];
          const option = options.find((candidate) => candidate.id === id && !candidate.disabled);
          if (!option) throw new FieldValueError(`Option id '${id}' is not valid`);
          return option.id;
        }
        if (isRecord(input) && typeof input['value'] === 'string') {
          const value = input['value'];
          const option = options.find((candidate) => candidate.value === value && !candidate.disabled);
          if (!option) throw new FieldValueError(`Option value '${value}' is not valid`);
          return option.id;
        }
        throw new FieldValueError(`Specify a valid 'id' or 'name' for ${field.name}`);
      }
      case 'datetime': {
        const ms = typeof input === 'string' ? parseJiraTime(input) : undefined;
        if (ms === undefined) throw new FieldValueError(`Invalid date format. Please enter the date in the format "yyyy-MM-dd'T'HH:mm:ss.SSSZ".`);
        return ms;
      }
      case 'date': {
        const date = typeof input === 'string' ? parseJiraDate(input) : undefined;
        if (date === undefined) throw new FieldValueError(`Date value '${String(input)}' is invalid. Please enter the date in the format "yyyy-MM-dd".`);
        return date;
      }
      case 'number': {
        if (typeof input !== 'number' || !Number.isFinite(input)) throw new FieldValueError('Operation value must be a number');
        return input;
      }
      case 'label': {
        if (typeof input !== 'string' || input.trim() === '') throw new FieldValueError('Operation value must be a string');
        if (/\s/.test(input)) throw new FieldValueError(`The label '${input}' contains spaces which is invalid.`);
        if (input.length > 255) throw new FieldValueError('The label exceeds the maximum length of 255 characters.');
        return input;
      }
      case 'object': {
        if (!isRecord(input) && !Array.isArray(input)) throw new FieldValueError('Operation value must be an object');
        return input;
      }
      case 'priority': {
        const id = isRecord(input) ? input['id'] : undefined;
        const name = isRecord(input) ? input['name'] : undefined;
        const priority = priorities.find((candidate) => candidate.id === id || candidate.name === name);
        if (!priority) throw new FieldValueError(`Specify a valid 'id' or 'name' for Priority`);
        return priority.id;
      }
      case 'resolution': {
        const id = isRecord(input) ? input['id'] : undefined;
        const name = isRecord(input) ? input['name'] : undefined;
        const resolution = resolutions.find((candidate) => candidate.id === id || candidate.name === name);
        if (!resolution) throw new FieldValueError(`Specify a valid 'id' or 'name' for Resolution`);
        return resolution.id;
      }
      default:
        throw new FieldValueError(`Field '${field.id}' cannot be set. It is not on the appropriate screen, or unknown.`);
    }
  }

  /** The value as `GET /issue` shows it. */
  toRest(field: FieldDef, stored: unknown): unknown {
    if (field.multi) {
      const values = Array.isArray(stored) ? stored : [];
      if (values.length === 0) return field.kind === 'label' ? [] : null;
      return values.map((value) => this.oneToRest(field, value)).filter((value) => value !== null);
    }
    return stored === null || stored === undefined ? null : this.oneToRest(field, stored);
  }

  private oneToRest(field: FieldDef, stored: unknown): unknown {
    switch (field.kind) {
      case 'user':
        return typeof stored === 'string' ? this.present.userByAccountId(stored) : null;
      case 'group': {
        const group = typeof stored === 'string' ? this.store.users.groupById(stored) : undefined;
        return group ? this.present.groupName(group) : null;
      }
      case 'option': {
        const option = typeof stored === 'string' ? this.store.fields.option(stored) : undefined;
        return option ? this.present.option(option) : null;
      }
      case 'datetime':
        return typeof stored === 'number' ? formatJiraTime(stored) : null;
      case 'priority':
        return typeof stored === 'string' ? this.present.priority(stored) : null;
      case 'resolution':
        return typeof stored === 'string' ? this.present.resolution(stored) : null;
      default:
        return stored;
    }
  }

  /** The value in Forge event payloads, where users are reduced to `{accountId}`. */
  toEvent(field: FieldDef, stored: unknown): unknown {
    if (field.kind !== 'user') return this.toRest(field, stored);
    if (field.multi) return Array.isArray(stored) ? stored.map((accountId) => ({ accountId })) : null;
    return typeof stored === 'string' ? { accountId: stored } : null;
  }

  /** `from`/`fromString` (or `to`/`toString`) of a changelog item. */
  changeStrings(field: FieldDef, stored: unknown): { value: string | null; text: string | null } {
    if (stored === null || stored === undefined || (Array.isArray(stored) && stored.length === 0)) return { value: null, text: null };
    const values = Array.isArray(stored) ? stored : [stored];
    const describe = (value: unknown): { value: string | null; text: string } => {
      switch (field.kind) {
        case 'user':
          return { value: String(value), text: this.store.users.byAccountId(String(value))?.displayName ?? String(value) };
        case 'group':
          return { value: String(value), text: this.store.users.groupById(String(value))?.name ?? String(value) };
        case 'option':
          return { value: String(value), text: this.store.fields.option(String(value))?.value ?? String(value) };
        case 'priority':
          return { value: String(value), text: priorities.find((priority) => priority.id === value)?.name ?? String(value) };
        case 'status':
          return { value: String(value), text: this.store.projects.status(String(value))?.name ?? String(value) };
        case 'resolution':
          return { value: String(value), text: resolutions.find((resolution) => resolution.id === value)?.name ?? String(value) };
        case 'datetime':
          return { value: typeof value === 'number' ? formatJiraTime(value) : null, text: typeof value === 'number' ? renderJiraTime(value) : String(value) };
        case 'date':
          return { value: String(value), text: renderJiraDate(String(value)) };
        case 'adf':
          return { value: null, text: adfToText(value) };
        case 'object':
          return { value: null, text: JSON.stringify(value) };
        default:
          return { value: null, text: String(value) };
      }
    };
    const described = values.map(describe);
    if (!field.multi) return described[0] ?? { value: null, text: null };
    const ids = described.map((entry) => entry.value).filter((value): value is string => value !== null);
    return {
      value: ids.length === 0 ? null : `[${ids.join(', ')}]`,
      text: described.map((entry) => entry.text).join(field.kind === 'label' ? ' ' : ','),
    };
  }

  /** The HTML or text Jira puts in `renderedFields`. */
  rendered(field: FieldDef, stored: unknown): string | null {
    if (stored === null || stored === undefined) return null;
    if (field.kind === 'adf') return adfToHtml(stored);
    if (field.kind === 'datetime' && typeof stored === 'number') return renderJiraTime(stored);
    if (field.kind === 'date' && typeof stored === 'string') return renderJiraDate(stored);
    return null;
  }

  /** The words a `~` search looks in. */
  searchText(field: FieldDef, stored: unknown): string {
    if (stored === null || stored === undefined) return '';
    if (field.kind === 'adf') return adfToText(stored);
    if (Array.isArray(stored)) return stored.map(String).join(' ');
    return typeof stored === 'string' ? stored : '';
  }
}
