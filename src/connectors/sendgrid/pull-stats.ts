/**
 * The stats streams of the SendGrid pull:
 * - `category-stats`: the category sums over the 13 months SendGrid keeps, re-read every run (a category's totals
 *   keep changing), as report totals of the category campaigns;
 * - `daily-stats`: the account's (`/v3/stats`) and each category's (`/v3/categories/stats`, 10 categories per request)
 *   counters per day; the cursor is the last day read, and the next run reads again from 3 days before it
 *   (SendGrid's counters for recent days still move).
 */
import type { VendorClient } from '../sdk/pull/http-client';
import { pageOf, type PullStream } from '../sdk/pull/pull';
import { mapCategorySums, mapDailyStats } from './api-map';

const DAY_MS = 86_400_000;
const CATEGORY_PAGE = 500;
const CATEGORY_HISTORY_DAYS = 395;
const STATS_REREAD_DAYS = 3;
/** The most categories /v3/categories/stats takes per request. */
const CATEGORIES_PER_REQUEST = 10;

const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The stats streams of one run. Both need the category sums over the kept 13 months (as report totals, and for the
 * category names the daily counters are asked for), so the run reads them once, page by page, and shares them.
 */
export function statsStreams(client: VendorClient, now: () => number): PullStream[] {
  const today = dayOf(now());
  const keptSince = dayOf(now() - CATEGORY_HISTORY_DAYS * DAY_MS);
  let sums: Promise<unknown[][]> | undefined;
  const categorySums = () => (sums ??= readCategorySums(client, keptSince, today));
  return [categoryStatsStream(categorySums, today), dailyStatsStream(client, categorySums, today, keptSince)];
}

async function readCategorySums(client: VendorClient, startDate: string, endDate: string): Promise<unknown[][]> {
  const pages: unknown[][] = [];
  for (let offset = 0; ; offset += CATEGORY_PAGE) {
    const sums = await client.request<{ stats?: unknown[] }>({ method: 'GET', url: '/v3/categories/stats/sums', params: { start_date: startDate, end_date: endDate, limit: CATEGORY_PAGE, offset } });
    const items = Array.isArray(sums.stats) ? sums.stats : [];
    pages.push(items);
    if (items.length < CATEGORY_PAGE) return pages;
  }
}

function categoryStatsStream(categorySums: () => Promise<unknown[][]>, today: string): PullStream {
  return {
    name: 'category-stats',
    async *pages() {
      // Totals as of the day they were read: re-reading the same day's figures changes nothing.
      const at = new Date(`${today}T00:00:00Z`);
      for (const items of await categorySums()) yield pageOf(items.map((item) => mapCategorySums(item, at)), items, null);
    },
  };
}

function dailyStatsStream(client: VendorClient, categorySums: () => Promise<unknown[][]>, today: string, keptSince: string): PullStream {
  return {
    name: 'daily-stats',
    async *pages(saved) {
      const through = (saved as { through?: string } | null)?.through;
      const startDate = through ? dayOf(Date.parse(`${through}T00:00:00Z`) - STATS_REREAD_DAYS * DAY_MS) : keptSince;
      const window = { start_date: startDate, end_date: today, aggregated_by: 'day' };
      const days = await client.request<unknown[]>({ method: 'GET', url: '/v3/stats', params: window });
      const accountDays = Array.isArray(days) ? days : [];
      yield pageOf(accountDays.map(mapDailyStats), accountDays, saved ?? null);
      const names = (await categorySums()).flat().flatMap((item) => (typeof (item as { name?: unknown })?.name === 'string' ? [(item as { name: string }).name] : []));
      for (let index = 0; index < names.length; index += CATEGORIES_PER_REQUEST) {
        const categories = names.slice(index, index + CATEGORIES_PER_REQUEST);
        const perDay = await client.request<unknown[]>({ method: 'GET', url: '/v3/categories/stats', params: { ...window, categories }, paramsSerializer: { indexes: null } });
        const items = Array.isArray(perDay) ? perDay : [];
        yield pageOf(items.map(mapDailyStats), items, saved ?? null);
      }
      yield { records: [], rejected: [], cursor: { through: today } };
    },
  };
}
