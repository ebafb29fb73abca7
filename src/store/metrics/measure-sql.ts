/**
 * Compiles a catalogue measure to a PostgreSQL aggregate over the message table, e.g.
 *   { count: { where: { field: 'status', eq: 'DELIVERED' } } }  →  count(*) FILTER (WHERE m.status = 'DELIVERED')
 *
 * Safe by construction: the measure is checked first (fields must be message facts, values must be words of
 * the domain's vocabularies, booleans or finite numbers), column names come from the fact field names, and
 * parameters (workspace settings, the group) go through a binder — by default a checked literal, or a
 * placeholder of the caller's query (`$3`). No free text ever reaches the SQL.
 *
 * Semantics match evaluateMeasure: a comparison on a nullable fact is wrapped in `(…) IS TRUE`, so a null fact
 * never matches and NOT means what it means in TypeScript.
 */
import {
  FACT_FIELD_KINDS,
  METRICS_BY_ID,
  MESSAGE_METRIC_IDS,
  NULLABLE_KINDS,
  assertValidMeasure,
  checkParams,
  comparisonOf,
  isParamRef,
  paramsOf,
  type FactField,
  type Measure,
  type MeasureParams,
  type MessageMetricId,
  type ParamName,
  type ParamRef,
  type Predicate,
  type Scalar,
} from '../../domain/metrics';
import { DEFAULT_READ_THRESHOLDS } from '../../domain/tiers/read-class';

/** Returns the SQL text standing for a parameter's value: a literal, or a placeholder such as `$2`. */
export type ParamBinder = (name: ParamName, value: MeasureParams[ParamName]) => string;

export interface MeasureSqlOptions {
  params?: Partial<MeasureParams>;
  bind?: ParamBinder;
}

const ALIAS = /^[a-z_][a-z0-9_]{0,62}$/;
const OPERATORS = { eq: '=', gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;

/** The column of a fact: its snake_case name (humanClicks → human_clicks), as the naming strategy maps it. */
export function columnOf(field: FactField): string {
  return field.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

/** A checked constant as SQL: vocabulary words quoted (a quote doubled, though none has one), numbers, booleans. */
export function sqlLiteral(value: Scalar): string {
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`a SQL number must be finite (got ${value})`);
    return String(value);
  }
  return `'${value.replace(/'/g, "''")}'`;
}

const inlineBinder: ParamBinder = (_name, value) => sqlLiteral(value as Scalar);

type Operand = (value: Scalar | ParamRef) => string;

/** A part of an AND / OR: compound parts get parentheses, so precedence never decides the meaning. */
function compilePart(predicate: Predicate, alias: string, operand: Operand): string {
  const sql = compilePredicate(predicate, alias, operand);
  return 'and' in predicate || 'or' in predicate ? `(${sql})` : sql;
}

function compilePredicate(predicate: Predicate, alias: string, operand: Operand): string {
  if ('and' in predicate) return predicate.and.length === 0 ? 'TRUE' : predicate.and.map((p) => compilePart(p, alias, operand)).join(' AND ');
  if ('or' in predicate) return predicate.or.length === 0 ? 'FALSE' : predicate.or.map((p) => compilePart(p, alias, operand)).join(' OR ');
  if ('not' in predicate) return `NOT (${compilePredicate(predicate.not, alias, operand)})`;
  const column = `${alias}.${columnOf(predicate.field)}`;
  const operator = comparisonOf(predicate);
  const value = (predicate as unknown as Record<string, unknown>)[operator];
  let sql: string;
  switch (operator) {
    case 'isNull':
      return `${column} IS NULL`;
    case 'isNotNull':
      return `${column} IS NOT NULL`;
    case 'in':
      sql = `${column} IN (${(value as readonly Scalar[]).map(sqlLiteral).join(', ')})`;
      break;
    case 'contains':
      sql = `${operand(value as string | ParamRef)} = ANY(${column})`;
      break;
    default:
      sql = `${column} ${OPERATORS[operator]} ${operand(value as Scalar | ParamRef)}`;
  }
  return NULLABLE_KINDS.has(FACT_FIELD_KINDS[predicate.field]) ? `(${sql}) IS TRUE` : sql;
}

/**
 * A SQL aggregate expression computing the measure over the rows of the message table aliased `alias`
 * (the caller writes FROM message m WHERE workspace, period, campaign … filters).
 */
export function measureToSql(measure: Measure, alias = 'm', options: MeasureSqlOptions = {}): string {
  if (!ALIAS.test(alias)) throw new RangeError(`a table alias is a plain lower-case SQL identifier (got ${JSON.stringify(alias)})`);
  assertValidMeasure(measure);
  const params = options.params ?? {};
  checkParams(params);
  for (const name of paramsOf(measure)) {
    if (params[name] === undefined) throw new Error(`the measure needs the parameter "${name}"`);
  }
  const bind = options.bind ?? inlineBinder;
  const operand = (value: Scalar | ParamRef) => (isParamRef(value) ? bind(value.param, params[value.param]!) : sqlLiteral(value));
  const where = 'count' in measure ? measure.count.where : measure.where;
  const filter = where ? ` FILTER (WHERE ${compilePredicate(where, alias, operand)})` : '';
  if ('count' in measure) return `count(*)${filter}`;
  return `coalesce(sum(${alias}.${columnOf(measure.sum)})${filter}, 0)`;
}

export interface MetricSql {
  metric: MessageMetricId;
  numerator: string;
  /** null for counts and sums. */
  denominator: string | null;
}

/** Numerator and denominator expressions of a message metric; deepReadSeconds defaults to 8. */
export function metricToSql(id: MessageMetricId, alias = 'm', options: MeasureSqlOptions = {}): MetricSql {
  if (!(MESSAGE_METRIC_IDS as readonly string[]).includes(id)) throw new RangeError(`"${id}" is not a message metric: it has no measure`);
  const definition = METRICS_BY_ID[id];
  const withDefaults = { ...options, params: { deepReadSeconds: DEFAULT_READ_THRESHOLDS.deepReadSeconds, ...options.params } };
  return {
    metric: id,
    numerator: measureToSql(definition.numerator.measure!, alias, withDefaults),
    denominator: definition.denominator ? measureToSql(definition.denominator.measure!, alias, withDefaults) : null,
  };
}
