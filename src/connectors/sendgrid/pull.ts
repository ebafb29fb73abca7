/**
 * SendGrid v3 API pull (source-formats.md §1.4–1.6): suppressions by time window, the Email Activity feed where the
 * account has it, and category stats sums as campaign report totals. Bearer API key; `X-RateLimit-Reset` (Unix
 * seconds) honoured on 429 and when a window's remaining requests reach 0 (the client does it).
 *
 * Streams and their cursors:
 * - `suppressions`: per group, the end of the last window read (Unix seconds); the next run reads from 5 minutes
 *   before it (`start_time`/`end_time` are inclusive, `limit`/`offset` paging).
 * - `email-activity`: `GET /v3/messages` has no cursor, so the pull walks `last_event_time` windows of a day (halved
 *   while a window fills the 1 000-message limit) and reads each message's events from `GET /v3/messages/{msg_id}`.
 *   The cursor is the end of the last committed window. A message with a new event moves to a later window and is
 *   read again; its known events are duplicates and change nothing. First run: the feed's 30 days.
 * - `category-stats`: the sums are re-read every run (a category's totals keep changing), over the 13 months
 *   SendGrid keeps.
 * - `daily-stats`: the account's (`/v3/stats`) and each category's (`/v3/categories/stats`, 10 categories per
 *   request) counters per day; the cursor is the last day read, and the next run reads again from 3 days before
 *   it (SendGrid's counters for recent days still move).
 */
import { createVendorClient, PullRefusedError, type VendorClient } from '../sdk/pull/http-client';
import type { ConnectorPull, PullPage, PullStream } from '../sdk/pull/pull';
import { mapCategorySums, mapDailyStats, mapMessageDetail, mapSuppression, SUPPRESSION_GROUPS, type ApiMapResult, type SuppressionGroup } from './api-map';

export const SENDGRID_API = 'https://api.sendgrid.com';
const SUPPRESSION_PAGE = 500;
const SUPPRESSION_OVERLAP_S = 300;
/** The most messages GET /v3/messages answers with; a window that returns this many may hold more. */
export const ACTIVITY_LIMIT = 1000;
const ACTIVITY_HISTORY_MS = 30 * 86_400_000;
const ACTIVITY_OVERLAP_MS = 5 * 60_000;
const DAY_MS = 86_400_000;
const CATEGORY_PAGE = 500;
const CATEGORY_HISTORY_DAYS = 395;
const STATS_REREAD_DAYS = 3;
/** The most categories /v3/categories/stats takes per request. */
const CATEGORIES_PER_REQUEST = 10;

type GroupCursor = Partial<Record<SuppressionGroup, number>>;
interface ActivityCursor {
  until: number;
}

function pageOf(results: ApiMapResult[], inputs: unknown[], cursor: unknown): PullPage {
  const page: PullPage = { records: [], rejected: [], cursor };
  results.forEach((result, index) => {
    if ('records' in result) page.records.push(...result.records);
    else page.rejected.push({ field: result.field, reason: result.reason, raw: JSON.stringify(inputs[index]).slice(0, 4000) });
  });
  return page;
}

function suppressionsStream(client: VendorClient, now: () => number): PullStream {
  return {
    name: 'suppressions',
    async *pages(saved) {
      const cursor: GroupCursor = { ...((saved as GroupCursor | null) ?? {}) };
      const endTime = Math.floor(now() / 1000);
      for (const group of Object.keys(SUPPRESSION_GROUPS) as SuppressionGroup[]) {
        const since = cursor[group];
        for (let offset = 0; ; offset += SUPPRESSION_PAGE) {
          const params = { ...(since !== undefined && { start_time: since - SUPPRESSION_OVERLAP_S }), end_time: endTime, limit: SUPPRESSION_PAGE, offset };
          const entries = await client.request<unknown[]>({ method: 'GET', url: `/v3/suppression/${group}`, params });
          const items = Array.isArray(entries) ? entries : [];
          yield pageOf(items.map((entry) => mapSuppression(group, entry)), items, { ...cursor });
          if (items.length < SUPPRESSION_PAGE) break;
        }
        // The group's window is committed with the empty page that moves its cursor.
        cursor[group] = endTime;
        yield { records: [], rejected: [], cursor: { ...cursor } };
      }
    },
  };
}

/** `2026-11-02T10:00:00Z`: the TIMESTAMP literal of the activity query language (whole seconds). */
const queryTime = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

const wholeSecond = (ms: number) => Math.floor(ms / 1000) * 1000;

function activityStream(client: VendorClient, now: () => number, limit: number): PullStream {
  return {
    name: 'email-activity',
    async *pages(saved) {
      const runStart = wholeSecond(now());
      const savedUntil = (saved as ActivityCursor | null)?.until;
      let from = wholeSecond(savedUntil !== undefined ? savedUntil - ACTIVITY_OVERLAP_MS : runStart - ACTIVITY_HISTORY_MS);
      let span = DAY_MS;
      while (from < runStart) {
        const to = Math.min(from + span, runStart);
        // Windows are [from, to): BETWEEN is inclusive, so the query stops a second before the next window.
        let listed: { messages?: Array<{ msg_id?: unknown }> };
        try {
          listed = await client.request({
            method: 'GET',
            url: '/v3/messages',
            params: { query: `last_event_time BETWEEN TIMESTAMP "${queryTime(from)}" AND TIMESTAMP "${queryTime(to - 1000)}"`, limit },
          });
        } catch (error) {
          // 403 here, after the suppressions answered with the same key: no Email Activity history on the account, or
          // no Email Activity scope on the key. Either way the other streams stand.
          if (error instanceof PullRefusedError && error.status === 403) {
            yield { records: [], rejected: [], cursor: saved ?? null, notice: 'the account has no Email Activity history (a paid SendGrid add-on), or the API key lacks the Email Activity read scope: no per-message events were pulled; add the scope, or use the Event Webhook, which gives them live' };
            return;
          }
          throw error;
        }
        const messages = listed.messages ?? [];
        if (messages.length >= limit && to - from > 1000) {
          span = Math.max(1000, Math.floor((to - from) / 2));
          continue;
        }
        const details = await Promise.all(
          messages.map((message) => client.request<unknown>({ method: 'GET', url: `/v3/messages/${encodeURIComponent(String(message.msg_id))}` })),
        );
        const page: PullPage = { records: [], rejected: [], cursor: { until: to } satisfies ActivityCursor };
        if (messages.length >= limit) page.notice = `${limit} or more messages had events within one second at ${queryTime(from)}: the feed answers ${limit} at most, so some may be missing; the Event Webhook gives them all`;
        for (const detail of details) {
          const mapped = mapMessageDetail(detail);
          page.records.push(...mapped.records);
          page.rejected.push(...mapped.rejected);
        }
        yield page;
        from = to;
        span = DAY_MS;
      }
    },
  };
}

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

function dailyStatsStream(client: VendorClient, now: () => number): PullStream {
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

function categoryStatsStream(client: VendorClient, now: () => number): PullStream {
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

/** `activityLimit`: messages per activity query (the API's maximum, 1 000, unless a test lowers it). */
export function sendgridPull(options: { now?: () => number; activityLimit?: number } = {}): ConnectorPull {
  const now = options.now ?? Date.now;
  return {
    open({ apiKey, baseUrl }) {
      const client = createVendorClient({
        source: 'sendgrid',
        baseURL: baseUrl ?? SENDGRID_API,
        headers: { authorization: `Bearer ${apiKey}` },
        fixCredentials:
          'give an API key with read access to Suppressions, Stats and Email Activity: npx funnelgraph connectors add --workspace <slug> --source sendgrid --api-key <SG.…> (EU accounts: --base-url https://api.eu.sendgrid.com)',
        maxConcurrent: 4,
      });
      const streams = [suppressionsStream(client, now), activityStream(client, now, options.activityLimit ?? ACTIVITY_LIMIT), categoryStatsStream(client, now), dailyStatsStream(client, now)];
      return { client, streams };
    },
  };
}
