/**
 * HubSpot API pull: contacts and deals through the CRM v3 search API (pull-crm-search.ts) and marketing email events
 * through the Email Events API (pull-email-events.ts). Private-app token as Bearer; 4 requests in flight, 200 ms
 * apart (the search API allows 5 per second per token).
 */
import { createVendorClient } from '../sdk/pull/http-client';
import type { ConnectorPull } from '../sdk/pull/pull';
import { CONTACT_PROPERTIES, DEAL_PROPERTIES, SEARCH_RESULT_CAP, searchStream } from './pull-crm-search';
import { emailEventsStream } from './pull-email-events';

export const HUBSPOT_API = 'https://api.hubapi.com';

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
