/**
 * Reads the vendors' own daily counters that pulls store (SendGrid /v3/stats and /v3/categories/stats), so a user
 * can set them beside funnelgraph's metrics: the two differ by design (the vendor counts events, machine opens
 * included; we count messages), and a large gap points at missing data.
 */
import type { EntityManager } from 'typeorm';
import { query } from '../../store/ingest/sql';
import { UserInputError } from '../errors';

export interface VendorStatsFilter {
  source?: string | null;
  scope?: string | null;
  from: string;
  to: string;
}

/** Counters in name order (jsonb keeps its own key order). */
export interface VendorDailyStats {
  source: string;
  scope: string;
  day: string;
  counters: Array<{ name: string; value: number }>;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MAX_DAYS = 400;

export async function listVendorStats(manager: EntityManager, workspaceId: number, filter: VendorStatsFilter): Promise<VendorDailyStats[]> {
  for (const [name, value] of [['from', filter.from], ['to', filter.to]] as const) {
    if (!DAY.test(value) || Number.isNaN(Date.parse(value))) throw new UserInputError(`"${name}" must be a day YYYY-MM-DD (got ${JSON.stringify(value)})`);
  }
  const days = (Date.parse(filter.to) - Date.parse(filter.from)) / 86_400_000;
  if (days < 0) throw new UserInputError(`"from" (${filter.from}) is after "to" (${filter.to})`);
  if (days > MAX_DAYS) throw new UserInputError(`ask for at most ${MAX_DAYS} days at a time (got ${days + 1})`);
  const rows = await query<{ source: string; scope: string; day: string; metrics: Record<string, number> }>(
    manager,
    `SELECT source, scope, to_char(day, 'YYYY-MM-DD') AS day, metrics FROM vendor_daily_stat
     WHERE workspace_id = $1 AND day BETWEEN $2::date AND $3::date AND ($4::text IS NULL OR source = $4) AND ($5::text IS NULL OR scope = $5)
     ORDER BY source, scope, day`,
    [workspaceId, filter.from, filter.to, filter.source ?? null, filter.scope ?? null],
  );
  return rows.map((row) => ({ source: row.source, scope: row.scope, day: row.day, counters: Object.entries(row.metrics).map(([name, value]) => ({ name, value })).sort((a, b) => a.name.localeCompare(b.name)) }));
}
