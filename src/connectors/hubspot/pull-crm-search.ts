/**
 * The `contacts` and `deals` streams of the HubSpot pull (§3.1, §3.2, §3.5): the CRM v3 search API, incremental on
 * the last-modified date (GTE, ascending), `after` paging. Search stops at 10 000 results per query, so when a window
 * nears the cap the next query starts a new window at the last modified date seen (records at that instant are read
 * again: every write is idempotent). Each page of deals reads its contacts through the v4 associations batch read.
 */
import type { VendorClient } from '../sdk/pull/http-client';
import { addOutcome, type PullPage, type PullStream } from '../sdk/pull/pull';
import { mapCrmContact, mapCrmDeal } from './crm-objects-map';
import { LIFECYCLE_STAGE_TABLE } from './map';
import { crmObjectSchema } from './schemas';

/** HubSpot's limit of results per search query (a request past it answers 400). */
export const SEARCH_RESULT_CAP = 10_000;
const PAGE_SIZE = 100;

export const CONTACT_PROPERTIES = [
  'email', 'firstname', 'lastname', 'company', 'phone', 'lifecyclestage', 'hs_lead_status', 'createdate', 'lastmodifieddate',
  'hs_analytics_source', 'hs_analytics_source_data_1', 'hs_analytics_source_data_2', ...LIFECYCLE_STAGE_TABLE.map((entry) => entry.dateProperty),
];
export const DEAL_PROPERTIES = ['dealname', 'dealstage', 'pipeline', 'amount', 'closedate', 'createdate', 'hs_lastmodifieddate', 'deal_currency_code', 'hs_is_closed_won'];

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

export function searchStream(client: VendorClient, name: 'contacts' | 'deals', modifiedProperty: string, properties: string[], cap: number): PullStream {
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
          addOutcome(page, outcome, result);
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
