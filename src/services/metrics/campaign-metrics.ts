/**
 * Campaign.metrics and Campaign.linkCategoryBreakdown through DataLoaders: a page of campaigns costs one read of
 * the workspace settings and one metrics statement per distinct metric list, whatever the page size (no N+1).
 *
 * The loaders belong to one request: they are kept against that request's own loaders object (fresh per HTTP
 * request and per graphql-ws operation), so they are dropped with it and never serve another request's rows.
 */
import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { nullValue, withLinkCategory, type MessageMetricId } from '../../domain/metrics';
import { cellsOf, requestedMetrics } from './plan';
import { queryMetrics, readMetricSettings } from './query-metrics';
import { servedValue } from './rows';
import type { MetricSettings, ServedValue } from './types';

const NO_MESSAGES = 'no messages of this campaign have been imported, so its message metrics are unknown (vendor report totals are not message data)';

/** Values of a campaign that has no message rows: null with a reason, never zeros. */
function unknownValues(metrics: readonly MessageMetricId[]): ServedValue[] {
  return metrics.flatMap((metric) => cellsOf(metric, 'CAMPAIGN')).map((cell) => servedValue(withLinkCategory(nullValue(cell.metric, NO_MESSAGES), cell.linkCategory)));
}

export class CampaignMetricLoaders {
  private settings: Promise<MetricSettings> | null = null;
  private readonly loaders = new Map<string, DataLoader<number, ServedValue[]>>();

  constructor(
    private readonly manager: EntityManager,
    private readonly workspaceId: number,
  ) {}

  /** The campaign's values of the metrics asked for (every message metric when none are named). */
  load(campaignId: number, metricIds?: readonly string[] | null): Promise<ServedValue[]> {
    const metrics = requestedMetrics(metricIds);
    const key = metrics.join(',');
    let loader = this.loaders.get(key);
    if (!loader) {
      loader = new DataLoader((campaignIds) => this.batch(campaignIds, metrics));
      this.loaders.set(key, loader);
    }
    return loader.load(campaignId);
  }

  private async batch(campaignIds: readonly number[], metrics: MessageMetricId[]): Promise<ServedValue[][]> {
    this.settings ??= readMetricSettings(this.manager, this.workspaceId);
    const rows = await queryMetrics(this.manager, this.workspaceId, { filter: { campaignIds }, groupBy: 'CAMPAIGN', metrics }, await this.settings);
    const byCampaign = new Map(rows.map((row) => [row.group.key, row.values]));
    return campaignIds.map((id) => byCampaign.get(String(id)) ?? unknownValues(metrics));
  }
}

const perRequest = new WeakMap<object, CampaignMetricLoaders>();

/** The request's campaign-metric loaders, created on first use; `request` is an object living exactly as long as the request. */
export function campaignMetricLoaders(request: object, manager: EntityManager, workspaceId: number): CampaignMetricLoaders {
  let loaders = perRequest.get(request);
  if (!loaders) perRequest.set(request, (loaders = new CampaignMetricLoaders(manager, workspaceId)));
  return loaders;
}
