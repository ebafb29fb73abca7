/**
 * Campaign.diagnostics through a DataLoader: for a page of campaigns, one metrics statement per campaign type on
 * the page (every campaign of that type, grouped by campaign) gives both each campaign's values and the history
 * its baseline stands on, so the page costs a constant number of statements, whatever its size.
 *
 * A campaign's history is the workspace's other campaigns of its type sent before it (all others when it has no
 * send date): the spec's "the workspace's own history per campaign type", never industry averages.
 */
import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { DIAGNOSED_METRICS, diagnose, type Diagnostic } from '../../domain/metrics';
import type { CampaignType } from '../../domain/model';
import { query } from '../../store/ingest/sql';
import { queryMetrics, readMetricSettings } from './query-metrics';
import type { MetricSettings } from './types';

interface CampaignTiming {
  id: number;
  type: CampaignType;
  sentAt: Date | null;
}

type ValuesByCampaign = Map<number, Map<string, number | null>>;

export class CampaignDiagnosticLoader {
  private settings: Promise<MetricSettings> | null = null;
  private readonly valuesByType = new Map<CampaignType, Promise<ValuesByCampaign>>();
  private readonly loader = new DataLoader<number, Diagnostic[]>((ids) => this.batch(ids));

  constructor(
    private readonly manager: EntityManager,
    private readonly workspaceId: number,
  ) {}

  load(campaignId: number): Promise<Diagnostic[]> {
    return this.loader.load(campaignId);
  }

  private async batch(ids: readonly number[]): Promise<Diagnostic[][]> {
    const page = await this.timings(ids);
    const types = [...new Set(page.map((campaign) => campaign.type))];
    const everyOfType = await this.timingsOfTypes(types);
    const values = new Map(await Promise.all(types.map(async (type) => [type, await this.valuesOfType(type)] as const)));
    const byId = new Map(page.map((campaign) => [campaign.id, campaign]));
    return ids.map((id) => {
      const campaign = byId.get(id);
      if (!campaign) return [];
      const ofType = values.get(campaign.type)!;
      const earlier = everyOfType.filter((other) => other.type === campaign.type && other.id !== id && sentBefore(other, campaign));
      return DIAGNOSED_METRICS.map((rule) => {
        const history = earlier.map((other) => ofType.get(other.id)?.get(rule.metric)).filter((value): value is number => typeof value === 'number');
        return diagnose(rule, ofType.get(id)?.get(rule.metric) ?? null, history, campaign.type);
      });
    });
  }

  private timings(ids: readonly number[]): Promise<CampaignTiming[]> {
    return this.timingsWhere('id = ANY($2::bigint[])', [ids]);
  }

  private timingsOfTypes(types: CampaignType[]): Promise<CampaignTiming[]> {
    return this.timingsWhere('type = ANY($2::text[])', [types]);
  }

  private async timingsWhere(condition: string, parameters: unknown[]): Promise<CampaignTiming[]> {
    const rows = await query<{ id: number; type: CampaignType; sent_at: Date | null }>(
      this.manager,
      `SELECT id, type, sent_at FROM campaign WHERE workspace_id = $1 AND ${condition}`,
      [this.workspaceId, ...parameters],
    );
    return rows.map((row) => ({ id: Number(row.id), type: row.type, sentAt: row.sent_at }));
  }

  private valuesOfType(type: CampaignType): Promise<ValuesByCampaign> {
    let values = this.valuesByType.get(type);
    if (!values) {
      values = (async () => {
        this.settings ??= readMetricSettings(this.manager, this.workspaceId);
        const rows = await queryMetrics(
          this.manager, this.workspaceId,
          { filter: { campaignType: type }, groupBy: 'CAMPAIGN', metrics: DIAGNOSED_METRICS.map((rule) => rule.metric) },
          await this.settings,
        );
        return new Map(rows.map((row) => [Number(row.group.key), new Map(row.values.map((value) => [value.metric as string, value.value]))]));
      })();
      this.valuesByType.set(type, values);
    }
    return values;
  }
}

/** Sent before `campaign`; without dates on both sides every other campaign counts as history. */
function sentBefore(other: CampaignTiming, campaign: CampaignTiming): boolean {
  if (!campaign.sentAt || !other.sentAt) return true;
  return other.sentAt < campaign.sentAt;
}

const perRequest = new WeakMap<object, CampaignDiagnosticLoader>();

export function campaignDiagnosticLoader(request: object, manager: EntityManager, workspaceId: number): CampaignDiagnosticLoader {
  let loader = perRequest.get(request);
  if (!loader) perRequest.set(request, (loader = new CampaignDiagnosticLoader(manager, workspaceId)));
  return loader;
}
