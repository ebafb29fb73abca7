/**
 * What an engagement refresh changed, as notices to push to subscribers. Notices cross Redis as JSON, so they
 * hold plain values only (times as ISO strings); the GraphQL layer turns them back into typed objects.
 */
import type { EngagementTier, LifecycleStage } from '../../domain/model';
import type { TierSignals } from '../../domain/tiers';

export interface TierChangeNotice {
  workspaceId: number;
  /** The tier_change id, as a string: where a subscriber resumes from (`leadTierChanged(after:)`). */
  cursor: string;
  contactId: number;
  from: EngagementTier | null;
  to: EngagementTier;
  signals: TierSignals;
  reason: string;
  at: string;
  /** Campaigns the contact received: what `leadTierChanged(filter: { campaignId })` matches on. */
  campaignIds: number[];
}

export interface StageChangeNotice {
  workspaceId: number;
  /** The lifecycle_stage_change id. */
  id: number;
  /** The same id as a string: where a subscriber resumes from (`leadStageChanged(after:)`). */
  cursor: string;
  contactId: number;
  from: LifecycleStage | null;
  to: LifecycleStage;
  at: string;
  cause: string;
  source: string | null;
}

export interface EngagementChanges {
  tierChanges: TierChangeNotice[];
  stageChanges: StageChangeNotice[];
}

export const noChanges = (): EngagementChanges => ({ tierChanges: [], stageChanges: [] });

export function mergeChanges(into: EngagementChanges, more: EngagementChanges): EngagementChanges {
  into.tierChanges.push(...more.tierChanges);
  into.stageChanges.push(...more.stageChanges);
  return into;
}
