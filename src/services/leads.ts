/**
 * The `leads` list: contacts at LEAD or beyond, filtered by stage, tier, score, campaign and activity, ordered by
 * score, last activity or creation (newest first). Keyset pagination on (order value, id): stable under inserts.
 */
import type { EntityManager } from 'typeorm';
import type { EngagementTier, LifecycleStage } from '../domain/model';
import type { Page } from '../schema/connection';
import { Contact } from '../store/entities';
import { LEAD_STAGES } from './contacts';
import { UserInputError } from './errors';
import { checkPageSize, decodeKeyCursor, encodeKeyCursor, keysetPage, type PageRequest } from './pagination';

export const LEAD_ORDERS = ['SCORE', 'LAST_ACTIVITY', 'CREATED'] as const;
export type LeadOrder = (typeof LEAD_ORDERS)[number];

export interface LeadFilter {
  stages?: LifecycleStage[] | null;
  tiers?: EngagementTier[] | null;
  scoreAtLeast?: number | null;
  /** Leads who received this campaign. */
  campaignId?: number | null;
  lastActivityAfter?: Date | null;
  email?: string | null;
}

/** The ordered column of each order, and how a cursor carries its value. */
const ORDER_COLUMN: Record<LeadOrder, string | null> = { SCORE: 'contact.score', LAST_ACTIVITY: 'contact.lastActivityAt', CREATED: null };

function encodeLeadCursor(order: LeadOrder, contact: Contact): string {
  const value = order === 'SCORE' ? contact.score : order === 'LAST_ACTIVITY' ? contact.lastActivityAt?.toISOString() ?? null : null;
  return encodeKeyCursor([order, value, contact.id]);
}

function decodeLeadCursor(order: LeadOrder, cursor: string): { value: number | string | null; id: number } {
  const key = decodeKeyCursor(cursor);
  if (Array.isArray(key)) {
    const [cursorOrder, value, id] = key as [unknown, number | string | null, number];
    if (cursorOrder === order && Number.isSafeInteger(id)) return { value, id };
  }
  throw new UserInputError(`"after" is not a cursor of leads ordered by ${order} (use the endCursor of the previous page, with the same orderBy)`);
}

export async function listLeads(manager: EntityManager, workspaceId: number, filter: LeadFilter, order: LeadOrder, page: PageRequest): Promise<Page<Contact>> {
  checkPageSize(page);
  const query = manager
    .getRepository(Contact)
    .createQueryBuilder('contact')
    .where('contact.workspaceId = :workspaceId', { workspaceId })
    .andWhere('contact.mergedIntoId IS NULL')
    .andWhere('contact.lifecycleStage IN (:...leadStages)', { leadStages: LEAD_STAGES });
  if (filter.stages?.length) query.andWhere('contact.lifecycleStage IN (:...stages)', { stages: filter.stages });
  if (filter.tiers?.length) query.andWhere('contact.tier IN (:...tiers)', { tiers: filter.tiers });
  if (filter.scoreAtLeast !== null && filter.scoreAtLeast !== undefined) query.andWhere('contact.score >= :scoreAtLeast', { scoreAtLeast: filter.scoreAtLeast });
  if (filter.lastActivityAfter) query.andWhere('contact.lastActivityAt >= :after', { after: filter.lastActivityAfter });
  if (filter.email) query.andWhere('contact.email = :email', { email: filter.email.trim().toLowerCase() });
  if (filter.campaignId !== null && filter.campaignId !== undefined) {
    query.andWhere(
      'EXISTS (SELECT 1 FROM message m WHERE m.workspace_id = contact.workspace_id AND m.contact_id = contact.id AND m.campaign_id = :campaignId)',
      { campaignId: filter.campaignId },
    );
  }
  const totalCount = await query.clone().getCount();

  const column = ORDER_COLUMN[order];
  const pageQuery = query.clone();
  if (column) pageQuery.orderBy(column, 'DESC', 'NULLS LAST').addOrderBy('contact.id', 'DESC');
  else pageQuery.orderBy('contact.id', 'DESC');
  if (page.after) {
    const { value, id } = decodeLeadCursor(order, page.after);
    if (!column) pageQuery.andWhere('contact.id < :afterId', { afterId: id });
    else if (value === null) pageQuery.andWhere(`${column} IS NULL AND contact.id < :afterId`, { afterId: id });
    else {
      pageQuery.andWhere(`(${column} < :afterValue OR (${column} = :afterValue AND contact.id < :afterId) OR ${column} IS NULL)`, {
        afterValue: order === 'LAST_ACTIVITY' ? new Date(value as string) : value,
        afterId: id,
      });
    }
  }
  return keysetPage(await pageQuery.take(page.first + 1).getMany(), page, totalCount, (node) => encodeLeadCursor(order, node));
}
