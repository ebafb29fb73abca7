/**
 * Read classes of a measured read time (spec: glance < 2 s, skim 2–8 s, deep read ≥ 8 s). The thresholds are
 * workspace settings; metrics (readCompletionRate), scoring (deep read +3) and tiers all read them from here.
 */

export const READ_CLASSES = ['GLANCE', 'SKIM', 'DEEP_READ'] as const;
export type ReadClass = (typeof READ_CLASSES)[number];

export interface ReadThresholds {
  /** Below this many seconds a read is a glance. */
  glanceSeconds: number;
  /** At or above this many seconds a read is a deep read; in between, a skim. */
  deepReadSeconds: number;
}

export const DEFAULT_READ_THRESHOLDS: ReadThresholds = { glanceSeconds: 2, deepReadSeconds: 8 };

/** The class of a read time, or null when the read time was not measured. */
export function readClassOf(seconds: number | null | undefined, thresholds: ReadThresholds = DEFAULT_READ_THRESHOLDS): ReadClass | null {
  if (seconds === null || seconds === undefined || Number.isNaN(seconds)) return null;
  if (seconds >= thresholds.deepReadSeconds) return 'DEEP_READ';
  if (seconds >= thresholds.glanceSeconds) return 'SKIM';
  return 'GLANCE';
}

/** Refuses thresholds a workspace could not have meant (a skim band that ends before it starts). */
export function checkReadThresholds(thresholds: ReadThresholds): string | null {
  const { glanceSeconds, deepReadSeconds } = thresholds;
  if (!Number.isFinite(glanceSeconds) || !Number.isFinite(deepReadSeconds) || glanceSeconds < 0) {
    return `read thresholds are seconds ≥ 0 (got glance ${glanceSeconds}, deep read ${deepReadSeconds})`;
  }
  if (glanceSeconds > deepReadSeconds) {
    return `the glance threshold (${glanceSeconds} s) must not exceed the deep-read threshold (${deepReadSeconds} s)`;
  }
  return null;
}
