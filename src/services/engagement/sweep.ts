/**
 * The scheduled sweep: tiers also change when nothing happens — a delivered message ages out of the window and
 * takes its click, read or reply with it. Contacts a message has aged out of since their last rating are re-rated
 * (and, when points decay, every contact with a score is re-scored), a batch per transaction, changes published
 * after each commit.
 */
import type { DataSource } from 'typeorm';
import type { WorkspaceSettings } from '../../domain/workspace/settings';
import { query } from '../../store/ingest/sql';
import { publishEngagementChanges, type LeadEventBus } from './bus';
import { refreshContactEngagement } from './refresh';
import { engagementRulesOf } from './rules-of';

export interface SweepResult {
  contactsRefreshed: number;
  tierChanges: number;
  stageChanges: number;
}

export async function sweepEngagement(dataSource: DataSource, bus: LeadEventBus | undefined, now: Date = new Date(), batchSize = 500): Promise<SweepResult> {
  const result: SweepResult = { contactsRefreshed: 0, tierChanges: 0, stageChanges: 0 };
  const workspaces = await query<{ id: number; settings: Partial<WorkspaceSettings> }>(dataSource.manager, 'SELECT id, settings FROM workspace ORDER BY id');
  for (const workspace of workspaces) {
    const workspaceId = Number(workspace.id);
    const rules = engagementRulesOf(workspace.settings);
    const decays = rules.ruleset.decay.kind !== 'NONE' || rules.ruleset.rules.some((rule) => rule.decay && rule.decay.kind !== 'NONE');
    for (let afterId = 0; ;) {
      // A message counted at the last rating (delivered after rated_at − window) that is now out of the window.
      const batch = await query<{ id: number }>(
        dataSource.manager,
        `SELECT c.id FROM contact c
         WHERE c.workspace_id = $1 AND c.merged_into_id IS NULL AND c.id > $4 AND (
           ($5::boolean AND c.score <> 0)
           OR (c.tier <> 'UNRATED' AND c.tier_rated_at IS NOT NULL AND EXISTS (
             SELECT 1 FROM message m WHERE m.workspace_id = c.workspace_id AND m.contact_id = c.id AND m.status = 'DELIVERED'
               AND COALESCE(m.delivered_at, m.status_at) > c.tier_rated_at - make_interval(days => $2::integer)
               AND COALESCE(m.delivered_at, m.status_at) <= $3::timestamptz - make_interval(days => $2::integer))))
         ORDER BY c.id LIMIT $6`,
        [workspaceId, rules.tiers.windowDays, now, afterId, decays, batchSize],
      );
      if (!batch.length) break;
      const ids = batch.map((row) => Number(row.id));
      afterId = ids[ids.length - 1];
      const changes = await dataSource.transaction((manager) => refreshContactEngagement(manager, workspaceId, ids, now, { rules }));
      publishEngagementChanges(bus, changes);
      result.contactsRefreshed += ids.length;
      result.tierChanges += changes.tierChanges.length;
      result.stageChanges += changes.stageChanges.length;
    }
  }
  return result;
}

export interface EngagementSweep {
  /** Stops the timer and waits for a sweep under way to finish. */
  stop(): Promise<void>;
}

/** Runs the sweep every `intervalMs` (one at a time: a slow sweep is not overlapped by the next). */
export function startEngagementSweep(
  dataSource: DataSource,
  bus: LeadEventBus | undefined,
  intervalMs: number,
  onError: (error: Error) => void = () => undefined,
  onDone: (result: SweepResult) => void = () => undefined,
): EngagementSweep {
  let running: Promise<void> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    running = sweepEngagement(dataSource, bus)
      .then(onDone, (error: Error) => onError(error))
      .finally(() => (running = null));
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
