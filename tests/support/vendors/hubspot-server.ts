/**
 * A local HTTP server that follows HubSpot's documented CRM v3 search contract (source-formats.md §3.1, §3.2,
 * §3.5): Bearer token, POST /crm/v3/objects/{contacts|deals}/search with a GTE filter on the last-modified
 * property, ascending sort, `after` paging, the per-query result cap (400 beyond it), 429 with Retry-After and
 * the vendor's error body; the v4 associations batch read (deal → contacts); and the Email Events API (§3.3): GET /email/public/v1/events with startTimestamp /
 * endTimestamp in ms, newest first, `limit` up to 1 000 and an opaque `offset` with `hasMore`. Faults are queued
 * by the test and served one per request, in order.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { listenLocally } from './listen';

export interface CrmRecord {
  id: string;
  properties: Record<string, string | null>;
}

export type Fault = '429' | '500' | 'malformed' | 'slow';

export interface HubSpotServer {
  url: string;
  /** Deal id → associated contact ids (v4 associations batch read). */
  dealContacts: Record<string, string[]>;
  contacts: CrmRecord[];
  deals: CrmRecord[];
  emailEvents: Array<{ id: string; created: number; [key: string]: unknown }>;
  faults: Fault[];
  requests: number;
  close(): Promise<void>;
}

export async function startHubSpotServer(options: {
  token: string;
  contacts: CrmRecord[];
  deals: CrmRecord[];
  emailEvents?: HubSpotServer['emailEvents'];
  dealContacts?: HubSpotServer['dealContacts'];
  searchCap?: number;
}): Promise<HubSpotServer> {
  const cap = options.searchCap ?? 10_000;
  const state: HubSpotServer = { url: '', contacts: options.contacts, deals: options.deals, emailEvents: options.emailEvents ?? [], dealContacts: options.dealContacts ?? {}, faults: [], requests: 0, close: async () => undefined };
  const send = (response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    response.writeHead(status, { 'content-type': 'application/json', ...headers });
    response.end(typeof body === 'string' ? body : JSON.stringify(body));
  };
  const server = createServer(async (request: IncomingMessage, response: ServerResponse) => {
    state.requests++;
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    if (request.headers.authorization !== `Bearer ${options.token}`) {
      return send(response, 401, { status: 'error', message: 'Authentication credentials not found.', category: 'INVALID_AUTHENTICATION' });
    }
    const fault = state.faults.shift();
    if (fault === '429') {
      return send(response, 429, { status: 'error', message: 'You have reached your ten_secondly_rolling limit.', errorType: 'RATE_LIMIT', policyName: 'TEN_SECONDLY_ROLLING' }, { 'retry-after': '1' });
    }
    if (fault === '500') return send(response, 500, { status: 'error', message: 'internal error' });
    if (fault === 'malformed') return send(response, 200, '{"results": [{"id": "1", "prop');
    if (fault === 'slow') await new Promise((resolve) => setTimeout(resolve, 300));
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (request.method === 'GET' && url.pathname === '/email/public/v1/events') {
      const start = Number(url.searchParams.get('startTimestamp') ?? 0);
      const end = Number(url.searchParams.get('endTimestamp') ?? Number.MAX_SAFE_INTEGER);
      const limit = Math.min(Number(url.searchParams.get('limit') ?? 10), 1000);
      const offset = url.searchParams.has('offset') ? Number(Buffer.from(url.searchParams.get('offset')!, 'base64url').toString()) : 0;
      const matching = state.emailEvents.filter((event) => event.created >= start && event.created <= end).sort((a, b) => b.created - a.created || b.id.localeCompare(a.id));
      const more = offset + limit < matching.length;
      return send(response, 200, { events: matching.slice(offset, offset + limit), hasMore: more, offset: Buffer.from(String(offset + limit)).toString('base64url') });
    }
    if (request.method === 'POST' && url.pathname === '/crm/v4/associations/deals/contacts/batch/read') {
      const inputs = (JSON.parse(Buffer.concat(chunks).toString() || '{}') as { inputs?: Array<{ id: string }> }).inputs ?? [];
      if (inputs.length > 1000) return send(response, 400, { status: 'error', message: 'Too many inputs (at most 1000)', category: 'VALIDATION_ERROR' });
      const results = inputs
        .filter((input) => state.dealContacts[input.id]?.length)
        .map((input) => ({ from: { id: input.id }, to: state.dealContacts[input.id].map((id) => ({ toObjectId: Number(id), associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 3, label: null }] })) }));
      return send(response, 200, { status: 'COMPLETE', results, startedAt: new Date().toISOString(), completedAt: new Date().toISOString() });
    }
    const match = /^\/crm\/v3\/objects\/(contacts|deals)\/search$/.exec(request.url ?? '');
    if (request.method !== 'POST' || !match) return send(response, 404, { status: 'error', message: `no route ${request.method} ${request.url}` });
    const body = JSON.parse(Buffer.concat(chunks).toString() || '{}') as {
      filterGroups?: Array<{ filters: Array<{ propertyName: string; operator: string; value: string }> }>;
      sorts?: Array<{ propertyName: string; direction: string }>;
      limit?: number;
      after?: string;
    };
    const records = match[1] === 'contacts' ? state.contacts : state.deals;
    const filter = body.filterGroups?.[0]?.filters[0];
    const modified = (record: CrmRecord) => Date.parse(record.properties[filter?.propertyName ?? ''] ?? '') || 0;
    const matching = records
      .filter((record) => !filter || filter.operator !== 'GTE' || modified(record) >= Number(filter.value))
      .sort((a, b) => modified(a) - modified(b) || Number(a.id) - Number(b.id));
    const limit = Math.min(body.limit ?? 10, 200);
    const after = Number(body.after ?? 0);
    if (after + limit > cap) return send(response, 400, { status: 'error', message: `Cannot page past ${cap} results.`, category: 'VALIDATION_ERROR' });
    const page = matching.slice(after, after + limit);
    const more = after + limit < matching.length;
    return send(response, 200, {
      total: matching.length,
      results: page.map((record) => ({ id: record.id, properties: { hs_object_id: record.id, ...record.properties }, createdAt: record.properties.createdate ?? undefined, updatedAt: record.properties[filter?.propertyName ?? ''] ?? undefined, archived: false })),
      ...(more ? { paging: { next: { after: String(after + limit), link: `?after=${after + limit}` } } } : {}),
    });
  });
  Object.assign(state, await listenLocally(server));
  return state;
}
