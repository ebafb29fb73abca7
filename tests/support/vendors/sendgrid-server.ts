/**
 * A local HTTP server that follows the SendGrid v3 API's documented contract for what the pull reads
 * (source-formats.md §1.4–1.6): Bearer API key, `/v3/suppression/{group}` with inclusive `start_time`/`end_time`
 * (Unix seconds) and `limit`/`offset`, `/v3/messages?query=last_event_time BETWEEN TIMESTAMP "…" AND TIMESTAMP "…"`
 * answering at most `limit` messages (no cursor), `/v3/messages/{msg_id}` with its events, and
 * `/v3/categories/stats/sums`, and the daily `/v3/stats` and `/v3/categories/stats` (required `start_date` and
 * repeated `categories`, at most 10). Every answer carries X-RateLimit-Limit/Remaining/Reset; a 429 has no Retry-After,
 * only X-RateLimit-Reset (Unix seconds), and the docs' body with its trailing comma. Faults are queued by the test.
 */
import { createServer } from 'node:http';
import { listenLocally } from './listen';

export type SendGridFault = '429' | '500';

export interface ActivityMessage {
  msg_id: string;
  from_email: string;
  to_email: string;
  subject: string;
  status: string;
  opens_count: number;
  clicks_count: number;
  last_event_time: string;
  categories: string[];
  unique_args?: Record<string, string>;
  events: Array<{ event_name: string; processed: string; [key: string]: unknown }>;
}

export interface SendGridData {
  suppressions: Record<string, Array<{ created: number; email: string; [key: string]: unknown }>>;
  messages: ActivityMessage[];
  categories: Array<{ name: string; metrics: Record<string, number> }>;
  /** Daily counters: "account", or a category name. */
  daily?: Record<string, Array<{ date: string; metrics: Record<string, number> }>>;
}

export interface SendGridServer {
  url: string;
  data: SendGridData;
  faults: SendGridFault[];
  requests: string[];
  /** When false, /v3/messages answers 403 as for an account without the Email Activity history add-on. */
  activityEnabled: boolean;
  close(): Promise<void>;
}

const TIMESTAMP_QUERY = /^last_event_time BETWEEN TIMESTAMP "([^"]+)" AND TIMESTAMP "([^"]+)"$/;

export async function startSendGridServer(apiKey: string, data: SendGridData): Promise<SendGridServer> {
  const state: SendGridServer = { url: '', data, faults: [], requests: [], activityEnabled: true, close: async () => undefined };
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    state.requests.push(`${url.pathname}${url.search}`);
    const reset = String(Math.ceil(Date.now() / 1000) + 1);
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      response.writeHead(status, { 'content-type': 'application/json', 'x-ratelimit-limit': '600', 'x-ratelimit-remaining': '599', 'x-ratelimit-reset': reset, ...headers });
      response.end(typeof body === 'string' ? body : JSON.stringify(body));
    };
    const errors = (status: number, message: string) => send(status, { errors: [{ field: null, message }] });
    if (request.headers.authorization !== `Bearer ${apiKey}`) return errors(401, 'authorization required');
    const fault = state.faults.shift();
    if (fault === '429') {
      return send(429, '{\n  "errors": [\n    {\n      "field": null,\n      "message": "too many requests"\n    },\n  ]\n}', { 'x-ratelimit-remaining': '0' });
    }
    if (fault === '500') return errors(500, 'internal server error');
    const limit = Number(url.searchParams.get('limit') ?? 500);
    const offset = Number(url.searchParams.get('offset') ?? 0);
    let match: RegExpExecArray | null;
    if ((match = /^\/v3\/suppression\/([a-z_]+)$/.exec(url.pathname))) {
      const start = url.searchParams.has('start_time') ? Number(url.searchParams.get('start_time')) : -Infinity;
      const end = url.searchParams.has('end_time') ? Number(url.searchParams.get('end_time')) : Infinity;
      const entries = (state.data.suppressions[match[1]] ?? []).filter((entry) => entry.created >= start && entry.created <= end).sort((a, b) => b.created - a.created);
      return send(200, entries.slice(offset, offset + limit));
    }
    if (url.pathname === '/v3/messages') {
      if (!state.activityEnabled) return errors(403, 'access forbidden');
      const window = TIMESTAMP_QUERY.exec(url.searchParams.get('query') ?? '');
      if (!window) return errors(400, 'invalid query');
      const [from, to] = [Date.parse(window[1]), Date.parse(window[2])];
      const found = state.data.messages
        .filter((message) => Date.parse(message.last_event_time) >= from && Date.parse(message.last_event_time) <= to)
        .slice(0, Math.min(limit, 1000))
        .map(({ events: _events, categories: _categories, unique_args: _args, ...summary }) => summary);
      return send(200, { messages: found });
    }
    if ((match = /^\/v3\/messages\/([^/]+)$/.exec(url.pathname))) {
      if (!state.activityEnabled) return errors(403, 'access forbidden');
      const message = state.data.messages.find((candidate) => candidate.msg_id === decodeURIComponent(match![1]));
      return message ? send(200, message) : errors(404, 'message not found');
    }
    const inRange = (date: string) => date >= (url.searchParams.get('start_date') ?? '') && date <= (url.searchParams.get('end_date') ?? '9999-12-31');
    if (url.pathname === '/v3/stats') {
      if (!url.searchParams.get('start_date')) return errors(400, 'start_date is required');
      return send(200, (state.data.daily?.account ?? []).filter((day) => inRange(day.date)).map((day) => ({ date: day.date, stats: [{ metrics: day.metrics }] })));
    }
    if (url.pathname === '/v3/categories/stats') {
      const categories = url.searchParams.getAll('categories');
      if (!url.searchParams.get('start_date') || !categories.length) return errors(400, 'start_date and categories are required');
      if (categories.length > 10) return errors(400, 'at most 10 categories');
      const dates = [...new Set(categories.flatMap((name) => (state.data.daily?.[name] ?? []).map((day) => day.date)))].filter(inRange).sort();
      return send(200, dates.map((date) => ({
        date,
        stats: categories.flatMap((name) => (state.data.daily?.[name] ?? []).filter((day) => day.date === date).map((day) => ({ type: 'category', name, metrics: day.metrics }))),
      })));
    }
    if (url.pathname === '/v3/categories/stats/sums') {
      const stats = state.data.categories.map((category) => ({ type: 'category', name: category.name, metrics: category.metrics }));
      return send(200, { date: url.searchParams.get('start_date'), stats: stats.slice(offset, offset + (Number(url.searchParams.get('limit')) || 5)) });
    }
    return errors(404, `no route ${url.pathname}`);
  });
  Object.assign(state, await listenLocally(server));
  return state;
}
