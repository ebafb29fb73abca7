/** List metrics (spec "List metrics"): per list / audience and period. */
import type { MetricDefinition } from '../definition';
import type { ListMetricId, MetricDimension } from '../vocabulary';

const DIMENSIONS: readonly MetricDimension[] = ['list', 'source', 'period'];
const START_SIZE = { label: 'subscribed contacts at period start' };
const DISJOINT =
  'Count each contact that left once, under the first cause (a complaint usually unsubscribes too); the formula adds the three counts.';

export const LIST_METRICS = {
  listSize: {
    id: 'listSize',
    name: 'List size',
    description: 'Subscribed contacts at a point in time.',
    unit: 'COUNT',
    scope: 'list',
    numerator: { label: 'contacts whose latest membership status at the moment is SUBSCRIBED' },
    denominator: null,
    groupBy: DIMENSIONS,
    filterBy: DIMENSIONS,
    requiredInputs: ['LIST_MEMBERSHIPS'],
    better: 'higher',
    notes: [],
    computedBy: 'metrics/list-metrics.listSizeAt',
  },
  listGrowthRate: {
    id: 'listGrowthRate',
    name: 'List growth rate',
    description: '(New subscribers − unsubscribes − hard bounces − complaints) / list size at period start.',
    unit: 'RATIO',
    scope: 'list',
    numerator: { label: 'new subscribers − unsubscribes − hard bounces − complaints in the period' },
    denominator: START_SIZE,
    groupBy: DIMENSIONS,
    filterBy: DIMENSIONS,
    requiredInputs: ['LIST_MEMBERSHIPS'],
    better: 'higher',
    notes: ['Lists decay about 25 % a year: growth must outpace it.', DISJOINT],
    computedBy: 'metrics/list-metrics.listGrowthRate',
  },
  listChurnRate: {
    id: 'listChurnRate',
    name: 'List churn rate',
    description: '(Unsubscribes + hard bounces + complaints) / list size at period start.',
    unit: 'RATIO',
    scope: 'list',
    numerator: { label: 'unsubscribes + hard bounces + complaints in the period' },
    denominator: START_SIZE,
    groupBy: DIMENSIONS,
    filterBy: DIMENSIONS,
    requiredInputs: ['LIST_MEMBERSHIPS'],
    better: 'lower',
    target: { comparison: 'about', value: 0.25, text: 'Lists decay about 25 % a year.' },
    notes: [DISJOINT],
    computedBy: 'metrics/list-metrics.listChurnRate',
  },
} satisfies Record<ListMetricId, MetricDefinition>;
