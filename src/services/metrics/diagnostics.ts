/**
 * Campaign.diagnostics through a DataLoader: a page of campaigns costs one read of the settings, two of campaign
 * dates and one metrics statement per campaign type on the page, whatever its size (campaign-history.ts).
 */
import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { DIAGNOSED_METRICS, diagnose, type Diagnostic } from '../../domain/metrics';
import { campaignHistories } from './campaign-history';
import { readMetricSettings } from './query-metrics';

export class CampaignDiagnosticLoader {
  private readonly loader = new DataLoader<number, Diagnostic[]>((ids) => this.batch(ids));

  constructor(
    private readonly manager: EntityManager,
    private readonly workspaceId: number,
  ) {}

  load(campaignId: number): Promise<Diagnostic[]> {
    return this.loader.load(campaignId);
  }

  private async batch(ids: readonly number[]): Promise<Diagnostic[][]> {
    const settings = await readMetricSettings(this.manager, this.workspaceId);
    const histories = await campaignHistories(this.manager, this.workspaceId, ids, DIAGNOSED_METRICS.map((rule) => rule.metric), settings);
    return ids.map((id) => {
      const campaign = histories.get(id);
      if (!campaign) return [];
      return DIAGNOSED_METRICS.map((rule) => diagnose(rule, campaign.values.get(rule.metric) ?? null, campaign.history.get(rule.metric) ?? [], campaign.type));
    });
  }
}

const perRequest = new WeakMap<object, CampaignDiagnosticLoader>();

export function campaignDiagnosticLoader(request: object, manager: EntityManager, workspaceId: number): CampaignDiagnosticLoader {
  let loader = perRequest.get(request);
  if (!loader) perRequest.set(request, (loader = new CampaignDiagnosticLoader(manager, workspaceId)));
  return loader;
}
