/**
 * The measure language: a message metric's numerator and denominator are aggregates over MessageFacts rows,
 * written as data so the same definition is evaluated in TypeScript (evaluate.ts) and compiled to SQL
 * (src/store/metrics/measure-sql.ts).
 *
 *   Measure   = { count: { where?: Predicate } }              messages matching
 *             | { sum: field, where?: Predicate }             sum of a numeric fact (nulls skipped)
 *   Predicate = { field, eq | in | gt | gte | lt | lte | contains: value }
 *             | { field, isNull: true } | { field, isNotNull: true }
 *             | { and: Predicate[] } | { or: Predicate[] } | { not: Predicate }
 *   value     = a constant of the field's kind, or { param: 'deepReadSeconds' | 'linkCategory' }
 *
 * Comparisons never match a null fact (SQL's three-valued logic is flattened to true/false the same way), so
 * `not` means the same thing on both sides.
 */
import type { LinkCategory } from '../model';
import { EMPTY_FACTS, type MessageFacts } from '../messages';

export type FactField = keyof MessageFacts;

/** How a fact is stored: it decides which operators apply and whether it can be null. */
export type FieldKind = 'status' | 'time' | 'count' | 'seconds' | 'money' | 'flag' | 'categories';

export const FACT_FIELD_KINDS = {
  status: 'status',
  statusAt: 'time',
  sentAt: 'time',
  deliveredAt: 'time',
  firstHumanOpenAt: 'time',
  humanOpens: 'count',
  machineOpens: 'count',
  firstHumanClickAt: 'time',
  humanClicks: 'count',
  scannerClicks: 'count',
  ownSiteClicks: 'count',
  clickedLinkCategories: 'categories',
  readSeconds: 'seconds',
  replied: 'flag',
  forwarded: 'flag',
  unsubscribed: 'flag',
  complained: 'flag',
  converted: 'flag',
  revenue: 'money',
  lastEventAt: 'time',
} as const satisfies Record<FactField, FieldKind>;

export const NULLABLE_KINDS: ReadonlySet<FieldKind> = new Set<FieldKind>(['time', 'seconds']);
export const NUMERIC_KINDS: ReadonlySet<FieldKind> = new Set<FieldKind>(['count', 'seconds', 'money']);

/** Values a measure can leave open, filled per evaluation (a workspace setting, the group being computed). */
export interface MeasureParams {
  deepReadSeconds: number;
  linkCategory?: LinkCategory;
}
export type ParamName = keyof MeasureParams;
export interface ParamRef {
  param: ParamName;
}

export type Scalar = string | number | boolean;
export type Predicate =
  | { field: FactField; eq: Scalar | ParamRef }
  | { field: FactField; in: readonly Scalar[] }
  | { field: FactField; gt: number | ParamRef }
  | { field: FactField; gte: number | ParamRef }
  | { field: FactField; lt: number | ParamRef }
  | { field: FactField; lte: number | ParamRef }
  | { field: FactField; contains: string | ParamRef }
  | { field: FactField; isNull: true }
  | { field: FactField; isNotNull: true }
  | { and: readonly Predicate[] }
  | { or: readonly Predicate[] }
  | { not: Predicate };

export type Measure = { count: { where?: Predicate } } | { sum: FactField; where?: Predicate };

export const COMPARISONS = ['eq', 'in', 'gt', 'gte', 'lt', 'lte', 'contains', 'isNull', 'isNotNull'] as const;
export type Comparison = (typeof COMPARISONS)[number];

export function isParamRef(value: unknown): value is ParamRef {
  return typeof value === 'object' && value !== null && 'param' in value;
}

/** The comparison of an atomic predicate (exactly one per predicate). */
export function comparisonOf(predicate: Predicate & { field: FactField }): Comparison {
  const found = COMPARISONS.filter((operator) => operator in predicate);
  if (found.length !== 1) throw new Error(`a predicate on "${predicate.field}" needs exactly one of ${COMPARISONS.join(', ')}`);
  return found[0];
}

/** Every fact field (the message row's derived columns), in the order facts.ts declares them. */
export const FACT_FIELDS = Object.keys(EMPTY_FACTS) as FactField[];

/** The atomic predicates of a measure's filter, depth first. */
export function atomsOf(measure: Measure): Array<Extract<Predicate, { field: FactField }>> {
  const atoms: Array<Extract<Predicate, { field: FactField }>> = [];
  const visit = (predicate: Predicate): void => {
    if ('and' in predicate) predicate.and.forEach(visit);
    else if ('or' in predicate) predicate.or.forEach(visit);
    else if ('not' in predicate) visit(predicate.not);
    else atoms.push(predicate);
  };
  const where = 'count' in measure ? measure.count.where : measure.where;
  if (where) visit(where);
  return atoms;
}

