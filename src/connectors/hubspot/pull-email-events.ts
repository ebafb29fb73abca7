import type { VendorClient } from '../sdk/pull/http-client';
import { addOutcome, type PullPage, type PullStream } from '../sdk/pull/pull';
import { mapEmailEvent } from './email-events-map';

/**
 * The email events stream's cursor. `since`: events before it are committed. While a window is being read, `until`
 * is the oldest event committed so far (the API answers newest first, so everything in (until, end] is done) and
 * `end` the window's upper bound; a resumed run reads [since, until] and then goes on from `end`.
 */
interface EmailEventsCursor {
  since: number;
  until?: number;
  end?: number;
}
const EMAIL_EVENTS_PAGE = 1000;
const EMAIL_EVENTS_OVERLAP_MS = 5 * 60_000;

interface EmailEventsResponse {
  events?: unknown[];
  hasMore?: boolean;
  offset?: string;
}

/**
 * Marketing email events (§3.3, legacy v1 Email Events API): `startTimestamp`/`endTimestamp` in ms, opaque
 * short-lived `offset` paging, newest first, at most 1 000 per page. The first run reads all history; later runs
 * read from the last committed instant minus 5 minutes (an event is identified by created/id, so re-reads are
 * duplicates). The offset cannot outlive a crash, so progress inside a window is the oldest committed event.
 */
export function emailEventsStream(client: VendorClient, now: () => number): PullStream {
  return {
    name: 'email-events',
    async *pages(saved: unknown): AsyncGenerator<PullPage> {
      let cursor: EmailEventsCursor = (saved as EmailEventsCursor | null) ?? { since: 0 };
      const runStart = now();
      for (let resumed = cursor.until !== undefined; ; resumed = false) {
        const end = cursor.end ?? runStart;
        const low = resumed ? cursor.since : Math.max(0, cursor.since - EMAIL_EVENTS_OVERLAP_MS);
        const high = resumed ? cursor.until! : runStart;
        let offset: string | undefined;
        for (;;) {
          const response = await client.request<EmailEventsResponse>({
            method: 'GET',
            url: '/email/public/v1/events',
            params: { startTimestamp: low, endTimestamp: high, limit: EMAIL_EVENTS_PAGE, ...(offset ? { offset } : {}) },
          });
          const events = response.events ?? [];
          const page: PullPage = { records: [], rejected: [], cursor: null };
          let oldest = high;
          for (const event of events) {
            addOutcome(page, mapEmailEvent(event), event);
            const created = (event as { created?: unknown }).created;
            if (typeof created === 'number' && created < oldest) oldest = created;
          }
          offset = response.hasMore && response.offset ? response.offset : undefined;
          cursor = offset ? { since: low, until: oldest, end } : { since: end };
          page.cursor = cursor;
          yield page;
          if (!offset) break;
        }
        if (!resumed) return;
      }
    },
  };
}
