/**
 * Evaluates parsed JQL over stored issues. Every clause is resolved before any issue is looked at,
 * so a query naming an unknown field, value or function fails with Jira's 400 even on an empty site.
 */
import { JiraHttpError } from '../errors';
import type { IssueRecord } from '../store/model';
import { jqlField, type JqlEnvironment, type JqlField, type Scalar } from './jql-fields';
import type { JqlClause, JqlOperand, JqlQuery } from './parse-jql';
import { searchTerms, textMatches } from './text-match';

export interface CompiledJql {
  matches(issue: IssueRecord): boolean;
  /** Orders issues as ORDER BY asks; without ORDER BY, newest first. */
  compare(a: IssueRecord, b: IssueRecord): number;
}

type Predicate = (issue: IssueRecord) => boolean;

/** The values an operand stands for; `empty` marks an EMPTY among them. */
interface Resolved {
  values: Scalar[];
  empty: boolean;
}

const unsupported = (operator: string, field: string): JiraHttpError =>
  new JiraHttpError(400, [`The operator '${operator.toUpperCase()}' is not supported by the '${field}' field.`]);

export function compileJql(query: JqlQuery, env: JqlEnvironment): CompiledJql {
  const predicate = query.where ? compileClause(query.where, env) : () => true;
  const orderings = query.orderBy.map((order) => {
    let field: JqlField;
    try {
      field = jqlField(order.field, env);
    } catch (error) {
      if (error instanceof JiraHttpError) throw new JiraHttpError(400, [`Not able to sort using field '${order.field}'.`]);
      throw error;
    }
    return { field, direction: order.direction === 'desc' ? -1 : 1 };
  });
  return {
    matches: predicate,
    compare: (a, b) => {
      for (const { field, direction } of orderings) {
        const result = compareSortKeys(field.sortKey(a), field.sortKey(b), direction);
        if (result !== 0) return result;
      }
      return orderings.length === 0 ? b.created - a.created || Number(b.id) - Number(a.id) : Number(b.id) - Number(a.id);
    },
  };
}

/** EMPTY sorts last going up and first going down, as in Jira. */
function compareSortKeys(a: Scalar | undefined, b: Scalar | undefined, direction: number): number {
  if (a === undefined && b === undefined) return 0;
  if (a === undefined) return direction;
  if (b === undefined) return -direction;
  if (typeof a === 'number' && typeof b === 'number') return (a - b) * direction;
  return String(a).localeCompare(String(b)) * direction;
}

function compileClause(clause: JqlClause, env: JqlEnvironment): Predicate {
  switch (clause.type) {
    case 'and': {
      const parts = clause.clauses.map((part) => compileClause(part, env));
      return (issue) => parts.every((part) => part(issue));
    }
    case 'or': {
      const parts = clause.clauses.map((part) => compileClause(part, env));
      return (issue) => parts.some((part) => part(issue));
    }
    case 'not': {
      const inner = compileClause(clause.clause, env);
      return (issue) => !inner(issue);
    }
    case 'terminal':
      return compileTerminal(clause.field, clause.operator, clause.operand, env);
  }
}

function resolveOperand(field: JqlField, operand: JqlOperand, operator: string): Resolved {
  switch (operand.type) {
    case 'empty':
      return { values: [], empty: true };
    case 'value': {
      if (!field.literal) throw unsupported(operator, field.label);
      const values = field.literal(operand.value);
      // A literal that resolves to nothing (`resolution = Unresolved`) means EMPTY.
      return { values, empty: values.length === 0 };
    }
    case 'function': {
      if (!field.call) throw new JiraHttpError(400, [`Unable to find JQL function '${operand.name}()' for field '${field.label}'.`]);
      return { values: field.call(operand.name, operand.args), empty: false };
    }
    case 'list': {
      const parts = operand.values.map((value) => resolveOperand(field, value, operator));
      return { values: parts.flatMap((part) => part.values), empty: parts.some((part) => part.empty) };
    }
  }
}

function compileTerminal(name: string, operator: string, operand: JqlOperand, env: JqlEnvironment): Predicate {
  const field = jqlField(name, env);
  const isEmpty = (issue: IssueRecord): boolean => field.values(issue).length === 0;

  switch (operator) {
    case 'is':
    case 'is not': {
      if (operand.type !== 'empty') throw new JiraHttpError(400, [`The operator '${operator.toUpperCase()}' only accepts EMPTY or NULL for field '${field.label}'.`]);
      return operator === 'is' ? isEmpty : (issue) => !isEmpty(issue);
    }
    case '~':
    case '!~': {
      const read = field.text;
      if (!read) throw unsupported(operator, field.label);
      if (operand.type === 'empty') return operator === '~' ? (issue) => read(issue).trim() === '' : (issue) => read(issue).trim() !== '';
      if (operand.type !== 'value') throw new JiraHttpError(400, [`The operator '${operator}' needs a text value for field '${field.label}'.`]);
      const wanted = operand.value;
      if (!/^".+"$/.test(wanted.trim()) && searchTerms(wanted).length === 0) {
        throw new JiraHttpError(400, [`The value '${wanted}' for field '${field.label}' is invalid: it holds only words Jira does not search for.`]);
      }
      return operator === '~' ? (issue) => textMatches(read(issue), wanted) : (issue) => read(issue).trim() !== '' && !textMatches(read(issue), wanted);
    }
    case '=':
    case '!=':
    case 'in':
    case 'not in': {
      const list = operator === 'in' || operator === 'not in';
      if (list && operand.type !== 'list' && operand.type !== 'function') throw new JiraHttpError(400, [`The operator '${operator.toUpperCase()}' needs a list of values for field '${field.label}'.`]);
      if (!list && operand.type === 'list') throw new JiraHttpError(400, [`The operator '${operator}' does not accept a list of values for field '${field.label}'.`]);
      const resolved = resolveOperand(field, operand, operator);
      const wanted = new Set(resolved.values);
      const hit = (issue: IssueRecord): boolean => field.values(issue).some((value) => wanted.has(value));
      if (operator === '=' || operator === 'in') return (issue) => (resolved.empty && isEmpty(issue)) || hit(issue);
      // Jira's negative operators never match an EMPTY field.
      return (issue) => !isEmpty(issue) && !hit(issue);
    }
    case '>':
    case '>=':
    case '<':
    case '<=': {
      const compare = field.compare;
      if (!compare) throw unsupported(operator, field.label);
      if (operand.type !== 'value' && operand.type !== 'function') throw new JiraHttpError(400, [`The operator '${operator}' needs a single value for field '${field.label}'.`]);
      const [target] = resolveOperand(field, operand, operator).values;
      if (target === undefined) throw new JiraHttpError(400, [`The operator '${operator}' needs a value for field '${field.label}'.`]);
      const test = { '>': (sign: number) => sign > 0, '>=': (sign: number) => sign >= 0, '<': (sign: number) => sign < 0, '<=': (sign: number) => sign <= 0 }[operator];
      return (issue) => {
        const sign = compare(issue, target);
        return sign !== undefined && test(sign);
      };
    }
    default:
      throw new JiraHttpError(501, [`Not implemented on the local site: the JQL operator '${operator.toUpperCase()}'`]);
  }
}
