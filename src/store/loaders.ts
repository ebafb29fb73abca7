import DataLoader from 'dataloader';
import { In, type EntityManager } from 'typeorm';
import { Campaign, ContactIdentity, ContactList, Deal, EngagementEvent, LifecycleStageChange, RejectedRow, Contact, ScoreLedgerEntry, Workspace } from './entities';

/**
 * DataLoaders of one request (never kept across requests or in a subscription's long-lived context: they cache).
 * Every loader is bound to the request's workspace, taken from its API key — never from the rows it loads.
 */

/** Orders batch results by the keys asked for (DataLoader's contract), with `missing` for absent keys. */
export function orderByKeys<K, V, R>(keys: readonly K[], rows: readonly R[], keyOf: (row: R) => K, valueOf: (row: R) => V, missing: V): V[] {
  const byKey = new Map<K, V>();
  for (const row of rows) byKey.set(keyOf(row), valueOf(row));
  return keys.map((key) => (byKey.has(key) ? byKey.get(key)! : missing));
}

/** Groups rows under the keys asked for (one-to-many relations); keys with no rows get []. */
export function groupByKeys<K, R>(keys: readonly K[], rows: readonly R[], keyOf: (row: R) => K): R[][] {
  const groups = new Map<K, R[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key)!);
}

export interface CampaignCountsRow {
  sent: number;
  delivered: number;
  hardBounced: number;
  softBounced: number;
  dropped: number;
  humanOpened: number;
  humanClicked: number;
  replied: number;
  unsubscribed: number;
  complained: number;
}

const EMPTY_COUNTS: CampaignCountsRow = { sent: 0, delivered: 0, hardBounced: 0, softBounced: 0, dropped: 0, humanOpened: 0, humanClicked: 0, replied: 0, unsubscribed: 0, complained: 0 };

export function createLoaders(manager: EntityManager, workspaceId: number) {
  const ws = workspaceId;
  const many = <E extends object>(entity: new () => E, column: keyof E & string) =>
    new DataLoader<number, E[]>(async (keys) => {
      const rows = await manager.getRepository(entity).find({ where: { workspaceId: ws, [column]: In([...keys]) } as never, order: { id: 'ASC' } as never });
      return groupByKeys(keys, rows, (row) => Number((row as Record<string, unknown>)[column]));
    });
  const byId = <E extends { id: number }>(entity: new () => E) =>
    new DataLoader<number, E | null>(async (keys) => {
      const rows = await manager.getRepository(entity).find({ where: { workspaceId: ws, id: In([...keys]) } as never });
      return orderByKeys(keys, rows, (row) => row.id, (row) => row, null);
    });

  return {
    campaignById: byId(Campaign),
    contactById: byId(Contact),
    listById: byId(ContactList),
    identitiesByContact: new DataLoader<number, ContactIdentity[]>(async (keys) => {
      const rows = await manager.getRepository(ContactIdentity).find({ where: { workspaceId: ws, contactId: In([...keys]) }, order: { source: 'ASC', externalId: 'ASC' } });
      return groupByKeys(keys, rows, (row) => row.contactId);
    }),
    dealsByContact: many(Deal, 'contactId'),
    stageHistoryByContact: new DataLoader<number, LifecycleStageChange[]>(async (keys) => {
      const rows = await manager.getRepository(LifecycleStageChange).find({ where: { workspaceId: ws, contactId: In([...keys]) }, order: { at: 'ASC', id: 'ASC' } });
      return groupByKeys(keys, rows, (row) => row.contactId);
    }),
    /** The latest 100 events of each contact (one statement for all contacts of the page). */
    recentEventsByContact: new DataLoader<number, EngagementEvent[]>(async (keys) => {
      const rows = await manager
        .getRepository(EngagementEvent)
        .createQueryBuilder('event')
        .where('event.workspaceId = :ws AND event.contactId IN (:...keys)', { ws, keys })
        .andWhere(
          `event.id IN (SELECT id FROM (SELECT id, row_number() OVER (PARTITION BY contact_id ORDER BY occurred_at DESC, id DESC) AS position
             FROM engagement_event WHERE workspace_id = :ws AND contact_id IN (:...keys)) ranked WHERE position <= 100)`,
        )
        .orderBy('event.occurredAt', 'DESC')
        .getMany();
      return groupByKeys(keys, rows, (row) => row.contactId);
    }),
    /** Score ledger entries of each contact, oldest first (score breakdowns). */
    scoreLedgerByContact: new DataLoader<number, ScoreLedgerEntry[]>(async (keys) => {
      const rows = await manager.getRepository(ScoreLedgerEntry).find({ where: { workspaceId: ws, contactId: In([...keys]) }, order: { at: 'ASC', id: 'ASC' } });
      return groupByKeys(keys, rows, (row) => row.contactId);
    }),
    /** The request's workspace settings (one key: the workspace of the API key). */
    workspaceSettings: new DataLoader<number, Workspace['settings']>(async (keys) => {
      const rows = await manager.getRepository(Workspace).find({ where: { id: In([...keys]) } });
      return orderByKeys(keys, rows, (row) => row.id, (row) => row.settings, {});
    }),
    /** How many live contacts who received each campaign are in each engagement tier now. */
    tierCountsByCampaign: new DataLoader<number, Array<{ tier: string; count: number }>>(async (keys) => {
      const rows = (await manager.query(
        `SELECT m.campaign_id, c.tier, count(DISTINCT c.id)::int AS count FROM message m
         JOIN contact c ON c.workspace_id = m.workspace_id AND c.id = m.contact_id AND c.merged_into_id IS NULL
         WHERE m.workspace_id = $1 AND m.campaign_id = ANY($2::bigint[]) GROUP BY m.campaign_id, c.tier ORDER BY m.campaign_id, c.tier`,
        [ws, [...keys]],
      )) as Array<{ campaign_id: number; tier: string; count: number }>;
      return groupByKeys(keys, rows, (row) => row.campaign_id).map((group) => group.map(({ tier, count }) => ({ tier, count })));
    }),
    rejectedRowsByImport: new DataLoader<number, RejectedRow[]>(async (keys) => {
      const rows = await manager.getRepository(RejectedRow).find({ where: { workspaceId: ws, importRunId: In([...keys]) }, order: { id: 'ASC' } });
      return groupByKeys(keys, rows, (row) => row.importRunId);
    }),
    campaignCounts: new DataLoader<number, CampaignCountsRow>(async (keys) => {
      const rows = (await manager.query(
        `SELECT campaign_id,
           count(*)::int AS sent,
           count(*) FILTER (WHERE status = 'DELIVERED')::int AS delivered,
           count(*) FILTER (WHERE status = 'HARD_BOUNCED')::int AS hard_bounced,
           count(*) FILTER (WHERE status = 'SOFT_BOUNCED')::int AS soft_bounced,
           count(*) FILTER (WHERE status = 'DROPPED')::int AS dropped,
           count(*) FILTER (WHERE first_human_open_at IS NOT NULL)::int AS human_opened,
           count(*) FILTER (WHERE human_clicks > 0)::int AS human_clicked,
           count(*) FILTER (WHERE replied)::int AS replied,
           count(*) FILTER (WHERE unsubscribed)::int AS unsubscribed,
           count(*) FILTER (WHERE complained)::int AS complained
         FROM message WHERE workspace_id = $1 AND campaign_id = ANY($2::bigint[]) GROUP BY campaign_id`,
        [ws, [...keys]],
      )) as Array<Record<string, number>>;
      return orderByKeys(keys, rows, (row) => row.campaign_id, (row) => ({
        sent: row.sent, delivered: row.delivered, hardBounced: row.hard_bounced, softBounced: row.soft_bounced, dropped: row.dropped,
        humanOpened: row.human_opened, humanClicked: row.human_clicked, replied: row.replied, unsubscribed: row.unsubscribed, complained: row.complained,
      }), EMPTY_COUNTS);
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
