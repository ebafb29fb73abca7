/**
 * The direction of a metric over time (spec: flag a falling delivery rate), by the Theil–Sen slope: the median
 * of the slopes between every pair of points. One bad campaign cannot tip it, unlike least squares.
 */
import { median } from './quantiles';

export interface TrendPoint {
  /** Time, or any increasing position (e.g. days since the first campaign). */
  x: number;
  y: number;
}

/** Median pairwise slope (change of y per unit of x), or null when fewer than two distinct x values. */
export function theilSenSlope(points: readonly TrendPoint[]): number | null {
  const slopes: number[] = [];
  for (let i = 0; i < points.length; i++) {
    for (let j = i + 1; j < points.length; j++) {
      const dx = points[j].x - points[i].x;
      if (dx !== 0) slopes.push((points[j].y - points[i].y) / dx);
    }
  }
  return median(slopes);
}

export type TrendDirection = 'FALLING' | 'FLAT' | 'RISING' | 'UNKNOWN';

/**
 * FALLING / RISING when the slope's magnitude exceeds `tolerance` (per unit of x), FLAT otherwise;
 * UNKNOWN below `minPoints` points, which make no trend.
 */
export function trendOf(points: readonly TrendPoint[], tolerance = 0, minPoints = 3): TrendDirection {
  if (points.length < minPoints) return 'UNKNOWN';
  const slope = theilSenSlope(points);
  if (slope === null) return 'UNKNOWN';
  if (slope < -tolerance) return 'FALLING';
  if (slope > tolerance) return 'RISING';
  return 'FLAT';
}
