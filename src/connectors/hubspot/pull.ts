/**
 * HubSpot API pull (§3.1, §3.2, §3.5): contacts and deals through the CRM v3 search API, incremental on their
 * last-modified date (GTE, ascending), `after` paging. Search stops at 10 000 results per query, so when a window
 * nears the cap the next query starts a new window at the last modified date seen (records at that instant are
 * read again: every write is idempotent). Marketing email events through the Email Events API (below). Private-app
 * token as Bearer; 4 requests in flight (the search API allows 5 per second per token).
 */
import { createVendorClient } from '../sdk/pull/http-client';
import type { ConnectorPull, PullPage, PullStream } from '../sdk/pull/pull';
import type { VendorClient } from '../sdk/pull/http-client';
import { mapCrmContact, mapCrmDeal } from './crm-objects-map';
import { mapEmailEvent } from './email-events-map';
import { LIFECYCLE_STAGE_TABLE } from './map';
import { crmObjectSchema } from './schemas';

export const HUBSPOT_API = 'https://api.hubapi.com';
/** HubSpot's limit of results per search query (a request past it answers 400). */
export const SEARCH_RESULT_CAP = 10_000;
const PAGE_SIZE = 100;

const CONTACT_PROPERTIES = [
  'email', 'firstname', 'lastname', 'company', 'phone', 'lifecyclestage', 'hs_lead_status', 'createdate', 'lastmodifieddate',
  'hs_analytics_source', 'hs_analytics_source_data_1', 'hs_analytics_source_data_2', ...LIFECYCLE_STAGE_TABLE.map((entry) => entry.dateProperty),
];
const DEAL_PROPERTIES = ['dealname', 'dealstage', 'pipeline', 'amount', 'closedate', 'createdate', 'hs_lastmodifieddate', 'deal_currency_code', 'hs_is_closed_won'];

interface SearchResponse {
  results?: unknown[];
  paging?: { next?: { after?: string } };
}

/** The saved cursor of a stream: the window's lower bound (ms, inclusive). */
interface WindowCursor {
  modifiedSince: number;
}

interface AssociationsResponse {
  results?: Array<{ from?: { id?: string }; to?: Array<{ toObjectId?: string | number }> }>;
}

/**
 * The search API returns no associations, so a page of deals asks for their contacts in one batch read (v4
 * associations) and carries them as the list API would (`associations.contacts.results`): mapCrmDeal takes the
 * first as the deal's contact, which is how a won deal makes its contact a customer.
 */
async function withContacts(client: VendorClient, deals: unknown[]): Promise<unknown[]> {
  const ids = deals.map((deal) => (deal as { id?: unknown }).id).filter((id): id is string => typeof id === 'string');
  if (!ids.length) return deals;
  const response = await client.request<AssociationsResponse>({ method: 'POST', url: '/crm/v4/associations/deals/contacts/batch/read', data: { inputs: ids.map((id) => ({ id })) } });
  const contactsOf = new Map<string, string[]>();
  for (const result of response.results ?? []) {
    const to = (result.to ?? []).map((target) => String(target.toObjectId ?? '')).filter(Boolean);
    if (result.from?.id && to.length) contactsOf.set(String(result.from.id), to);
  }
  return deals.map((deal) => {
    const contacts = contactsOf.get(String((deal as { id?: unknown }).id));
    return contacts ? { ...(deal as object), associations: { contacts: { results: contacts.map((id) => ({ id })) } } } : deal;
  });
}

function searchStream(client: VendorClient, name: 'contacts' | 'deals', modifiedProperty: string, properties: string[], cap: number): PullStream {
  return {
    name,
    async *pages(saved: unknown): AsyncGenerator<PullPage> {
      let since = (saved as WindowCursor | null)?.modifiedSince ?? 0;
      let after: string | undefined;
      for (;;) {
        const response = await client.request<SearchResponse>({
          method: 'POST',
          url: `/crm/v3/objects/${name}/search`,
          data: {
            filterGroups: [{ filters: [{ propertyName: modifiedProperty, operator: 'GTE', value: String(since) }] }],
            sorts: [{ propertyName: modifiedProperty, direction: 'ASCENDING' }],
            properties,
            limit: PAGE_SIZE,
            ...(after ? { after } : {}),
          },
        });
        const page: PullPage = { records: [], rejected: [], cursor: { modifiedSince: since } satisfies WindowCursor };
        let lastModified = since;
        const results = name === 'deals' ? await withContacts(client, response.results ?? []) : (response.results ?? []);
        for (const result of results) {
          const parsed = crmObjectSchema.safeParse(result);
          const outcome = parsed.success ? (name === 'contacts' ? mapCrmContact(parsed.data) : mapCrmDeal(parsed.data)) : { reason: `not a CRM object: ${parsed.error.issues[0]?.message}` };
          if ('records' in outcome) page.records.push(...outcome.records);
          else page.rejected.push({ field: 'field' in outcome ? outcome.field : undefined, reason: outcome.reason, raw: JSON.stringify(result).slice(0, 4000) });
          const modified = parsed.success ? Date.parse(parsed.data.properties[modifiedProperty] ?? parsed.data.updatedAt ?? '') : NaN;
          if (Number.isFinite(modified) && modified > lastModified) lastModified = modified;
        }
        const next = response.paging?.next?.after;
        if (!next) {
          // The window is done: the next run starts at the last change seen (GTE reads it again, harmlessly).
          page.cursor = { modifiedSince: lastModified } satisfies WindowCursor;
          yield page;
          return;
        }
        if (Number(next) + PAGE_SIZE > cap && lastModified > since) {
          // The next page would pass the search cap: start a new window at the last change seen.
          since = lastModified;
          after = undefined;
          page.cursor = { modifiedSince: since } satisfies WindowCursor;
        } else {
          after = next;
        }
        yield page;
      }
    },
  };
}

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
function emailEventsStream(client: VendorClient, now: () => number): PullStream {
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
            const outcome = mapEmailEvent(event);
            if ('records' in outcome) page.records.push(...outcome.records);
            else page.rejected.push({ field: outcome.field, reason: outcome.reason, raw: JSON.stringify(event).slice(0, 4000) });
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

export function hubspotPull(options: { searchCap?: number; now?: () => number } = {}): ConnectorPull {
  return {
    open({ apiKey, baseUrl }) {
      const client = createVendorClient({
        source: 'hubspot',
        baseURL: baseUrl ?? HUBSPOT_API,
        headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
        fixCredentials: 'give a private-app token with crm.objects.contacts.read, crm.objects.deals.read and content (email events): npx funnelgraph connectors add --workspace <slug> --source hubspot --api-key <token>',
        maxConcurrent: 4,
        minTimeMs: 200,
      });
      const cap = options.searchCap ?? SEARCH_RESULT_CAP;
      return {
        client,
        streams: [
          searchStream(client, 'contacts', 'lastmodifieddate', CONTACT_PROPERTIES, cap),
          searchStream(client, 'deals', 'hs_lastmodifieddate', DEAL_PROPERTIES, cap),
          emailEventsStream(client, options.now ?? Date.now),
        ],
      };
    },
  };
}
