/**
 * Funnel metrics (spec "Lead and funnel metrics"). Cohort-based: the contacts that first reached LEAD in the
 * period, followed through the later stages; a skipped stage counts as entered with the later one.
 */
import type { MetricDefinition, MetricTerm } from '../definition';
import type { LeadMetricId, MetricDimension } from '../vocabulary';

const DIMENSIONS: readonly MetricDimension[] = ['channel', 'campaign', 'source', 'period'];
const INPUTS = ['LIFECYCLE_HISTORY'] as const;
const COHORT = 'Cohort-based: of the contacts that first reached LEAD in the period, followed up to now.';

type Entry = Pick<MetricDefinition, 'name' | 'description' | 'unit' | 'numerator' | 'denominator' | 'better'> & Partial<MetricDefinition>;

function funnel(id: LeadMetricId, entry: Entry): MetricDefinition {
  const base = { id, scope: 'lead', groupBy: DIMENSIONS, filterBy: DIMENSIONS, requiredInputs: INPUTS, notes: [COHORT] } as const;
  return { ...base, computedBy: 'metrics/funnel.cohortFunnel', ...entry };
}

const LEADS: MetricTerm = { label: 'contacts that first reached LEAD (or beyond) in the period' };
const MQLS: MetricTerm = { label: 'of those, contacts that reached MQL' };
const SQLS: MetricTerm = { label: 'of those, contacts that reached SQL' };

export const FUNNEL_METRICS = {
  leads: funnel('leads', {
    name: 'Leads',
    description: 'Contacts that first reached LEAD (or beyond) in the period.',
    unit: 'COUNT',
    numerator: LEADS,
    denominator: null,
    better: 'higher',
  }),
  mqls: funnel('mqls', {
    name: 'MQLs',
    description: 'Contacts that reached MQL.',
    unit: 'COUNT',
    numerator: MQLS,
    denominator: null,
    better: 'higher',
  }),
  mqlRate: funnel('mqlRate', {
    name: 'MQL rate',
    description: 'MQLs / leads of the same cohort.',
    unit: 'RATIO',
    numerator: MQLS,
    denominator: LEADS,
    better: 'higher',
    target: { comparison: 'atLeast', value: 0.3, text: '30 % or more is healthy.' },
  }),
  sqls: funnel('sqls', {
    name: 'SQLs',
    description: 'Contacts that reached SQL.',
    unit: 'COUNT',
    numerator: SQLS,
    denominator: null,
    better: 'higher',
  }),
  mqlToSqlRate: funnel('mqlToSqlRate', {
    name: 'MQL to SQL rate',
    description: 'Of the MQL cohort, the share that reached SQL.',
    unit: 'RATIO',
    numerator: SQLS,
    denominator: MQLS,
    better: 'higher',
  }),
  customers: funnel('customers', {
    name: 'Customers',
    description: 'Won customers: contacts of the cohort that reached CUSTOMER.',
    unit: 'COUNT',
    numerator: { label: 'of those, contacts that reached CUSTOMER' },
    denominator: null,
    better: 'higher',
  }),
  sqlToCustomerRate: funnel('sqlToCustomerRate', {
    name: 'SQL to customer rate',
    description: 'Of the SQL cohort, the share that became customers.',
    unit: 'RATIO',
    numerator: { label: 'of those, contacts that reached CUSTOMER' },
    denominator: SQLS,
    better: 'higher',
  }),
  medianDaysInStage: funnel('medianDaysInStage', {
    name: 'Median days in stage',
    description: 'Median days from entering a stage to leaving it forward, per stage.',
    unit: 'DAYS',
    numerator: { label: 'none: a median does not re-aggregate' },
    denominator: { label: 'contacts that entered the stage and left it forward (the sample size)' },
    better: 'lower',
    perGroup: 'stage',
    groupBy: [...DIMENSIONS, 'stage'],
    computedBy: 'metrics/stage-duration.medianDaysInStage',
    notes: [
      'A stage the source skipped has no observed duration and is left out (its implied entry is the moment of the later stage).',
      'Contacts still in the stage, or who left it for DISQUALIFIED, are left out: they have not left it forward.',
    ],
  }),
} satisfies Partial<Record<LeadMetricId, MetricDefinition>>;
