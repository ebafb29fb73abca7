/**
 * Checks of measures and parameter values. Measures come from the catalogue, but they are checked before every
 * evaluation and compilation anyway: a field name or a value reaches SQL only after passing these checks.
 */
import { DELIVERY_STATUSES, LINK_CATEGORIES, isOneOf } from '../model';
import {
  FACT_FIELD_KINDS,
  NUMERIC_KINDS,
  atomsOf,
  comparisonOf,
  isParamRef,
  type Comparison,
  type FactField,
  type FieldKind,
  type Measure,
  type MeasureParams,
  type ParamName,
  type Predicate,
} from './measure';

const PARAM_KINDS: Readonly<Record<ParamName, FieldKind>> = { deepReadSeconds: 'seconds', linkCategory: 'categories' };

function constantFits(kind: FieldKind, value: unknown): boolean {
  if (kind === 'status') return isOneOf(DELIVERY_STATUSES, value);
  if (kind === 'categories') return isOneOf(LINK_CATEGORIES, value);
  if (kind === 'flag') return typeof value === 'boolean';
  return NUMERIC_KINDS.has(kind) && typeof value === 'number' && Number.isFinite(value);
}

const OPERATORS_BY_KIND: Readonly<Record<FieldKind, readonly Comparison[]>> = {
  status: ['eq', 'in'],
  flag: ['eq'],
  count: ['eq', 'in', 'gt', 'gte', 'lt', 'lte'],
  money: ['eq', 'gt', 'gte', 'lt', 'lte'],
  seconds: ['eq', 'gt', 'gte', 'lt', 'lte', 'isNull', 'isNotNull'],
  time: ['isNull', 'isNotNull'],
  categories: ['contains'],
};

function predicateProblems(predicate: Predicate, path: string): string[] {
  if ('and' in predicate) return predicate.and.flatMap((inner, i) => predicateProblems(inner, `${path}.and[${i}]`));
  if ('or' in predicate) return predicate.or.flatMap((inner, i) => predicateProblems(inner, `${path}.or[${i}]`));
  if ('not' in predicate) return predicateProblems(predicate.not, `${path}.not`);
  const { field } = predicate;
  if (!Object.prototype.hasOwnProperty.call(FACT_FIELD_KINDS, field)) return [`${path}: "${field}" is not a message fact`];
  const kind = FACT_FIELD_KINDS[field];
  let operator: Comparison;
  try {
    operator = comparisonOf(predicate);
  } catch (error) {
    return [`${path}: ${(error as Error).message}`];
  }
  if (!OPERATORS_BY_KIND[kind].includes(operator)) return [`${path}: "${operator}" does not apply to "${field}" (a ${kind} fact)`];
  const operand = (predicate as Record<string, unknown>)[operator];
  if (operator === 'isNull' || operator === 'isNotNull') return operand === true ? [] : [`${path}: "${operator}" takes true`];
  const operands = operator === 'in' ? (Array.isArray(operand) ? operand : [undefined]) : [operand];
  if (operator === 'in' && operands.length === 0) return [`${path}: "in" needs at least one value`];
  return operands.flatMap((value) => {
    if (isParamRef(value)) {
      if (operator === 'in') return [`${path}: "in" takes constants, not parameters`];
      return PARAM_KINDS[value.param] === kind || (PARAM_KINDS[value.param] === 'seconds' && NUMERIC_KINDS.has(kind))
        ? []
        : [`${path}: parameter "${value.param}" does not fit "${field}"`];
    }
    return constantFits(kind, value) ? [] : [`${path}: ${JSON.stringify(value)} is not a valid value of "${field}" (a ${kind} fact)`];
  });
}

/** Everything wrong with a measure, as readable problems; empty when it can be evaluated and compiled. */
export function measureProblems(measure: Measure): string[] {
  if ('count' in measure) return measure.count.where ? predicateProblems(measure.count.where, 'where') : [];
  const problems: string[] = [];
  if (!Object.prototype.hasOwnProperty.call(FACT_FIELD_KINDS, measure.sum)) problems.push(`sum: "${measure.sum}" is not a message fact`);
  else if (!NUMERIC_KINDS.has(FACT_FIELD_KINDS[measure.sum])) problems.push(`sum: "${measure.sum}" is not numeric`);
  if (measure.where) problems.push(...predicateProblems(measure.where, 'where'));
  return problems;
}

export function assertValidMeasure(measure: Measure): void {
  const problems = measureProblems(measure);
  if (problems.length > 0) throw new Error(`invalid measure: ${problems.join('; ')}`);
}

/** The parameter values a measure may use, checked: a setting that is not a number never reaches SQL. */
export function checkParams(params: Partial<MeasureParams>): void {
  if (params.deepReadSeconds !== undefined && !(Number.isFinite(params.deepReadSeconds) && params.deepReadSeconds >= 0)) {
    throw new RangeError(`deepReadSeconds is a number of seconds ≥ 0 (got ${params.deepReadSeconds})`);
  }
  if (params.linkCategory !== undefined && !isOneOf(LINK_CATEGORIES, params.linkCategory)) {
    throw new RangeError(`linkCategory is one of ${LINK_CATEGORIES.join(', ')} (got ${String(params.linkCategory)})`);
  }
}

/** The fields a measure reads, for checks and for selecting only the columns needed. */
export function fieldsOf(measure: Measure): FactField[] {
  const fields = new Set<FactField>(atomsOf(measure).map((atom) => atom.field));
  if ('sum' in measure) fields.add(measure.sum);
  return [...fields];
}

/** The parameters a measure leaves open. */
export function paramsOf(measure: Measure): ParamName[] {
  const names = new Set<ParamName>();
  for (const atom of atomsOf(measure)) for (const value of Object.values(atom)) if (isParamRef(value)) names.add(value.param);
  return [...names];
}
