/**
 * A/B comparison of two campaigns (or two variants sent as campaigns) on one rate: both sides' numerators and
 * denominators from the metrics service, then the two-proportion test (domain/stats) at the confidence level the
 * user picks. Only rates of messages compare this way; a mean or a sum has no two-proportion test.
 */
import type { EntityManager } from 'typeorm';
import { METRICS_BY_ID, isMetricId, type MetricValue } from '../../domain/metrics';
import { twoProportionTest, type TwoProportionResult } from '../../domain/stats';
import { UserInputError } from '../errors';
import { getCampaign } from '../campaigns';
import { queryMetrics } from './query-metrics';

export interface CampaignComparison extends TwoProportionResult {
  metric: string;
  a: MetricValue & { campaignId: number };
  b: MetricValue & { campaignId: number };
}

export async function compareCampaigns(
  manager: EntityManager,
  workspaceId: number,
  input: { a: number; b: number; metric: string; confidenceLevel?: number | null },
): Promise<CampaignComparison> {
  const { a, b, metric } = input;
  const confidenceLevel = input.confidenceLevel ?? 0.95;
  if (!(confidenceLevel > 0 && confidenceLevel < 1)) throw new UserInputError(`confidenceLevel lies strictly between 0 and 1, e.g. 0.95 (got ${confidenceLevel})`);
  if (a === b) throw new UserInputError('compare two different campaigns (a and b are the same)');
  if (!isMetricId(metric)) throw new UserInputError(`unknown metric "${metric}"`);
  const definition = METRICS_BY_ID[metric];
  if (definition.scope !== 'message' || definition.unit !== 'RATIO' || definition.perGroup) {
    throw new UserInputError(`${metric} is not a rate of messages, so no two-proportion test applies; compare a message rate such as clickRate, openRate or replyRate`);
  }
  // Both must be this workspace's (NOT_FOUND otherwise), before any numbers are read.
  await Promise.all([getCampaign(manager, workspaceId, a), getCampaign(manager, workspaceId, b)]);
  const rows = await queryMetrics(manager, workspaceId, { filter: { campaignIds: [a, b] }, groupBy: 'CAMPAIGN', metrics: [metric] });
  const valueOf = (campaignId: number): MetricValue & { campaignId: number } => {
    const found = rows.find((row) => row.group.key === String(campaignId))?.values.find((value) => value.metric === metric);
    return { campaignId, ...(found ?? { metric, value: null, numerator: 0, denominator: 0, unit: definition.unit, reason: 'no messages of this campaign have been imported' }) };
  };
  const sideA = valueOf(a);
  const sideB = valueOf(b);
  const counts = (side: MetricValue) => ({ successes: Math.round(side.numerator ?? 0), trials: Math.round(side.denominator ?? 0) });
  return { metric, a: sideA, b: sideB, ...twoProportionTest(counts(sideA), counts(sideB), confidenceLevel) };
}
