/**
 * The channel lead changes travel on. The server makes one (in memory, or Redis so that a change ingested by one
 * instance reaches subscribers of another: server/pubsub.ts); whoever commits a change publishes its notices.
 * Topics are per workspace, so a subscriber never even receives another workspace's changes.
 */
import type { EngagementChanges } from './changes';

export const LEAD_TOPICS = { tier: 'LEAD_TIER_CHANGED', stage: 'LEAD_STAGE_CHANGED' } as const;
/** Import progress rides the same per-workspace channel (services/imports/progress.ts). */
export const IMPORT_PROGRESS_TOPIC = 'IMPORT_PROGRESS';
/** Metric alerts ride it too (services/metrics/alerts.ts). */
export const METRIC_ALERT_TOPIC = 'METRIC_ALERT';
export type LeadTopic = (typeof LEAD_TOPICS)[keyof typeof LEAD_TOPICS] | typeof IMPORT_PROGRESS_TOPIC | typeof METRIC_ALERT_TOPIC;

export interface LeadEventBus {
  publish(topic: LeadTopic, workspaceId: number, payload: object): void;
  /**
   * Listens from the first call of next() on (the iterator registers lazily). `accept` drops what the subscriber
   * did not ask for where it arrives, before it is queued: with thousands of subscribers on one workspace, most
   * changes match few of them.
   */
  subscribe(topic: LeadTopic, workspaceId: number, accept?: (payload: unknown) => boolean): AsyncIterableIterator<unknown>;
  /** Resolves once every subscription registered before the call receives whatever is published after it. */
  ready(): Promise<void>;
}

/**
 * Publishes what a committed transaction changed. Call it only after the commit: a change that rolled back must
 * never reach anyone (and Redis pub/sub cannot take a message back).
 */
export function publishEngagementChanges(bus: LeadEventBus | undefined, changes: EngagementChanges): void {
  if (!bus) return;
  for (const notice of changes.tierChanges) bus.publish(LEAD_TOPICS.tier, notice.workspaceId, notice);
  for (const notice of changes.stageChanges) bus.publish(LEAD_TOPICS.stage, notice.workspaceId, notice);
}
