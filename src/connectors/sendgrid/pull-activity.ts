/**
 * The `email-activity` stream of the SendGrid pull. `GET /v3/messages` has no cursor, so the pull walks
 * `last_event_time` windows of a day (halved while a window fills the message limit) and reads each message's events
 * from `GET /v3/messages/{msg_id}`. The cursor is the end of the last committed window. A message with a new event
 * moves to a later window and is read again; its known events are duplicates and change nothing. First run: the
 * feed's 30 days.
 */
import { PullRefusedError, type VendorClient } from '../sdk/pull/http-client';
import type { PullPage, PullStream } from '../sdk/pull/pull';
import { mapMessageDetail } from './api-map';

/** The most messages GET /v3/messages answers with; a window that returns this many may hold more. */
export const ACTIVITY_LIMIT = 1000;
const ACTIVITY_HISTORY_MS = 30 * 86_400_000;
const ACTIVITY_OVERLAP_MS = 5 * 60_000;
const DAY_MS = 86_400_000;

interface ActivityCursor {
  until: number;
}

/** `2026-11-02T10:00:00Z`: the TIMESTAMP literal of the activity query language (whole seconds). */
const queryTime = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

const wholeSecond = (ms: number) => Math.floor(ms / 1000) * 1000;

export function activityStream(client: VendorClient, now: () => number, limit: number): PullStream {
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
