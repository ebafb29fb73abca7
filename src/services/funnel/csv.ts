/**
 * The funnel as CSV for BI tools: one line per group × stage, in path order. Each line repeats its group's money
 * metrics, so a sheet filtered to one stage still has them; every rate and money metric comes with its numerator
 * and denominator, which a BI tool re-aggregates (never by averaging values). RFC 4180 quoting and empty fields
 * for nulls, as metrics.csv (services/metrics/csv.ts).
 */
import type { MetricValue } from '../../domain/metrics';
import { csvField } from '../metrics/csv';
import type { FunnelGroup, FunnelMoney, FunnelRate } from './types';

/** The money columns, in FunnelMoney's order. */
export const FUNNEL_MONEY_METRICS = [
  'spend', 'leads', 'costPerLead', 'customers', 'costPerAcquisition', 'revenue', 'roi', 'customerLifetimeValue', 'clvToCplRatio', 'clvToCacRatio',
] as const satisfies ReadonlyArray<keyof FunnelMoney>;

const RATE_PARTS = ['value', 'numerator', 'denominator'] as const;

export const FUNNEL_CSV_HEADER: readonly string[] = [
  'dimension', 'group_key', 'group_label', 'contacts', 'stage', 'count',
  ...RATE_PARTS.map((part) => `conversionToNext_${part}`),
  ...RATE_PARTS.map((part) => `cumulativeConversion_${part}`),
  'medianDaysInStage',
  ...FUNNEL_MONEY_METRICS.flatMap((metric) => RATE_PARTS.map((part) => `${metric}_${part}`)),
];

type Field = string | number | null;

const line = (fields: readonly Field[]) => fields.map(csvField).join(',') + '\r\n';
const rateFields = (rate: FunnelRate | MetricValue | null): Field[] => (rate ? [rate.value, rate.numerator, rate.denominator] : [null, null, null]);

export function funnelCsv(groups: readonly FunnelGroup[]): string {
  const lines = groups.flatMap((group) => {
    const money = FUNNEL_MONEY_METRICS.flatMap((metric) => rateFields(group[metric]));
    return group.stages.map((stage) =>
      line([
        group.dimension, group.key, group.label, group.contacts, stage.stage, stage.count,
        ...rateFields(stage.conversionToNext),
        ...rateFields(stage.cumulativeConversion),
        stage.medianDaysInStage.value,
        ...money,
      ]),
    );
  });
  return line(FUNNEL_CSV_HEADER) + lines.join('');
}
