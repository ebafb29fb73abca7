/** Spend, return and value metrics (spec "Lead and funnel metrics"): they join spend, leads and revenue. */
import type { MetricDefinition, MetricTerm } from '../definition';
import type { LeadMetricId, MetricDimension } from '../vocabulary';

const DIMENSIONS: readonly MetricDimension[] = ['channel', 'campaign', 'source', 'period'];
const SPEND: MetricTerm = { label: 'marketing spend recorded for the channel / campaign / period' };
const CLV: MetricTerm = { label: 'customer lifetime value' };
const ONE_CURRENCY = 'Amounts in different currencies are not converted: a mixed selection is null with a reason.';
const GOOD_RATIO = { comparison: 'about', value: 5, text: 'About 5 : 1 is good business.' } as const;

type Entry = Pick<MetricDefinition, 'name' | 'description' | 'unit' | 'numerator' | 'denominator' | 'requiredInputs' | 'better' | 'computedBy'> &
  Partial<MetricDefinition>;

/** A money metric: joins spend, leads and revenue, groupable and filterable by every dimension, in one currency. */
function money(id: LeadMetricId, entry: Entry): MetricDefinition {
  return { id, scope: 'mixed', groupBy: DIMENSIONS, filterBy: DIMENSIONS, notes: [ONE_CURRENCY], ...entry };
}

export const MONEY_METRICS = {
  spend: money('spend', {
    name: 'Spend',
    description: 'Marketing spend recorded for the channel / campaign / period.',
    unit: 'MONEY',
    scope: 'spend',
    numerator: SPEND,
    denominator: null,
    groupBy: ['channel', 'campaign', 'period'],
    filterBy: ['channel', 'campaign', 'period'],
    requiredInputs: ['SPEND'],
    better: null,
    computedBy: 'metrics/spend-metrics.totalSpend',
  }),
  costPerLead: money('costPerLead', {
    name: 'Cost per lead (CPL)',
    description: 'Spend / new leads. Worked example: 5000 / 250 = 20.',
    unit: 'MONEY_PER_LEAD',
    numerator: SPEND,
    denominator: { label: 'new leads (contacts that first reached LEAD in the period)' },
    requiredInputs: ['SPEND', 'LIFECYCLE_HISTORY'],
    better: 'lower',
    computedBy: 'metrics/spend-metrics.costPerLead',
  }),
  costPerAcquisition: money('costPerAcquisition', {
    name: 'Cost per acquisition',
    description: 'Spend / new customers.',
    unit: 'MONEY_PER_CUSTOMER',
    numerator: SPEND,
    denominator: { label: 'new customers (contacts that first reached CUSTOMER in the period)' },
    requiredInputs: ['SPEND', 'LIFECYCLE_HISTORY'],
    better: 'lower',
    computedBy: 'metrics/spend-metrics.costPerAcquisition',
  }),
  roi: money('roi', {
    name: 'Return on investment',
    description: '(Attributed revenue − cost) / cost.',
    unit: 'RATIO',
    numerator: { label: 'attributed revenue − cost' },
    denominator: { label: 'cost (recorded spend)' },
    requiredInputs: ['SPEND', 'REVENUE'],
    better: 'higher',
    computedBy: 'metrics/spend-metrics.roi',
  }),
  customerLifetimeValue: money('customerLifetimeValue', {
    name: 'Customer lifetime value (CLV)',
    description:
      "Average customer value per month × average customer lifespan in months (from the customers' own revenue history).",
    unit: 'MONEY_PER_CUSTOMER',
    scope: 'lead',
    numerator: { label: "customers' total revenue" },
    denominator: { label: 'customers with a revenue history' },
    requiredInputs: ['CUSTOMER_REVENUE_HISTORY'],
    better: 'higher',
    notes: [
      'Value per month is pooled (total revenue / total customer-months), so CLV equals the mean revenue per customer ' +
        'and re-aggregates as total / customers.',
      "Customers still active have lifespans cut short by today: CLV is a floor while the history is young.",
    ],
    computedBy: 'metrics/clv.customerLifetimeValue',
  }),
  clvToCplRatio: money('clvToCplRatio', {
    name: 'CLV : CPL',
    description: 'Customer lifetime value / cost per lead (≈ 5 : 1 is good business).',
    unit: 'MULTIPLE',
    numerator: CLV,
    denominator: { label: 'cost per lead' },
    requiredInputs: ['CUSTOMER_REVENUE_HISTORY', 'SPEND', 'LIFECYCLE_HISTORY'],
    better: 'higher',
    target: GOOD_RATIO,
    notes: [],
    computedBy: 'metrics/clv.clvToCplRatio',
  }),
  clvToCacRatio: money('clvToCacRatio', {
    name: 'CLV : CAC',
    description: 'Customer lifetime value / cost per acquisition (≈ 5 : 1 is good business).',
    unit: 'MULTIPLE',
    numerator: CLV,
    denominator: { label: 'cost per acquisition' },
    requiredInputs: ['CUSTOMER_REVENUE_HISTORY', 'SPEND', 'LIFECYCLE_HISTORY'],
    better: 'higher',
    target: GOOD_RATIO,
    notes: [],
    computedBy: 'metrics/clv.clvToCacRatio',
  }),
  conversionRateOfInteractions: money('conversionRateOfInteractions', {
    name: 'Conversion rate of interactions',
    description: 'Conversions / interactions (70 / 1000 = 7 %).',
    unit: 'RATIO',
    numerator: { label: 'conversions' },
    denominator: { label: 'interactions (human clicks, replies, page views, form submits)' },
    requiredInputs: ['CONVERSIONS', 'INTERACTIONS'],
    better: 'higher',
    notes: ['Counts events, not messages: unlike conversionRate it also covers site and ad interactions.'],
    computedBy: 'metrics/spend-metrics.conversionRateOfInteractions',
  }),
} satisfies Partial<Record<LeadMetricId, MetricDefinition>>;
