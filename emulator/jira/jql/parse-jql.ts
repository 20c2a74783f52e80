/**
 * JQL read with Atlassian's own parser (`@atlaskit/jql-ast`), reduced to the small tree the
 * evaluator walks. Syntax errors become Jira's 400 answer.
 */
import { JastBuilder, JQLSyntaxError, type Clause, type Operand } from '@atlaskit/jql-ast';
import { JiraHttpError } from '../errors';

export type JqlOperand =
  | { type: 'value'; value: string }
  | { type: 'empty' }
  | { type: 'function'; name: string; args: string[] }
  | { type: 'list'; values: JqlOperand[] };

export type JqlClause =
  | { type: 'and' | 'or'; clauses: JqlClause[] }
  | { type: 'not'; clause: JqlClause }
  | { type: 'terminal'; field: string; operator: string; operand: JqlOperand };

export interface JqlOrder {
  field: string;
  direction: 'asc' | 'desc';
}

export interface JqlQuery {
  where?: JqlClause;
  orderBy: JqlOrder[];
}

const supportedOperators = new Set(['=', '!=', 'in', 'not in', '~', '!~', '>', '>=', '<', '<=', 'is', 'is not']);

export function parseJql(jql: string): JqlQuery {
  if (jql.trim() === '') return { orderBy: [] };
  const jast = new JastBuilder().build(jql);
  const [error] = jast.errors;
  if (error) {
    const where = error instanceof JQLSyntaxError ? ` (line ${error.line}, character ${error.charPositionInLine + 1})` : '';
    throw new JiraHttpError(400, [`Error in the JQL Query: ${error.description}${where}`]);
  }
  const query = jast.query;
  if (!query) return { orderBy: [] };
  return {
    ...(query.where ? { where: convertClause(query.where) } : {}),
    orderBy: (query.orderBy?.fields ?? []).map((field) => ({
      field: field.field.value,
      direction: field.direction?.value.toLowerCase() === 'desc' ? 'desc' : 'asc',
    })),
  };
}

function convertClause(clause: Clause): JqlClause {
  switch (clause.clauseType) {
    case 'compound':
      return { type: clause.operator.value === 'or' ? 'or' : 'and', clauses: clause.clauses.map(convertClause) };
    case 'not':
      return { type: 'not', clause: convertClause(clause.clause) };
    case 'terminal': {
      const operator = clause.operator ? clause.operator.value.toLowerCase() : '';
      if (!supportedOperators.has(operator)) {
        throw new JiraHttpError(501, [`Not implemented on the local site: the JQL operator '${operator.toUpperCase()}'`]);
      }
      if (clause.predicates.length > 0) throw new JiraHttpError(501, ['Not implemented on the local site: JQL predicates (BY, DURING, …)']);
      if (clause.field.properties && clause.field.properties.length > 0) throw new JiraHttpError(501, ['Not implemented on the local site: JQL entity properties']);
      if (!clause.operand) throw new JiraHttpError(400, [`Error in the JQL Query: Expecting a value after '${operator}' for field '${clause.field.value}'.`]);
      return { type: 'terminal', field: clause.field.value, operator, operand: convertOperand(clause.operand) };
    }
  }
}

function convertOperand(operand: Operand): JqlOperand {
  switch (operand.operandType) {
    case 'value':
      return { type: 'value', value: operand.value };
    case 'keyword':
      return { type: 'empty' };
    case 'function':
      return { type: 'function', name: operand.function.value, args: operand.arguments.map((argument) => argument.value) };
    case 'list':
      return { type: 'list', values: operand.values.map(convertOperand) };
  }
}
