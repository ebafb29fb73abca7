/**
 * Funnel metrics from lifecycle histories (spec "Lead and funnel metrics"). Cohort-based by default: the
 * contacts that first reached LEAD in the period, followed through the later stages up to `now`. Snapshot
 * counts (how many contacts are in each stage at a date) are served by stageCountsAt.
 */
import { firstEntries, stageAt, type PathStage, type StageChange } from '../lifecycle';
import { LIFECYCLE_STAGES, type LifecycleStage } from '../model';
import { amountValue, ratioValue, type MetricValue } from './value';

export interface ContactHistory {
  contactId: string;
  changes: readonly StageChange[];
}

/** A half-open period [start, end). */
export interface Period {
  start: Date;
  end: Date;
}

export function inPeriod(at: Date, period: Period): boolean {
  return at >= period.start && at < period.end;
}

/** When each stage was first reached (implied stages included), looking only at changes up to `now`. */
function reached(history: ContactHistory, now: Date): Map<LifecycleStage, Date> {
  const entries = firstEntries(history.changes.filter((change) => change.at <= now));
  return new Map([...entries].map(([stage, entry]) => [stage, entry.at]));
}

/** Contacts that first reached `stage` (or a later path stage) within the period: new leads, new customers … */
export function firstReachedIn(histories: readonly ContactHistory[], stage: PathStage, period: Period, now: Date): number {
  return histories.filter((history) => {
    const at = reached(history, now).get(stage);
    return at !== undefined && inPeriod(at, period);
  }).length;
}

export interface CohortFunnel {
  leads: MetricValue;
  mqls: MetricValue;
  mqlRate: MetricValue;
  sqls: MetricValue;
  mqlToSqlRate: MetricValue;
  customers: MetricValue;
  sqlToCustomerRate: MetricValue;
  /** The contacts of the cohort, for drilling down. */
  cohort: string[];
}

export function cohortFunnel(histories: readonly ContactHistory[], period: Period, now: Date): CohortFunnel {
  const cohort: string[] = [];
  let mqls = 0;
  let sqls = 0;
  let customers = 0;
  for (const history of histories) {
    const stages = reached(history, now);
    const leadAt = stages.get('LEAD');
    if (leadAt === undefined || !inPeriod(leadAt, period)) continue;
    cohort.push(history.contactId);
    if (stages.has('MQL')) mqls++;
    if (stages.has('SQL')) sqls++;
    if (stages.has('CUSTOMER')) customers++;
  }
  cohort.sort();
  return {
    leads: amountValue('leads', cohort.length),
    mqls: amountValue('mqls', mqls),
    mqlRate: ratioValue('mqlRate', mqls, cohort.length),
    sqls: amountValue('sqls', sqls),
    mqlToSqlRate: ratioValue('mqlToSqlRate', sqls, mqls),
    customers: amountValue('customers', customers),
    sqlToCustomerRate: ratioValue('sqlToCustomerRate', customers, sqls),
    cohort,
  };
}

/** Snapshot: how many contacts are in each stage at a moment (contacts with no stage yet are not counted). */
export function stageCountsAt(histories: readonly ContactHistory[], at: Date): Record<LifecycleStage, number> {
  const counts = Object.fromEntries(LIFECYCLE_STAGES.map((stage) => [stage, 0])) as Record<LifecycleStage, number>;
  for (const history of histories) {
    const stage = stageAt(history.changes, at);
    if (stage !== null) counts[stage]++;
  }
  return counts;
}
