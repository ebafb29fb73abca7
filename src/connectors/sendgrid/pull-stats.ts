/**
 * The stats streams of the SendGrid pull:
 * - `category-stats`: the category sums, re-read every run (a category's totals keep changing) over the 13 months
 *   SendGrid keeps, as report totals of the category campaigns;
 * - `daily-stats`: the account's (`/v3/stats`) and each category's (`/v3/categories/stats`, 10 categories per request)
 *   counters per day; the cursor is the last day read, and the next run reads again from 3 days before it
 *   (SendGrid's counters for recent days still move).
 */
import type { VendorClient } from '../sdk/pull/http-client';
import type { PullStream } from '../sdk/pull/pull';
import { mapCategorySums, mapDailyStats } from './api-map';
import { pageOf } from './pull-page';

const DAY_MS = 86_400_000;
const CATEGORY_PAGE = 500;
const CATEGORY_HISTORY_DAYS = 395;
const STATS_REREAD_DAYS = 3;
/** The most categories /v3/categories/stats takes per request. */
const CATEGORIES_PER_REQUEST = 10;

const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Every category name of the account with stats in the kept 13 months (from the sums, which page). */
async function categoryNames(client: VendorClient, startDate: string, endDate: string): Promise<string[]> {
  const names: string[] = [];
  for (let offset = 0; ; offset += CATEGORY_PAGE) {
    const sums = await client.request<{ stats?: Array<{ name?: unknown }> }>({ method: 'GET', url: '/v3/categories/stats/sums', params: { start_date: startDate, end_date: endDate, limit: CATEGORY_PAGE, offset } });
    const items = Array.isArray(sums.stats) ? sums.stats : [];
    for (const item of items) if (typeof item.name === 'string') names.push(item.name);
    if (items.length < CATEGORY_PAGE) return names;
  }
}

export function dailyStatsStream(client: VendorClient, now: () => number): PullStream {
  return {
    name: 'daily-stats',
    async *pages(saved) {
      const today = dayOf(now());
      const through = (saved as { through?: string } | null)?.through;
      const startDate = through ? dayOf(Date.parse(`${through}T00:00:00Z`) - STATS_REREAD_DAYS * DAY_MS) : dayOf(now() - CATEGORY_HISTORY_DAYS * DAY_MS);
      const window = { start_date: startDate, end_date: today, aggregated_by: 'day' };
      const days = await client.request<unknown[]>({ method: 'GET', url: '/v3/stats', params: window });
      const accountDays = Array.isArray(days) ? days : [];
      yield pageOf(accountDays.map(mapDailyStats), accountDays, saved ?? null);
      const names = await categoryNames(client, startDate, today);
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

export function categoryStatsStream(client: VendorClient, now: () => number): PullStream {
  return {
    name: 'category-stats',
    async *pages() {
      const today = new Date(now()).toISOString().slice(0, 10);
      const startDate = new Date(now() - CATEGORY_HISTORY_DAYS * DAY_MS).toISOString().slice(0, 10);
      // Totals as of the day they were read: re-reading the same day's figures changes nothing.
      const at = new Date(`${today}T00:00:00Z`);
      for (let offset = 0; ; offset += CATEGORY_PAGE) {
        const sums = await client.request<{ stats?: unknown[] }>({
          method: 'GET',
          url: '/v3/categories/stats/sums',
          params: { start_date: startDate, end_date: today, limit: CATEGORY_PAGE, offset },
        });
        const items = Array.isArray(sums.stats) ? sums.stats : [];
        yield pageOf(items.map((item) => mapCategorySums(item, at)), items, null);
        if (items.length < CATEGORY_PAGE) return;
      }
    },
  };
}
