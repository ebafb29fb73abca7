/**
 * The metric catalogue as the API serves it: every entry's definition in words, with its inputs spelled out and
 * the sources that supply each, so a client can tell in advance why a metric will be null for its data.
 */
import { SOURCES, type Source } from '../../domain/model';
import {
  INPUT_DESCRIPTIONS,
  METRIC_CATALOGUE,
  SOURCE_INPUTS,
  type Better,
  type MetricDefinition,
  type MetricDimension,
  type MetricId,
  type MetricInput,
  type MetricScope,
  type MetricTarget,
  type MetricUnit,
} from '../../domain/metrics';

export interface CatalogInput {
  input: MetricInput;
  description: string;
  /** Sources whose data carries the input; empty for a workspace setting (own site domains). */
  sources: Source[];
}

export interface CatalogEntry {
  id: MetricId;
  name: string;
  description: string;
  unit: MetricUnit;
  scope: MetricScope;
  numerator: string;
  denominator: string | null;
  groupBy: readonly MetricDimension[];
  filterBy: readonly MetricDimension[];
  perGroup: MetricDimension | null;
  requiredInputs: CatalogInput[];
  better: Better;
  target: MetricTarget | null;
  diagnostic: string | null;
  notes: readonly string[];
  computedBy: string | null;
  /** Where the API serves the metric; null while it is not served (lead, list and spend metrics). */
  servedBy: string | null;
}

const MESSAGE_METRIC_ROUTES = 'Query.metrics, Campaign.metrics, GET /export/metrics.csv';
const FUNNEL_ROUTE = 'Query.funnel';
/** Lead and money metrics the funnel query serves per breakdown group (stage counts and rates, CPL, CPA, ROI, CLV). */
const FUNNEL_METRICS = new Set([
  'leads', 'mqls', 'mqlRate', 'sqls', 'mqlToSqlRate', 'customers', 'sqlToCustomerRate', 'medianDaysInStage',
  'spend', 'costPerLead', 'costPerAcquisition', 'roi', 'customerLifetimeValue', 'clvToCplRatio', 'clvToCacRatio',
]);

export function catalogInput(input: MetricInput): CatalogInput {
  return { input, description: INPUT_DESCRIPTIONS[input], sources: SOURCES.filter((source) => SOURCE_INPUTS[source].includes(input)) };
}

export function catalogEntry(definition: MetricDefinition): CatalogEntry {
  return {
    id: definition.id,
    name: definition.name,
    description: definition.description,
    unit: definition.unit,
    scope: definition.scope,
    numerator: definition.numerator.label,
    denominator: definition.denominator?.label ?? null,
    groupBy: definition.groupBy,
    filterBy: definition.filterBy,
    perGroup: definition.perGroup ?? null,
    requiredInputs: definition.requiredInputs.map(catalogInput),
    better: definition.better,
    target: definition.target ?? null,
    diagnostic: definition.diagnostic ?? null,
    notes: definition.notes,
    computedBy: definition.computedBy ?? null,
    servedBy: definition.scope === 'message' ? MESSAGE_METRIC_ROUTES : FUNNEL_METRICS.has(definition.id) ? FUNNEL_ROUTE : null,
  };
}

/** The catalogue in the spec's order, optionally one scope's entries only. */
export function metricCatalog(scope?: MetricScope | null): CatalogEntry[] {
  return METRIC_CATALOGUE.filter((definition) => !scope || definition.scope === scope).map(catalogEntry);
}
