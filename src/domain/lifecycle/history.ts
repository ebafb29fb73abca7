/**
 * A contact's lifecycle history read back as stage entries: every recorded change, plus the path stages it
 * skipped, entered at the moment of the later stage. Funnel counts and stage durations are computed from these.
 */
import { LIFECYCLE_PATH, type LifecycleStage } from '../model';
import { impliedStages, isPathStage, type PathStage } from './stages';

/** One recorded change, as kept in history (spec: from, to, at, cause). */
export interface StageChange {
  from: LifecycleStage | null;
  to: LifecycleStage;
  at: Date;
  cause: string;
}

export interface StageEntry {
  stage: LifecycleStage;
  at: Date;
  /** True for a path stage the source skipped, counted as entered at the moment of the later stage. */
  implied: boolean;
  cause: string;
}

/** Changes in time order; changes at the same instant keep path order, so implied entries come out stable. */
function chronological(changes: readonly StageChange[]): StageChange[] {
  const rank = (stage: LifecycleStage) => (isPathStage(stage) ? LIFECYCLE_PATH.indexOf(stage) : LIFECYCLE_PATH.length);
  return [...changes].sort((a, b) => a.at.getTime() - b.at.getTime() || rank(a.to) - rank(b.to));
}

/** All stage entries of a history, in time order, implied ones just before the change that implied them. */
export function stageEntries(changes: readonly StageChange[]): StageEntry[] {
  const entered = new Set<LifecycleStage>();
  const entries: StageEntry[] = [];
  for (const change of chronological(changes)) {
    for (const stage of impliedStages(entered, change.to)) {
      entries.push({ stage, at: change.at, implied: true, cause: `implied by ${change.to}` });
      entered.add(stage);
    }
    entries.push({ stage: change.to, at: change.at, implied: false, cause: change.cause });
    entered.add(change.to);
  }
  return entries;
}

/** The first entry into each stage reached (implied or recorded). */
export function firstEntries(changes: readonly StageChange[]): Map<LifecycleStage, StageEntry> {
  const first = new Map<LifecycleStage, StageEntry>();
  for (const entry of stageEntries(changes)) if (!first.has(entry.stage)) first.set(entry.stage, entry);
  return first;
}

/** When the contact first reached `stage` or any later path stage, or null when it never did (up to `asOf`). */
export function reachedAt(changes: readonly StageChange[], stage: PathStage, asOf?: Date): Date | null {
  const entry = firstEntries(asOf ? changes.filter((change) => change.at <= asOf) : changes).get(stage);
  return entry ? entry.at : null;
}

/** The stage a contact was in at a moment (the last change at or before it), or null before its first change. */
export function stageAt(changes: readonly StageChange[], at: Date): LifecycleStage | null {
  let current: LifecycleStage | null = null;
  for (const change of chronological(changes)) {
    if (change.at > at) break;
    current = change.to;
  }
  return current;
}
