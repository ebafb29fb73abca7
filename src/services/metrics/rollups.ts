/**
 * The rollup tables behind `metrics` (store/entities/message-rollup.ts): which measures they hold, how dirty
 * campaigns are brought up to date, and whether a request can be answered from them.
 *
 * Every measure is the catalogue's own (metricToSql), so a rollup total is exactly the direct statement's total
 * over the same messages: a campaign-day's rows are recomputed from its messages, never patched by event deltas.
 * The triggers mark a campaign dirty in the transaction that changed its messages; the first request after that
 * (or the end of the import run) recomputes the dirty campaigns under a per-workspace lock.
 */
import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { MESSAGE_METRIC_IDS, type MetricGrouping } from '../../domain/metrics';
import { metricToSql } from '../../store/metrics/measure-sql';
import { query } from '../../store/ingest/sql';
import { cellsOf, selectionKey, selectionsOf, type Selection } from './plan';
import type { MetricFilter } from './types';

/** Advisory-lock class of rollup refreshes (second key: the workspace). */
const ROLLUP_LOCK = 6_406_003;

/** Every numerator/denominator pair of every message metric (per link category where the metric has one). */
export const ROLLUP_SELECTIONS: readonly Selection[] = selectionsOf(MESSAGE_METRIC_IDS.flatMap((metric) => cellsOf(metric, null)));

export const measureKey = (selection: Selection, part: 'n' | 'd') => `${selectionKey(selection)}:${part}`;

/** jsonb_build_object takes at most 100 arguments: the measures are built in chunks and concatenated. */
function measuresObjectSql(deepReadSeconds: number): string {
  const cached = measuresSqlCache.get(deepReadSeconds);
  if (cached) return cached;
  const pairs: string[] = [];
  for (const selection of ROLLUP_SELECTIONS) {
    const sql = metricToSql(selection.metric, 'm', { params: { deepReadSeconds, linkCategory: selection.linkCategory } });
    pairs.push(`'${measureKey(selection, 'n')}', ${sql.numerator}`);
    if (sql.denominator !== null) pairs.push(`'${measureKey(selection, 'd')}', ${sql.denominator}`);
  }
  const chunks: string[] = [];
  for (let i = 0; i < pairs.length; i += 40) chunks.push(`jsonb_build_object(${pairs.slice(i, i + 40).join(', ')})`);
  const sql = chunks.join(' || ');
  measuresSqlCache.set(deepReadSeconds, sql);
  return sql;
}

const measuresSqlCache = new Map<number, string>();

/** What a row was computed with: the measures' SQL, hashed. */
const definitionOf = (deepReadSeconds: number) => createHash('sha256').update(measuresObjectSql(deepReadSeconds)).digest('hex').slice(0, 16);

/** UTC day of a message's send time (its campaign's when it has none); rows with neither get the epoch day. */
const SEND_DAY = `coalesce((coalesce(m.sent_at, c.sent_at) AT TIME ZONE 'UTC')::date, DATE '1970-01-01')`;
export const UNKNOWN_DAY = '1970-01-01';

/**
 * Recomputes the rows of the workspace's dirty campaigns (and of every campaign whose rows were computed with
 * other measures: a catalogue change, another deepReadSeconds). Runs in its own transaction; concurrent callers wait for one another on the lock.
 * Callers sharing one transaction must not run it concurrently (statements of one session interleave).
 */
export async function refreshRollups(manager: EntityManager, workspaceId: number, deepReadSeconds: number): Promise<number> {
  // Inside a caller's transaction (alert evaluation) the refresh joins it; the lock is held to its commit.
  if (manager.queryRunner?.isTransactionActive) return refreshIn(manager, workspaceId, deepReadSeconds);
  return manager.transaction((transaction) => refreshIn(transaction, workspaceId, deepReadSeconds));
}

async function refreshIn(transaction: EntityManager, workspaceId: number, deepReadSeconds: number): Promise<number> {
  await transaction.query('SELECT pg_advisory_xact_lock($1::int, $2::int)', [ROLLUP_LOCK, workspaceId]);
  await transaction.query(
    `INSERT INTO message_rollup_dirty (workspace_id, campaign_id, reason)
     SELECT DISTINCT workspace_id, campaign_id, 'definition' FROM message_rollup WHERE workspace_id = $1 AND definition <> $2
     ON CONFLICT DO NOTHING`,
    [workspaceId, definitionOf(deepReadSeconds)],
  );
  const dirty = await query<{ campaign_id: number }>(transaction, 'DELETE FROM message_rollup_dirty WHERE workspace_id = $1 RETURNING campaign_id', [workspaceId]);
  if (!dirty.length) return 0;
  const ids = dirty.map((row) => Number(row.campaign_id));
  await transaction.query('DELETE FROM message_rollup WHERE workspace_id = $1 AND campaign_id = ANY($2::bigint[])', [workspaceId, ids]);
  await transaction.query(
    `INSERT INTO message_rollup (workspace_id, campaign_id, day, source, messages, measures, definition)
     SELECT m.workspace_id, m.campaign_id, ${SEND_DAY}, m.source, count(*), ${measuresObjectSql(deepReadSeconds)}, $3
     FROM message m JOIN campaign c ON c.workspace_id = m.workspace_id AND c.id = m.campaign_id
     WHERE m.workspace_id = $1 AND m.campaign_id = ANY($2::bigint[])
     GROUP BY m.workspace_id, m.campaign_id, ${SEND_DAY}, m.source`,
    [workspaceId, ids, definitionOf(deepReadSeconds)],
  );
  return ids.length;
}

const isMidnightUtc = (date: Date | null | undefined) => !date || date.getTime() % 86_400_000 === 0;

/**
 * Whether the rollups can answer: not for a segment of contacts (rollups do not keep contacts), nor for a period
 * that cuts through a day. Everything else — campaigns, channel, type, source, list, whole-day periods, every
 * grouping — they answer exactly as the message table would.
 */
export function rollupsCanAnswer(filter: MetricFilter, _grouping: MetricGrouping | null): boolean {
  return !filter.contactIds && isMidnightUtc(filter.from) && isMidnightUtc(filter.to);
}
