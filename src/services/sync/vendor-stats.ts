/**
 * Reads the vendors' own daily counters that pulls store (SendGrid /v3/stats and /v3/categories/stats), so a user
 * can set them beside funnelgraph's metrics: the two differ by design (the vendor counts events, machine opens
 * included; we count messages), and a large gap points at missing data.
 */
import type { EntityManager } from 'typeorm';
import type { Page } from '../../schema/connection';
import { query } from '../../store/ingest/sql';
import { UserInputError } from '../errors';
import { checkPageSize, decodeKeyCursor, encodeKeyCursor, keysetPage, type PageRequest } from '../pagination';

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
/** Keyset cursor of a row in (source, scope, day) order. */
const encodeKey = (row: { source: string; scope: string; day: string }) => encodeKeyCursor([row.source, row.scope, row.day]);

function decodeKey(cursor: string): [string, string, string] {
  const key = decodeKeyCursor(cursor);
  if (Array.isArray(key) && key.length === 3 && key.every((part) => typeof part === 'string')) return key as [string, string, string];
  throw new UserInputError(`"after" is not a cursor this API gave out (got ${JSON.stringify(cursor)})`);
}

export async function listVendorStats(manager: EntityManager, workspaceId: number, filter: VendorStatsFilter, page: PageRequest): Promise<Page<VendorDailyStats>> {
  checkPageSize(page);
  for (const [name, value] of [['from', filter.from], ['to', filter.to]] as const) {
    if (!DAY.test(value) || Number.isNaN(Date.parse(value))) throw new UserInputError(`"${name}" must be a day YYYY-MM-DD (got ${JSON.stringify(value)})`);
  }
  const days = (Date.parse(filter.to) - Date.parse(filter.from)) / 86_400_000;
  if (days < 0) throw new UserInputError(`"from" (${filter.from}) is after "to" (${filter.to})`);
  if (days > MAX_DAYS) throw new UserInputError(`ask for at most ${MAX_DAYS} days at a time (got ${days + 1})`);
  const where = `workspace_id = $1 AND day BETWEEN $2::date AND $3::date AND ($4::text IS NULL OR source = $4) AND ($5::text IS NULL OR scope = $5)`;
  const parameters = [workspaceId, filter.from, filter.to, filter.source ?? null, filter.scope ?? null];
  const [{ n: totalCount }] = await query<{ n: number }>(manager, `SELECT count(*)::int AS n FROM vendor_daily_stat WHERE ${where}`, parameters);
  const after = page.after ? decodeKey(page.after) : null;
  const rows = await query<{ source: string; scope: string; day: string; metrics: Record<string, number> }>(
    manager,
    `SELECT source, scope, to_char(day, 'YYYY-MM-DD') AS day, metrics FROM vendor_daily_stat
     WHERE ${where} AND ($6::text IS NULL OR (source, scope, day) > ($6::text, $7::text, $8::date))
     ORDER BY source, scope, day LIMIT $9`,
    [...parameters, after?.[0] ?? null, after?.[1] ?? null, after?.[2] ?? null, page.first + 1],
  );
  const stats = rows.map((row) => ({
    source: row.source, scope: row.scope, day: row.day,
    counters: Object.entries(row.metrics).map(([name, value]) => ({ name, value })).sort((a, b) => a.name.localeCompare(b.name)),
  }));
  return keysetPage(stats, page, totalCount, encodeKey);
}
