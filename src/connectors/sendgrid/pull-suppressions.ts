/**
 * The `suppressions` stream of the SendGrid pull: each group (bounces, blocks, invalid emails, spam reports, global
 * unsubscribes) by `start_time`/`end_time` window (inclusive, Unix seconds) with `limit`/`offset` paging. The cursor
 * is, per group, the end of the last window read; the next run reads from 5 minutes before it.
 */
import type { VendorClient } from '../sdk/pull/http-client';
import { pageOf, type PullStream } from '../sdk/pull/pull';
import { mapSuppression, SUPPRESSION_GROUPS, type SuppressionGroup } from './api-map';

const SUPPRESSION_PAGE = 500;
const SUPPRESSION_OVERLAP_S = 300;

type GroupCursor = Partial<Record<SuppressionGroup, number>>;

export function suppressionsStream(client: VendorClient, now: () => number): PullStream {
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
