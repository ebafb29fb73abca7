/**
 * Evaluation of a measure over message facts in TypeScript: the reference semantics the SQL compilation
 * (src/store/metrics/measure-sql.ts) must agree with.
 */
import type { MessageFacts } from '../messages';
import { comparisonOf, isParamRef, type FactField, type Measure, type MeasureParams, type ParamRef, type Predicate, type Scalar } from './measure';
import { assertValidMeasure, checkParams, paramsOf } from './measure-check';

export type FactRow = Readonly<MessageFacts>;

function resolve(value: Scalar | ParamRef, params: Partial<MeasureParams>): Scalar {
  if (!isParamRef(value)) return value;
  const resolved = params[value.param];
  if (resolved === undefined) throw new Error(`the measure needs the parameter "${value.param}"`);
  return resolved;
}

/** Whether a row matches; a comparison with a null fact is false, as `(…) IS TRUE` makes it in SQL. */
export function matches(predicate: Predicate, row: FactRow, params: Partial<MeasureParams>): boolean {
  if ('and' in predicate) return predicate.and.every((inner) => matches(inner, row, params));
  if ('or' in predicate) return predicate.or.some((inner) => matches(inner, row, params));
  if ('not' in predicate) return !matches(predicate.not, row, params);
  const fact = row[predicate.field as FactField] as unknown;
  const operator = comparisonOf(predicate);
  const operand = (predicate as unknown as Record<string, unknown>)[operator];
  if (operator === 'isNull') return fact === null;
  if (operator === 'isNotNull') return fact !== null;
  if (fact === null) return false;
  if (operator === 'in') return (operand as readonly Scalar[]).includes(fact as Scalar);
  const value = resolve(operand as Scalar | ParamRef, params);
  switch (operator) {
    case 'contains':
      return Array.isArray(fact) && fact.includes(value);
    case 'eq':
      return fact === value;
    case 'gt':
      return (fact as number) > (value as number);
    case 'gte':
      return (fact as number) >= (value as number);
    case 'lt':
      return (fact as number) < (value as number);
    default:
      return (fact as number) <= (value as number);
  }
}

/**
 * The measure's value over the rows. Sums add the values in sorted order, so the result does not depend on the
 * order of the rows even with fractional amounts (floating-point addition is not associative).
 */
export function evaluateMeasure(measure: Measure, rows: readonly FactRow[], params: Partial<MeasureParams> = {}): number {
  assertValidMeasure(measure);
  checkParams(params);
  for (const name of paramsOf(measure)) {
    if (params[name] === undefined) throw new Error(`the measure needs the parameter "${name}"`);
  }
  if ('count' in measure) {
    const where = measure.count.where;
    return where ? rows.filter((row) => matches(where, row, params)).length : rows.length;
  }
  const { sum: field, where } = measure;
  const values = rows
    .filter((row) => !where || matches(where, row, params))
    .map((row) => row[field] as number | null)
    .filter((value): value is number => value !== null)
    .sort((a, b) => a - b);
  return values.reduce((total, value) => total + value, 0);
}
