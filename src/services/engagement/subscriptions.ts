import type { EntityManager } from 'typeorm';
import type { LifecycleStage } from '../../domain/model';
import { LEAD_TOPICS, type LeadEventBus } from './bus';
import type { StageChangeNotice, TierChangeNotice } from './changes';
import { replayThenLive } from './live';
import { stageChangeMatches, stageChangesAfter } from './stage-history';
import { parseHistoryCursor, tierChangeMatches, tierChangesAfter, type TierChangeFilter } from './tier-history';

export interface SubscriberScope {
  manager: EntityManager;
  bus: LeadEventBus;
  /** From the subscriber's API key, never from the arguments. */
  workspaceId: number;
}

/** Tier changes of the subscriber's workspace: the stored ones after `after` first, then live ones. */
export function subscribeTierChanges(scope: SubscriberScope, filter: TierChangeFilter, after: string | null | undefined): AsyncIterableIterator<TierChangeNotice> {
  const afterId = parseHistoryCursor(after, 'tier');
  const matches = (notice: TierChangeNotice) => notice.workspaceId === scope.workspaceId && tierChangeMatches(notice, filter);
  return replayThenLive<TierChangeNotice>({
    live: () => scope.bus.subscribe(LEAD_TOPICS.tier, scope.workspaceId, (notice) => matches(notice as TierChangeNotice)),
    ready: () => scope.bus.ready(),
    replay: (from) => tierChangesAfter(scope.manager, scope.workspaceId, from, filter),
    cursorOf: (notice) => Number(notice.cursor),
    matches,
    after: afterId,
  });
}

/** Stage changes of the subscriber's workspace (automatic, by hand, imported): the stored ones after `after` first, then live ones. */
export function subscribeStageChanges(
  scope: SubscriberScope,
  stages: LifecycleStage[] | null | undefined,
  after: string | null | undefined,
): AsyncIterableIterator<StageChangeNotice> {
  const afterId = parseHistoryCursor(after, 'stage');
  const matches = (notice: StageChangeNotice) => notice.workspaceId === scope.workspaceId && stageChangeMatches(notice, stages);
  return replayThenLive<StageChangeNotice>({
    live: () => scope.bus.subscribe(LEAD_TOPICS.stage, scope.workspaceId, (notice) => matches(notice as StageChangeNotice)),
    ready: () => scope.bus.ready(),
    replay: (from) => stageChangesAfter(scope.manager, scope.workspaceId, from, stages),
    cursorOf: (notice) => notice.id,
    matches,
    after: afterId,
  });
}
