/**
 * The MQL threshold: a LEAD whose score reaches it becomes an MQL automatically. Crossings are reported both
 * ways (for alerts and tier-like notifications), but only the upward one moves a stage, and only from LEAD:
 * automatic moves go forward only, so a falling score never demotes an MQL (sales do that by hand).
 */
import { isForward } from '../lifecycle';
import type { LifecycleStage } from '../model';

export type ThresholdCrossing = 'ROSE_TO_THRESHOLD' | 'FELL_BELOW_THRESHOLD';

/** Whether a score change crosses the threshold; reaching it exactly counts as at or above it. */
export function thresholdCrossing(before: number, after: number, threshold: number): ThresholdCrossing | null {
  if (before < threshold && after >= threshold) return 'ROSE_TO_THRESHOLD';
  if (before >= threshold && after < threshold) return 'FELL_BELOW_THRESHOLD';
  return null;
}

/**
 * The stage a score moves a contact to automatically: MQL for a LEAD at or above the threshold, else nothing.
 * Subscribers are not promoted by score (the spec moves a LEAD); contacts past MQL stay where they are.
 */
export function automaticStageForScore(stage: LifecycleStage | null, score: number, threshold: number): 'MQL' | null {
  if (stage !== 'LEAD' || score < threshold) return null;
  return isForward(stage, 'MQL') ? 'MQL' : null;
}
