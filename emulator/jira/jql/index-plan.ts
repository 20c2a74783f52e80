/**
 * Which stored issues a JQL query can possibly match, said in SQL over indexed columns, and whether
 * its order is an indexed column's. The plan only ever narrows to a superset: every candidate is
 * still judged by the compiled query, so Jira's semantics stay exactly those of evaluate-jql.ts,
 * while a search at 10,000 issues reads the few rows it can return instead of every visible issue.
 *
 * Indexed: project, status (and status category through its statuses), resolution, created and
 * updated, in top-level AND conjuncts; ORDER BY created or updated (or none, meaning created DESC).
 */
import type { JiraServices } from '../context';
import { statusCategories } from '../jira-defaults';
import { jqlField, type JqlEnvironment, type Scalar } from './jql-fields';
import type { JqlClause, JqlOperand, JqlQuery } from './parse-jql';

export interface IndexPlan {
  /** SQL conditions over `jira_issues`, all of which a matching issue meets. */
  conditions: string[];
  params: (string | number)[];
  /** Set when the query's order is exactly this column's, newest id first on ties (see compileJql). */
  order?: { column: 'created' | 'updated'; direction: 'ASC' | 'DESC' };
}

/** The expressions the schema indexes (store/schema.ts): the same text, so SQLite uses the index. */
export const indexedStatus = "json_extract(fields, '$.status')";
export const indexedResolution = "json_extract(fields, '$.resolution')";

export function indexPlan(query: JqlQuery, env: JqlEnvironment): IndexPlan {
  const plan: IndexPlan = { conditions: [], params: [] };
  const conjuncts = query.where === undefined ? [] : query.where.type === 'and' ? query.where.clauses : [query.where];
  for (const clause of conjuncts) narrow(plan, clause, env);
  const [first, ...rest] = query.orderBy;
  if (first === undefined) plan.order = { column: 'created', direction: 'DESC' };
  else if (rest.length === 0) {
    const column = orderColumns[first.field.toLowerCase()];
    if (column !== undefined) plan.order = { column, direction: first.direction === 'desc' ? 'DESC' : 'ASC' };
  }
  return plan;
}

const orderColumns: Record<string, 'created' | 'updated'> = { created: 'created', createddate: 'created', updated: 'updated', updateddate: 'updated' };
const rangeOperators: Record<string, string> = { '>': '>', '>=': '>=', '<': '<', '<=': '<=' };

function narrow(plan: IndexPlan, clause: JqlClause, env: JqlEnvironment): void {
  if (clause.type !== 'terminal') return;
  const name = clause.field.toLowerCase();
  const { operator, operand } = clause;
  const positive = operator === '=' || operator === 'in';
  const negative = operator === '!=' || operator === 'not in';
  if (name === 'project' && positive) {
    const values = literalValues(name, operand, env);
    if (values !== undefined && !values.empty) addIn(plan, 'project_id', values.values, false);
  } else if (name === 'status' && (positive || negative)) {
    const values = literalValues(name, operand, env);
    if (values !== undefined && !values.empty) addIn(plan, indexedStatus, values.values, negative);
  } else if (name === 'statuscategory' && (positive || negative)) {
    const values = literalValues(name, operand, env);
    if (values === undefined || values.empty) return;
    const keys = new Set(values.values.map(String));
    addIn(plan, indexedStatus, statusIdsIn(env.services, keys), negative);
  } else if (name === 'resolution') {
    if (operator === 'is' || operator === 'is not') {
      plan.conditions.push(`${indexedResolution} IS ${operator === 'is' ? '' : 'NOT '}NULL`);
      return;
    }
    if (!positive && !negative) return;
    const values = literalValues(name, operand, env);
    if (values === undefined) return;
    if (positive) {
      const ids = values.values.map(String);
      const parts = [...(ids.length > 0 ? [`${indexedResolution} IN (${ids.map(() => '?').join(', ')})`] : []), ...(values.empty ? [`${indexedResolution} IS NULL`] : [])];
      if (parts.length === 0) return;
      plan.conditions.push(`(${parts.join(' OR ')})`);
      plan.params.push(...ids);
    } else {
      // Jira's negative operators never match an EMPTY field: an unresolved issue never matches.
      plan.conditions.push(`${indexedResolution} IS NOT NULL`);
    }
  } else if ((name in orderColumns) && operator in rangeOperators && (operand.type === 'value' || operand.type === 'function')) {
    const field = jqlField(clause.field, env);
    const [target] = operand.type === 'value' ? (field.literal?.(operand.value) ?? []) : (field.call?.(operand.name, operand.args) ?? []);
    if (typeof target !== 'number') return;
    plan.conditions.push(`${orderColumns[name] ?? 'created'} ${rangeOperators[operator] ?? '='} ?`);
    plan.params.push(target);
  }
}

/** The values a literal operand (or list of literals) stands for, as compileJql resolves them. */
function literalValues(name: string, operand: JqlOperand, env: JqlEnvironment): { values: Scalar[]; empty: boolean } | undefined {
  const field = jqlField(name, env);
  const resolve = (part: JqlOperand): { values: Scalar[]; empty: boolean } | undefined => {
    if (part.type === 'empty') return { values: [], empty: true };
    if (part.type === 'value' && field.literal) {
      const values = field.literal(part.value);
      return { values, empty: values.length === 0 };
    }
    if (part.type === 'list') {
      const parts = part.values.map(resolve);
      if (parts.some((entry) => entry === undefined)) return undefined;
      return { values: parts.flatMap((entry) => entry?.values ?? []), empty: parts.some((entry) => entry?.empty === true) };
    }
    return undefined;
  };
  return resolve(operand);
}

function statusIdsIn(services: JiraServices, categoryKeys: Set<string>): string[] {
  const known = new Set(Object.values(statusCategories).map((category) => category.key));
  return services.store.projects
    .statuses()
    .filter((status) => known.has(status.category) && categoryKeys.has(status.category))
    .map((status) => status.id);
}

function addIn(plan: IndexPlan, column: string, values: Scalar[], negated: boolean): void {
  const texts = values.map(String);
  if (texts.length === 0) {
    // `IN ()` matches nothing; `NOT IN ()` narrows nothing.
    if (!negated) plan.conditions.push('0');
    return;
  }
  const list = texts.map(() => '?').join(', ');
  // A missing value reads as no value at all to the query, which a negative operator may still let through.
  plan.conditions.push(negated ? `(${column} NOT IN (${list}) OR ${column} IS NULL)` : `${column} IN (${list})`);
  plan.params.push(...texts);
}
