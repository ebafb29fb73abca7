/**
 * A campaign's values next to its history: the same metrics of the workspace's other campaigns of its type sent
 * before it (all others when either has no send date) — the spec's "the workspace's own history per campaign
 * type", which diagnostics and alerts both stand on. One metrics statement per campaign type asked about.
 */
import type { EntityManager } from 'typeorm';
import type { MessageMetricId } from '../../domain/metrics';
import type { CampaignType } from '../../domain/model';
import { query } from '../../store/ingest/sql';
import { queryMetrics } from './query-metrics';
import type { MetricSettings } from './types';

export interface CampaignHistory {
  campaignId: number;
  type: CampaignType;
  /** Messages of the campaign (whatever their status). */
  messages: number;
  values: Map<MessageMetricId, number | null>;
  /** Per metric, the earlier campaigns' values that are not null. */
  history: Map<MessageMetricId, number[]>;
}

interface CampaignTiming {
  id: number;
  type: CampaignType;
  sentAt: Date | null;
}

export async function campaignHistories(
  manager: EntityManager,
  workspaceId: number,
  campaignIds: readonly number[],
  metrics: readonly MessageMetricId[],
  settings?: MetricSettings,
): Promise<Map<number, CampaignHistory>> {
  const asked = await timings(manager, workspaceId, 'id = ANY($2::bigint[])', [campaignIds]);
  const types = [...new Set(asked.map((campaign) => campaign.type))];
  if (!types.length) return new Map();
  const everyOfType = await timings(manager, workspaceId, 'type = ANY($2::text[])', [types]);
  // One type after the other: inside a transaction, concurrent statements of one session would interleave.
  const valuesByType = new Map<CampaignType, Map<number, { messages: number; values: Map<MessageMetricId, number | null> }>>();
  for (const type of types) {
    const rows = await queryMetrics(manager, workspaceId, { filter: { campaignType: type }, groupBy: 'CAMPAIGN', metrics }, settings);
    valuesByType.set(type, new Map(rows.map((row) => [Number(row.group.key), {
      messages: row.messages, values: new Map(row.values.map((value) => [value.metric as MessageMetricId, value.value])),
    }])));
  }
  const result = new Map<number, CampaignHistory>();
  for (const campaign of asked) {
    const ofType = valuesByType.get(campaign.type)!;
    const earlier = everyOfType.filter((other) => other.type === campaign.type && other.id !== campaign.id && sentBefore(other, campaign));
    const own = ofType.get(campaign.id);
    result.set(campaign.id, {
      campaignId: campaign.id,
      type: campaign.type,
      messages: own?.messages ?? 0,
      values: new Map(metrics.map((metric) => [metric, own?.values.get(metric) ?? null])),
      history: new Map(metrics.map((metric) => [
        metric,
        earlier.map((other) => ofType.get(other.id)?.values.get(metric)).filter((value): value is number => typeof value === 'number'),
      ])),
    });
  }
  return result;
}

async function timings(manager: EntityManager, workspaceId: number, condition: string, parameters: unknown[]): Promise<CampaignTiming[]> {
  const rows = await query<{ id: number; type: CampaignType; sent_at: Date | null }>(
    manager,
    `SELECT id, type, sent_at FROM campaign WHERE workspace_id = $1 AND ${condition}`,
    [workspaceId, ...parameters],
  );
  return rows.map((row) => ({ id: Number(row.id), type: row.type, sentAt: row.sent_at }));
}

function sentBefore(other: CampaignTiming, campaign: CampaignTiming): boolean {
  if (!campaign.sentAt || !other.sentAt) return true;
  return other.sentAt < campaign.sentAt;
}
