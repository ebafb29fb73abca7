/**
 * Metric alerts: evaluated for the campaigns an ingestion touched (once per import run, not per batch), stored
 * (one open alert per campaign, kind and metric; cleared when the condition is gone) and published after commit on
 * the workspace's channel. Evaluation reads the same history as diagnostics (campaign-history.ts).
 */
import DataLoader from 'dataloader';
import type { DataSource, EntityManager } from 'typeorm';
import { ALERT_METRICS, DEFAULT_ALERT_THRESHOLDS, evaluateAlerts, type AlertFinding, type AlertKind, type AlertThresholds } from '../../domain/metrics';
import { withDefaults } from '../../domain/workspace/settings';
import { MetricAlert, Workspace } from '../../store/entities';
import { query, unnestRows } from '../../store/ingest/sql';
import { METRIC_ALERT_TOPIC, type LeadEventBus } from '../engagement/bus';
import { UserInputError } from '../errors';
import { paginate, type PageRequest } from '../pagination';
import type { Page } from '../../schema/connection';
import { campaignHistories } from './campaign-history';
import { readMetricSettings } from './query-metrics';

/** Advisory-lock class of alert writes (second key: the workspace): alert ids, the subscription cursors, commit in order. */
const ALERT_LOCK = 6_406_002;

export interface MetricAlertNotice {
  workspaceId: number;
  id: number;
  cursor: string;
  campaignId: number;
  kind: AlertKind;
  metric: string;
  value: number;
  threshold: number;
  message: string;
  raisedAt: string;
}

export async function alertThresholdsOf(manager: EntityManager, workspaceId: number): Promise<AlertThresholds> {
  const workspace = await manager.getRepository(Workspace).findOne({ where: { id: workspaceId }, select: { id: true, settings: true } });
  const overrides = withDefaults(workspace?.settings).alertThresholds ?? {};
  const thresholds = { ...DEFAULT_ALERT_THRESHOLDS };
  for (const [name, value] of Object.entries(overrides)) {
    if (!(name in thresholds)) throw new UserInputError(`unknown alert threshold "${name}" in the workspace settings (known: ${Object.keys(thresholds).join(', ')})`);
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw new UserInputError(`alert threshold ${name} must be a number ≥ 0 (got ${JSON.stringify(value)})`);
    thresholds[name as keyof AlertThresholds] = value;
  }
  return thresholds;
}

/**
 * Raises the alerts the campaigns' current figures call for, clears those no longer called for, and publishes the
 * newly raised ones after commit. Returns them.
 */
export async function evaluateCampaignAlerts(
  dataSource: DataSource,
  workspaceId: number,
  campaignIds: readonly number[],
  bus?: LeadEventBus,
): Promise<MetricAlertNotice[]> {
  const ids = [...new Set(campaignIds.map(Number))];
  if (!ids.length) return [];
  const raised = await dataSource.transaction(async (manager) => {
    const thresholds = await alertThresholdsOf(manager, workspaceId);
    const histories = await campaignHistories(manager, workspaceId, ids, ALERT_METRICS, await readMetricSettings(manager, workspaceId));
    const findings: Array<AlertFinding & { campaignId: number }> = [];
    for (const campaign of histories.values()) {
      for (const finding of evaluateAlerts({ campaignType: campaign.type, messages: campaign.messages, values: campaign.values, history: campaign.history }, thresholds)) {
        findings.push({ ...finding, campaignId: campaign.campaignId });
      }
    }
    await manager.query('SELECT pg_advisory_xact_lock($1::int, $2::int)', [ALERT_LOCK, workspaceId]);
    const rowsFrom = (firstParameter: number) => unnestRows(findings, [
      { name: 'campaign_id', type: 'bigint', value: (f) => f.campaignId },
      { name: 'kind', type: 'text', value: (f) => f.kind },
      { name: 'metric', type: 'text', value: (f) => f.metric },
      { name: 'value', type: 'double precision', value: (f) => f.value },
      { name: 'threshold', type: 'double precision', value: (f) => f.threshold },
      { name: 'message', type: 'text', value: (f) => f.message },
    ], firstParameter);
    const stillCalledFor = rowsFrom(3);
    // Open alerts whose condition is gone are cleared; those still called for stay open (raised once).
    await manager.query(
      `UPDATE metric_alert a SET cleared_at = now()
       WHERE a.workspace_id = $1 AND a.campaign_id = ANY($2::bigint[]) AND a.cleared_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM ${stillCalledFor.sql} WHERE input.campaign_id = a.campaign_id AND input.kind = a.kind AND input.metric = a.metric)`,
      [workspaceId, ids, ...stillCalledFor.parameters],
    );
    if (!findings.length) return [];
    const input = rowsFrom(2);
    return query<{ id: number; campaign_id: number; kind: AlertKind; metric: string; value: number; threshold: number; message: string; raised_at: Date }>(
      manager,
      `INSERT INTO metric_alert (workspace_id, campaign_id, kind, metric, value, threshold, message)
       SELECT $1, campaign_id, kind, metric, value, threshold, message FROM ${input.sql}
       ON CONFLICT (workspace_id, campaign_id, kind, metric) WHERE cleared_at IS NULL DO NOTHING
       RETURNING id, campaign_id, kind, metric, value, threshold, message, raised_at`,
      [workspaceId, ...input.parameters],
    );
  });
  const notices = raised.map((row) => noticeOf(workspaceId, row)).sort((a, b) => a.id - b.id);
  for (const notice of notices) bus?.publish(METRIC_ALERT_TOPIC, workspaceId, notice);
  return notices;
}

function noticeOf(workspaceId: number, row: { id: number; campaign_id: number; kind: AlertKind; metric: string; value: number; threshold: number; message: string; raised_at: Date }): MetricAlertNotice {
  return {
    workspaceId, id: Number(row.id), cursor: String(row.id), campaignId: Number(row.campaign_id), kind: row.kind, metric: row.metric,
    value: Number(row.value), threshold: Number(row.threshold), message: row.message, raisedAt: row.raised_at.toISOString(),
  };
}

export interface MetricAlertFilter {
  campaignId?: number | null;
  kinds?: AlertKind[] | null;
  /** true: open only; false: cleared only; absent: both. */
  open?: boolean | null;
}

export function listMetricAlerts(manager: EntityManager, workspaceId: number, filter: MetricAlertFilter, page: PageRequest): Promise<Page<MetricAlert>> {
  const builder = manager.getRepository(MetricAlert).createQueryBuilder('a').where('a.workspaceId = :workspaceId', { workspaceId });
  if (filter.campaignId) builder.andWhere('a.campaignId = :campaignId', { campaignId: filter.campaignId });
  if (filter.kinds?.length) builder.andWhere('a.kind IN (:...kinds)', { kinds: filter.kinds });
  if (filter.open === true) builder.andWhere('a.clearedAt IS NULL');
  if (filter.open === false) builder.andWhere('a.clearedAt IS NOT NULL');
  return paginate(builder, 'a', page);
}

export function alertMatches(notice: MetricAlertNotice, filter: MetricAlertFilter): boolean {
  if (filter.campaignId && notice.campaignId !== filter.campaignId) return false;
  if (filter.kinds?.length && !filter.kinds.includes(notice.kind)) return false;
  return true;
}

/** The stored alerts after a cursor, oldest first, for a subscriber catching up. */
export async function* alertsAfter(manager: EntityManager, workspaceId: number, after: number, filter: MetricAlertFilter, pageSize = 500): AsyncGenerator<MetricAlertNotice> {
  let cursor = after;
  for (;;) {
    const rows = await query<{ id: number; campaign_id: number; kind: AlertKind; metric: string; value: number; threshold: number; message: string; raised_at: Date }>(
      manager,
      `SELECT id, campaign_id, kind, metric, value, threshold, message, raised_at FROM metric_alert
       WHERE workspace_id = $1 AND id > $2 AND ($3::bigint IS NULL OR campaign_id = $3) AND ($4::text[] IS NULL OR kind = ANY($4::text[]))
       ORDER BY id LIMIT $5`,
      [workspaceId, cursor, filter.campaignId ?? null, filter.kinds?.length ? filter.kinds : null, pageSize],
    );
    for (const row of rows) yield noticeOf(workspaceId, row);
    if (rows.length < pageSize) return;
    cursor = Number(rows[rows.length - 1].id);
  }
}

const openAlertLoaders = new WeakMap<object, DataLoader<number, MetricAlert[]>>();

/** Campaign.alerts for a page of campaigns in one statement (the request's loader). */
export function openAlertsOf(request: object, manager: EntityManager, workspaceId: number, campaignId: number): Promise<MetricAlert[]> {
  let loader = openAlertLoaders.get(request);
  if (!loader) {
    loader = new DataLoader<number, MetricAlert[]>(async (ids) => {
      const rows = await manager.getRepository(MetricAlert).createQueryBuilder('a')
        .where('a.workspaceId = :workspaceId AND a.campaignId IN (:...ids) AND a.clearedAt IS NULL', { workspaceId, ids: [...ids] })
        .orderBy('a.id', 'DESC').getMany();
      return ids.map((id) => rows.filter((row) => Number(row.campaignId) === id));
    });
    openAlertLoaders.set(request, loader);
  }
  return loader.load(campaignId);
}
