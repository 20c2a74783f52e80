/**
 * JQL the app writes, built as a syntax tree with Atlassian's own JQL library (`@atlaskit/jql-ast`)
 * and printed from it, so values are always quoted and escaped as Jira expects, and JQL an
 * administrator typed is checked by the same parser before the app relies on it.
 */
import { creators, JastBuilder, JQLSyntaxError, print, type Clause, type OperatorValue, type OrderBy } from '@atlaskit/jql-ast';
import { ValidationError } from '../domain/errors';

export type JqlClause = Clause;

/** `field <operator> "value"`, e.g. `clause('labels', '=', 'HOT-12')`. */
export function clause(field: string, operator: Extract<OperatorValue, '=' | '!=' | '>' | '>=' | '<' | '<=' | '~'>, value: string): Clause {
  return creators.terminalClause(creators.field(field), creators.operator(operator), creators.valueOperand(value));
}

/** `field in ("a", "b")` (or `not in`). */
export function inList(field: string, values: readonly string[], negated = false): Clause {
  return creators.terminalClause(creators.field(field), creators.operator(negated ? 'not in' : 'in'), creators.listOperand(values.map((value) => creators.valueOperand(value))));
}

/** Every clause at once. */
export function and(...clauses: readonly Clause[]): Clause {
  const [only] = clauses;
  if (clauses.length === 1 && only !== undefined) return only;
  return creators.compoundClause(creators.compoundOperator('and'), [...clauses]);
}

/** Any of the clauses. */
export function or(...clauses: readonly Clause[]): Clause {
  const [only] = clauses;
  if (clauses.length === 1 && only !== undefined) return only;
  return creators.compoundClause(creators.compoundOperator('or'), [...clauses]);
}

/** The JQL text of a query: its clause and, optionally, its order. */
export function jqlText(where: Clause, orderBy?: { readonly field: string; readonly direction: 'asc' | 'desc' }): string {
  const order: OrderBy | undefined =
    orderBy === undefined ? undefined : creators.orderBy([creators.orderByField(creators.field(orderBy.field), creators.orderByDirection(orderBy.direction === 'asc' ? 'ASC' : 'DESC'))]);
  return print(creators.jast(creators.query(where, order)));
}

/**
 * The filter of JQL an administrator typed (its ORDER BY dropped: the app orders what it asks for).
 *
 * @throws ValidationError naming `field` when the text is empty or not valid JQL.
 */
export function parseJqlFilter(text: string, field: string): Clause {
  const jast = new JastBuilder().build(text.trim());
  const [error] = jast.errors;
  if (error !== undefined) {
    const where = error instanceof JQLSyntaxError ? ` (line ${error.line}, character ${error.charPositionInLine + 1})` : '';
    throw new ValidationError(field, `is not valid JQL: ${error.description}${where}`.slice(0, 300));
  }
  const where = jast.query?.where;
  if (where === undefined) throw new ValidationError(field, 'must say which issues to look at, e.g. project = CHG');
  return where;
}

/** `field is EMPTY` (or `is not EMPTY`). */
export function isEmpty(field: string, negated = false): Clause {
  return creators.terminalClause(creators.field(field), creators.operator(negated ? 'is not' : 'is'), creators.keywordOperand());
}
