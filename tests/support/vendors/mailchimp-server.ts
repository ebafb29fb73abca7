/**
 * A local HTTP server that follows the Mailchimp Marketing API's documented contract for what the pull reads
 * (source-formats.md §2.1–2.7): HTTP Basic with the API key as password, `count`/`offset` paging with
 * `total_items`, `/reports`, `/reports/{id}/email-activity` with `since` (activity after a time),
 * `/lists` and `/lists/{id}/members` with `since_last_changed`, and the API's problem-JSON errors. Faults are
 * queued by the test and served one per request.
 */
import { createServer } from 'node:http';
import { listenLocally } from './listen';

export type MailchimpFault = '429' | '500';

export interface MailchimpData {
  reports: Array<Record<string, unknown> & { id: string }>;
  activity: Record<string, Array<{ email_address: string; email_id: string; list_id: string; activity: Array<{ action: string; timestamp: string; [key: string]: unknown }> }>>;
  lists: Record<string, Array<Record<string, unknown> & { last_changed: string }>>;
}

export interface MailchimpServer {
  url: string;
  data: MailchimpData;
  faults: MailchimpFault[];
  requests: string[];
  close(): Promise<void>;
}

export async function startMailchimpServer(apiKey: string, data: MailchimpData): Promise<MailchimpServer> {
  const state: MailchimpServer = { url: '', data, faults: [], requests: [], close: async () => undefined };
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    state.requests.push(`${url.pathname}${url.search}`);
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      response.writeHead(status, { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers });
      response.end(JSON.stringify(body));
    };
    const password = Buffer.from((request.headers.authorization ?? '').replace(/^Basic /, ''), 'base64').toString().split(':')[1];
    if (password !== apiKey) return send(401, { type: 'https://mailchimp.com/developer/marketing/docs/errors/', title: 'API Key Invalid', status: 401, detail: "Your API key may be invalid, or you've attempted to access the wrong datacenter." });
    const fault = state.faults.shift();
    if (fault === '429') return send(429, { title: 'Too Many Requests', status: 429, detail: 'You have exceeded the limit of 10 simultaneous connections.' }, { 'retry-after': '1' });
    if (fault === '500') return send(500, { title: 'Internal Server Error', status: 500 });
    const count = Number(url.searchParams.get('count') ?? 10);
    const offset = Number(url.searchParams.get('offset') ?? 0);
    const paged = (key: string, items: unknown[], extra: object = {}) => send(200, { [key]: items.slice(offset, offset + count), total_items: items.length, ...extra });
    let match: RegExpExecArray | null;
    if (url.pathname === '/3.0/reports') return paged('reports', state.data.reports);
    if ((match = /^\/3\.0\/reports\/([^/]+)\/email-activity$/.exec(url.pathname))) {
      const since = url.searchParams.get('since');
      const emails = (state.data.activity[match[1]] ?? [])
        .map((member) => ({ ...member, campaign_id: match![1], activity: member.activity.filter((a) => !since || Date.parse(a.timestamp) > Date.parse(since)) }))
        .filter((member) => !since || member.activity.length > 0);
      return paged('emails', emails, { campaign_id: match[1] });
    }
    if (url.pathname === '/3.0/lists') return paged('lists', Object.keys(state.data.lists).map((id) => ({ id, name: `List ${id}` })));
    if ((match = /^\/3\.0\/lists\/([^/]+)\/members$/.exec(url.pathname))) {
      const since = url.searchParams.get('since_last_changed');
      const members = (state.data.lists[match[1]] ?? []).filter((member) => !since || Date.parse(member.last_changed) > Date.parse(since));
      return paged('members', members.map((member) => ({ ...member, list_id: match![1] })), { list_id: match[1] });
    }
    return send(404, { title: 'Resource Not Found', status: 404, detail: `no route ${url.pathname}` });
  });
  Object.assign(state, await listenLocally(server, '/3.0'));
  return state;
}
