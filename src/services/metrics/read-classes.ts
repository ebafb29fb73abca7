/**
 * Campaign.readClassBreakdown through a DataLoader: how the campaign's measured reads split into glance, skim
 * and deep read (the thresholds of domain/tiers/read-class, from the workspace settings), one statement for a
 * page of campaigns.
 */
import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { READ_CLASSES, type ReadClass } from '../../domain/tiers/read-class';
import { withDefaults } from '../../domain/workspace/settings';
import { Workspace } from '../../store/entities';
import { query } from '../../store/ingest/sql';


export interface ReadClassShare {
  readClass: ReadClass;
  /** Messages of the campaign whose read time falls in the class. */
  messages: number;
  /** Messages with a read-time measurement: the denominator of every share. */
  measured: number;
  /** messages / measured; null when nothing was measured. */
  share: number | null;
  /** The class's bounds in seconds, lower inclusive, upper exclusive (null: unbounded). */
  fromSeconds: number;
  toSeconds: number | null;
}

export class ReadClassLoader {
  private readonly loader = new DataLoader<number, ReadClassShare[]>((ids) => this.batch(ids));

  constructor(
    private readonly manager: EntityManager,
    private readonly workspaceId: number,
  ) {}

  load(campaignId: number): Promise<ReadClassShare[]> {
    return this.loader.load(campaignId);
  }

  private async batch(ids: readonly number[]): Promise<ReadClassShare[][]> {
    const workspace = await this.manager.getRepository(Workspace).findOne({ where: { id: this.workspaceId }, select: { id: true, settings: true } });
    const { glanceSeconds, deepReadSeconds } = withDefaults(workspace?.settings);
    const rows = await query<{ campaign_id: number; glance: number; skim: number; deep: number }>(
      this.manager,
      `SELECT campaign_id,
         count(*) FILTER (WHERE read_seconds < $3) AS glance,
         count(*) FILTER (WHERE read_seconds >= $3 AND read_seconds < $4) AS skim,
         count(*) FILTER (WHERE read_seconds >= $4) AS deep
       FROM message WHERE workspace_id = $1 AND campaign_id = ANY($2::bigint[]) AND read_seconds IS NOT NULL
       GROUP BY campaign_id`,
      [this.workspaceId, ids, glanceSeconds, deepReadSeconds],
    );
    const byCampaign = new Map(rows.map((row) => [Number(row.campaign_id), row]));
    return ids.map((id) => {
      const row = byCampaign.get(id);
      const counts: Record<ReadClass, number> = { GLANCE: Number(row?.glance ?? 0), SKIM: Number(row?.skim ?? 0), DEEP_READ: Number(row?.deep ?? 0) };
      const measured = counts.GLANCE + counts.SKIM + counts.DEEP_READ;
      const bounds: Record<ReadClass, [number, number | null]> = { GLANCE: [0, glanceSeconds], SKIM: [glanceSeconds, deepReadSeconds], DEEP_READ: [deepReadSeconds, null] };
      return READ_CLASSES.map((readClass) => ({
        readClass, messages: counts[readClass], measured, share: measured ? counts[readClass] / measured : null,
        fromSeconds: bounds[readClass][0], toSeconds: bounds[readClass][1],
      }));
    });
  }
}

const perRequest = new WeakMap<object, ReadClassLoader>();

export function readClassLoader(request: object, manager: EntityManager, workspaceId: number): ReadClassLoader {
  let loader = perRequest.get(request);
  if (!loader) perRequest.set(request, (loader = new ReadClassLoader(manager, workspaceId)));
  return loader;
}
