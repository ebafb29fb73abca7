/**
 * The shape of a catalogue entry: everything the API's metricCatalog serves, and what SQL and GraphQL derive from.
 */
import type { MetricInput } from './inputs';
import type { Measure } from './measure';
import type { Better, MetricDimension, MetricId, MetricScope, MetricUnit } from './vocabulary';

/**
 * A numerator or denominator: what it counts in words, and for message metrics the measure that counts it.
 * Lead, list and spend terms are computed by the functions named in `computedBy`.
 */
export interface MetricTerm {
  label: string;
  measure?: Measure;
}

export interface MetricTarget {
  comparison: 'atLeast' | 'atMost' | 'about';
  value: number;
  text: string;
}

export interface MetricDefinition {
  id: MetricId;
  name: string;
  /** The spec's definition in words, served by the catalogue. */
  description: string;
  unit: MetricUnit;
  scope: MetricScope;
  numerator: MetricTerm;
  /** null for counts and sums, which are their own value. */
  denominator: MetricTerm | null;
  /** Dimensions the metric can be broken down by. */
  groupBy: readonly MetricDimension[];
  /** Dimensions the metric can be restricted by. */
  filterBy: readonly MetricDimension[];
  /** Set when the metric only exists per value of a dimension (clickRateByLinkCategory per link category). */
  perGroup?: MetricDimension;
  requiredInputs: readonly MetricInput[];
  better: Better;
  target?: MetricTarget;
  /** What to look at when the metric is poor (spec "Diagnostics"). */
  diagnostic?: string;
  notes: readonly string[];
  /** The pure function computing a non-message metric (module/function), for readers of the catalogue. */
  computedBy?: string;
}
