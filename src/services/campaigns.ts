import type { EntityManager } from 'typeorm';
import type { CampaignType, Channel } from '../domain/model';
import { Campaign } from '../store/entities';
import type { Page } from '../schema/connection';
import { NotFoundError } from './errors';
import { paginate, type PageRequest } from './pagination';

export interface CampaignFilter {
  channel?: Channel | null;
  type?: CampaignType | null;
  source?: string | null;
  sentAfter?: Date | null;
  sentBefore?: Date | null;
}

export function listCampaigns(manager: EntityManager, workspaceId: number, filter: CampaignFilter, page: PageRequest): Promise<Page<Campaign>> {
  const query = manager.getRepository(Campaign).createQueryBuilder('campaign').where('campaign.workspaceId = :workspaceId', { workspaceId });
  if (filter.channel) query.andWhere('campaign.channel = :channel', { channel: filter.channel });
  if (filter.type) query.andWhere('campaign.type = :type', { type: filter.type });
  if (filter.source) query.andWhere('campaign.source = :source', { source: filter.source });
  if (filter.sentAfter) query.andWhere('campaign.sentAt >= :sentAfter', { sentAfter: filter.sentAfter });
  if (filter.sentBefore) query.andWhere('campaign.sentAt < :sentBefore', { sentBefore: filter.sentBefore });
  return paginate(query, 'campaign', page);
}

export async function getCampaign(manager: EntityManager, workspaceId: number, id: number): Promise<Campaign> {
  const campaign = Number.isSafeInteger(id) ? await manager.getRepository(Campaign).findOneBy({ workspaceId, id }) : null;
  if (!campaign) throw new NotFoundError(`no campaign ${id} in this workspace`);
  return campaign;
}
