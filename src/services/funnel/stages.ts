/**
 * The stage rows of one group's funnel, from its contacts' histories. Cohort: how many of the cohort reached each
 * stage (a skipped stage counts as entered with the later one). Snapshot: how many are in each stage at `at`;
 * the rates then compare the contacts at or beyond each stage, so they stay shares of one population.
 */
import { reachedAt, stageAt, stageRank } from '../../domain/lifecycle';
import { medianDaysInStage, nullValue, type ContactHistory, type MetricValue } from '../../domain/metrics';
import { LIFECYCLE_PATH } from '../../domain/model';
import type { FunnelRate, FunnelStage } from './types';

export function rate(numerator: number, denominator: number, emptyReason: string): FunnelRate {
  if (denominator === 0) return { value: null, numerator, denominator, reason: emptyReason };
  return { value: numerator / denominator, numerator, denominator, reason: null };
}

/** CUSTOMER is the end of the path: nobody leaves it forward, so it has no duration to report. */
function mediansByStage(histories: readonly ContactHistory[], at: Date): MetricValue[] {
  const medians = medianDaysInStage(histories, at);
  const last = { ...nullValue('medianDaysInStage', 'CUSTOMER is the last stage of the path; nobody leaves it forward'), group: { dimension: 'stage' as const, key: 'CUSTOMER' } };
  return [...medians, last];
}

/** Rows from per-stage "reached" counts (cohort) or "at or beyond" counts (snapshot), in path order. */
function stageRows(counts: readonly number[], progressed: readonly number[], medians: readonly MetricValue[]): FunnelStage[] {
  return LIFECYCLE_PATH.map((stage, rank) => ({
    stage,
    count: counts[rank],
    conversionToNext: rank + 1 < LIFECYCLE_PATH.length
      ? rate(progressed[rank + 1], progressed[rank], `no contact reached ${stage} in this selection`)
      : null,
    cumulativeConversion: rate(progressed[rank], progressed[0], `no contact reached ${LIFECYCLE_PATH[0]} in this selection`),
    medianDaysInStage: medians[rank],
  }));
}

/** The cohort's stages: each count is the cohort members that reached the stage (or a later one) by `at`. */
export function cohortStages(cohort: readonly ContactHistory[], at: Date): FunnelStage[] {
  const reached = LIFECYCLE_PATH.map((stage) => cohort.filter((history) => reachedAt(history.changes, stage, at) !== null).length);
  return stageRows(reached, reached, mediansByStage(cohort, at));
}

/** The snapshot's stages: contacts in each stage at `at`; DISQUALIFIED contacts and contacts with no stage yet are off the path. */
export function snapshotStages(histories: readonly ContactHistory[], at: Date): FunnelStage[] {
  const inStage = LIFECYCLE_PATH.map(() => 0);
  for (const history of histories) {
    const stage = stageAt(history.changes, at);
    const rank = stage === null ? -1 : stageRank(stage);
    if (rank >= 0) inStage[rank]++;
  }
  const atOrBeyond = inStage.map((_, rank) => inStage.slice(rank).reduce((sum, count) => sum + count, 0));
  return stageRows(inStage, atOrBeyond, mediansByStage(histories, at));
}
