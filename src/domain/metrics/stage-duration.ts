/**
 * medianDaysInStage: per path stage, the median of the days contacts spent from entering it to leaving it
 * forward (entering any later path stage).
 *
 * A stage the source skipped (HubSpot LEAD → SQL) counts as entered at the moment of the later stage for funnel
 * counts, but its duration was never observed: counting it as 0 days would drag every median towards zero, so
 * skipped stages are left out here. Contacts still in a stage, or who left it for DISQUALIFIED, have not left
 * it forward and are left out too.
 */
import { firstEntries, type PathStage } from '../lifecycle';
import { LIFECYCLE_PATH } from '../model';
import { median } from '../stats/quantiles';
import type { ContactHistory } from './funnel';
import { nullValue, type MetricValue } from './value';

const DAY_MS = 86_400_000;

/** Days each contact spent in each stage it left forward, by stage. */
export function daysInStage(histories: readonly ContactHistory[], now: Date): Map<PathStage, number[]> {
  const days = new Map<PathStage, number[]>(LIFECYCLE_PATH.slice(0, -1).map((stage) => [stage, []]));
  for (const history of histories) {
    const entries = firstEntries(history.changes.filter((change) => change.at <= now));
    for (let rank = 0; rank < LIFECYCLE_PATH.length - 1; rank++) {
      const entered = entries.get(LIFECYCLE_PATH[rank]);
      // The next stage's first entry is the earliest forward exit: any later stage implies it at that moment.
      const left = entries.get(LIFECYCLE_PATH[rank + 1]);
      if (!entered || entered.implied || !left) continue;
      days.get(LIFECYCLE_PATH[rank])!.push((left.at.getTime() - entered.at.getTime()) / DAY_MS);
    }
  }
  return days;
}

/** One value per stage that can be left forward (SUBSCRIBER … OPPORTUNITY), in path order. */
export function medianDaysInStage(histories: readonly ContactHistory[], now: Date): MetricValue[] {
  return [...daysInStage(histories, now)].map(([stage, samples]) => {
    const group = { dimension: 'stage' as const, key: stage };
    if (samples.length === 0) {
      return { ...nullValue('medianDaysInStage', `no contact has entered and left ${stage} forward in this selection`, { denominator: 0 }), group };
    }
    // A median is not a ratio: no numerator, and the denominator is the sample size.
    return { metric: 'medianDaysInStage', value: median(samples), numerator: null, denominator: samples.length, unit: 'DAYS', reason: null, group };
  });
}
