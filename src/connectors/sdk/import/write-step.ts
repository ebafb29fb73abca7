/**
 * The one way records reach the database, whatever brought them (a file import, a webhook delivery, an API
 * pull): write the batch, bring the touched contacts' scores, stages and tiers up to date, and record the
 * batch's outcome on its import run — all in one transaction, retried when a concurrent writer raced it. Live
 * notices are published only after that transaction commits (`publishStep`), never for one that rolled back.
 *
 * Anything that must happen for every ingested batch (rollups, alerts, …) hooks in here, so no path misses it.
 */
import type { DataSource, EntityManager } from 'typeorm';
import type { BatchItem, BatchRejection, BatchResult, WriteContext } from '../../../store/ingest/batch';
import { recordBatchOutcome } from '../../../store/ingest/import-runs';
import { query } from '../../../store/ingest/sql';
import { writeBatch } from '../../../store/ingest/write-batch';
import { publishEngagementChanges, type LeadEventBus } from '../../../services/engagement/bus';
import type { EngagementChanges, StageChangeNotice } from '../../../services/engagement/changes';
import { refreshContactEngagement } from '../../../services/engagement/refresh';
import { stageNoticesOf } from '../../../services/engagement/stage-history';
import { withTransactionRetry } from './transaction';

export interface WriteStepInput {
  dataSource: DataSource;
  context: WriteContext;
  workspaceId: number;
  importId: number;
  items: BatchItem[];
  /** Rows the parser already rejected; stored with the batch's own rejections, in its transaction. */
  parseRejections?: BatchRejection[];
  now: Date;
  /** Runs last inside the batch's transaction (e.g. a pull saves its cursor here: committed with the records or not at all). */
  alsoInTransaction?: (manager: EntityManager, written: BatchResult) => Promise<void>;
}

export interface WriteStepResult {
  written: BatchResult;
  /** Parse rejections followed by the writer's own. */
  rejections: BatchRejection[];
  changes: EngagementChanges;
  imported: number;
  duplicates: number;
  /** Campaigns whose messages the step changed: metric alerts are evaluated for them when the run ends. */
  touchedCampaignIds: number[];
}

export async function writeStep(input: WriteStepInput): Promise<WriteStepResult> {
  const { dataSource, context, workspaceId, importId, items, now } = input;
  return withTransactionRetry(dataSource, async (manager) => {
    const written = await writeBatch(manager, context, items);
    // Scores, stages and tiers move in the batch's own transaction: they commit or roll back with it.
    const changes = await refreshContactEngagement(manager, workspaceId, written.touchedContactIds, now);
    // Stage changes the records themselves carried (a CRM's lifecycle history), read after the refresh settled
    // their from-stages; they go out with the automatic ones, in cursor order.
    changes.stageChanges = inCursorOrder([...(await stageNoticesOf(manager, workspaceId, written.addedStageChangeIds)), ...changes.stageChanges]);
    const rejections = [...(input.parseRejections ?? []), ...written.rejections];
    const { imported, duplicates } = batchTotals(written);
    await recordBatchOutcome(manager, workspaceId, importId, imported, duplicates, rejections);
    await input.alsoInTransaction?.(manager, written);
    const touchedCampaignIds = written.touchedMessageIds.length
      ? (await query<{ campaign_id: number }>(
          manager,
          'SELECT DISTINCT campaign_id FROM message WHERE workspace_id = $1 AND id = ANY($2::bigint[]) AND campaign_id IS NOT NULL',
          [workspaceId, written.touchedMessageIds],
        )).map((row) => Number(row.campaign_id))
      : [];
    return { written, rejections, changes, imported, duplicates, touchedCampaignIds };
  });
}

/** After the commit: tell live subscribers what the step changed. */
export function publishStep(bus: LeadEventBus | undefined, result: WriteStepResult): void {
  publishEngagementChanges(bus, result.changes);
}

/** Records that changed the database (new or updated) and those already there unchanged (a re-delivery). */
export function batchTotals(result: BatchResult): { imported: number; duplicates: number } {
  let imported = 0;
  let duplicates = 0;
  for (const [kind, counts] of Object.entries(result.counts)) {
    if (kind === 'contactCreated' || !counts) continue;
    imported += counts.new + counts.updated;
    duplicates += counts.unchanged;
  }
  return { imported, duplicates };
}

function inCursorOrder(notices: StageChangeNotice[]): StageChangeNotice[] {
  const byId = new Map(notices.map((notice) => [notice.id, notice]));
  return [...byId.values()].sort((a, b) => a.id - b.id);
}
