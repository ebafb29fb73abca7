/**
 * Mailchimp Marketing API pull (§2.1–2.7): campaign reports (re-read each run: their totals change for weeks),
 * per-campaign email activity (each campaign its own `since` cursor) and list members by `since_last_changed`
 * (each list its own cursor, read again with a 5-minute overlap). The data-center host comes from the API key's
 * suffix (`…-us6` → us6.api.mailchimp.com); HTTP Basic with the key as password; at most 10 connections at once,
 * Mailchimp's limit per key.
 */
import type { ImportRecord } from '../../domain/model';
import { createVendorClient, PullRefusedError, type VendorClient } from '../sdk/pull/http-client';
import type { ConnectorPull, PullPage, PullStream } from '../sdk/pull/pull';
import { mapEmailActivity, mapListMember, mapReport, type MapResult } from './map';

const PAGE_SIZE = 500;
const OVERLAP_MS = 5 * 60_000;

export function mailchimpApiBase(apiKey: string): string {
  const dc = /-([a-z]+\d+)$/.exec(apiKey.trim())?.[1];
  if (!dc) throw new PullRefusedError('a Mailchimp API key ends in its data center, e.g. 0123…-us6: copy the whole key from Account → Extras → API keys');
  return `https://${dc}.api.mailchimp.com/3.0`;
}

/** Pages of a Mailchimp collection (`count`/`offset`, `total_items`). */
async function* collection<T>(client: VendorClient, url: string, key: string, params: Record<string, string> = {}): AsyncGenerator<T[]> {
  for (let offset = 0; ; offset += PAGE_SIZE) {
    const page = await client.request<Record<string, unknown>>({ method: 'GET', url, params: { ...params, count: PAGE_SIZE, offset } });
    const items = (page[key] as T[] | undefined) ?? [];
    yield items;
    const total = typeof page.total_items === 'number' ? page.total_items : 0;
    if (!items.length || offset + items.length >= total) return;
  }
}

function pageOf(results: Array<MapResult<ImportRecord>>, inputs: unknown[], cursor: unknown): PullPage {
  const page: PullPage = { records: [], rejected: [], cursor };
  results.forEach((result, index) => {
    page.records.push(...result.records);
    for (const problem of result.problems) page.rejected.push({ field: problem.field, reason: problem.reason, raw: problem.raw ?? JSON.stringify(inputs[index]).slice(0, 4000) });
  });
  return page;
}

type PerKeyCursor = Record<string, string>;

export function mailchimpPull(): ConnectorPull {
  return {
    open({ apiKey, baseUrl }) {
      const client = createVendorClient({
        source: 'mailchimp',
        baseURL: baseUrl ?? mailchimpApiBase(apiKey),
        headers: { authorization: `Basic ${Buffer.from(`funnelgraph:${apiKey}`).toString('base64')}` },
        fixCredentials: 'give a valid API key: npx funnelgraph connectors add --workspace <slug> --source mailchimp --api-key <key-us6>',
        maxConcurrent: 10,
      });
      const campaignIds = async (): Promise<string[]> => {
        const ids: string[] = [];
        for await (const reports of collection<{ id: string }>(client, '/reports', 'reports', { fields: 'reports.id,total_items' })) ids.push(...reports.map((report) => report.id));
        return ids;
      };
      const reports: PullStream = {
        name: 'reports',
        async *pages() {
          for await (const items of collection<unknown>(client, '/reports', 'reports')) yield pageOf(items.map(mapReport), items, null);
        },
      };
      const activity: PullStream = {
        name: 'email-activity',
        async *pages(saved) {
          const cursor: PerKeyCursor = { ...((saved as PerKeyCursor | null) ?? {}) };
          for (const campaign of await campaignIds()) {
            const startedAt = new Date().toISOString();
            const since = cursor[campaign];
            const params: Record<string, string> = since ? { since: new Date(Date.parse(since) - OVERLAP_MS).toISOString() } : {};
            for await (const emails of collection<unknown>(client, `/reports/${encodeURIComponent(campaign)}/email-activity`, 'emails', params)) {
              yield pageOf(emails.map(mapEmailActivity), emails, { ...cursor });
            }
            // The campaign's cursor moves once all its activity is committed (an empty page carries it).
            cursor[campaign] = startedAt;
            yield { records: [], rejected: [], cursor: { ...cursor } };
          }
        },
      };
      const members: PullStream = {
        name: 'list-members',
        async *pages(saved) {
          const cursor: PerKeyCursor = { ...((saved as PerKeyCursor | null) ?? {}) };
          const lists: string[] = [];
          for await (const items of collection<{ id: string }>(client, '/lists', 'lists', { fields: 'lists.id,total_items' })) lists.push(...items.map((list) => list.id));
          for (const list of lists) {
            const since = cursor[list];
            const params: Record<string, string> = since ? { since_last_changed: new Date(Date.parse(since) - OVERLAP_MS).toISOString() } : {};
            let latest = since;
            for await (const items of collection<{ last_changed?: string }>(client, `/lists/${encodeURIComponent(list)}/members`, 'members', params)) {
              for (const member of items) if (member.last_changed && (!latest || Date.parse(member.last_changed) > Date.parse(latest))) latest = member.last_changed;
              yield pageOf(items.map(mapListMember), items, { ...cursor });
            }
            if (latest) cursor[list] = new Date(Date.parse(latest)).toISOString();
            yield { records: [], rejected: [], cursor: { ...cursor } };
          }
        },
      };
      return { client, streams: [reports, activity, members] };
    },
  };
}
