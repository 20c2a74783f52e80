/** The condition language of Forge KVS (where, range, filters and transaction conditions). */
import { z } from 'zod';

export const conditionNames = [
  'BEGINS_WITH',
  'BETWEEN',
  'CONTAINS',
  'NOT_CONTAINS',
  'EQUAL_TO',
  'NOT_EQUAL_TO',
  'EXISTS',
  'NOT_EXISTS',
  'GREATER_THAN',
  'GREATER_THAN_EQUAL_TO',
  'LESS_THAN',
  'LESS_THAN_EQUAL_TO',
] as const;

export const condition = z.object({ condition: z.enum(conditionNames), values: z.array(z.unknown()) });
export const propertyCondition = condition.extend({ property: z.string().min(1) });
export const conditionGroup = z.object({ and: z.array(propertyCondition).optional(), or: z.array(propertyCondition).optional() });

export type Condition = z.infer<typeof condition>;
export type PropertyCondition = z.infer<typeof propertyCondition>;
export type ConditionGroup = z.infer<typeof conditionGroup>;

type Comparable = string | number | boolean;

function comparable(value: unknown): value is Comparable {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function compare(a: Comparable, b: Comparable): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const left = String(a);
  const right = String(b);
  return left < right ? -1 : left > right ? 1 : 0;
}

/** Whether `actual` (possibly undefined) satisfies the condition. */
export function satisfies(actual: unknown, { condition: name, values }: Condition): boolean {
  const [first, second] = values;
  switch (name) {
    case 'EXISTS':
      return actual !== undefined && actual !== null;
    case 'NOT_EXISTS':
      return actual === undefined || actual === null;
    case 'EQUAL_TO':
      return actual === first;
    case 'NOT_EQUAL_TO':
      return actual !== first;
    case 'CONTAINS':
      return Array.isArray(actual) ? actual.includes(first) : typeof actual === 'string' && typeof first === 'string' && actual.includes(first);
    case 'NOT_CONTAINS':
      return !(Array.isArray(actual) ? actual.includes(first) : typeof actual === 'string' && typeof first === 'string' && actual.includes(first));
    case 'BEGINS_WITH':
      return typeof actual === 'string' && actual.startsWith(String(first));
    case 'BETWEEN':
      return comparable(actual) && comparable(first) && comparable(second) && compare(actual, first) >= 0 && compare(actual, second) <= 0;
    case 'GREATER_THAN':
      return comparable(actual) && comparable(first) && compare(actual, first) > 0;
    case 'GREATER_THAN_EQUAL_TO':
      return comparable(actual) && comparable(first) && compare(actual, first) >= 0;
    case 'LESS_THAN':
      return comparable(actual) && comparable(first) && compare(actual, first) < 0;
    case 'LESS_THAN_EQUAL_TO':
      return comparable(actual) && comparable(first) && compare(actual, first) <= 0;
  }
}

/** Whether an entity value satisfies an `and`/`or` group of property conditions. */
export function satisfiesGroup(value: Record<string, unknown> | undefined, group: ConditionGroup): boolean {
  const test = (c: PropertyCondition): boolean => satisfies(value?.[c.property], c);
  const andOk = (group.and ?? []).every(test);
  const orOk = group.or === undefined || group.or.length === 0 || group.or.some(test);
  return andOk && orOk;
}

export function sortValue(value: unknown): Comparable | undefined {
  return comparable(value) ? value : undefined;
}

export { compare as compareValues };
