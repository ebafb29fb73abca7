/**
 * The HubSpot connector: UI exports of contacts and deals (CSV), Email Events API responses and CRM v3 list
 * responses (JSON). The CSV kinds tell contacts from deals by header. The pure mappers the API pull reuses live in
 * map.ts, crm-objects-map.ts and email-events-map.ts.
 */
import { defineConnector } from '../sdk/connector';
import { contactsCsv } from './contacts-csv';
import { crmObjects } from './crm-objects';
import { dealsCsv } from './deals-csv';
import { emailEvents } from './email-events';
import { webhookKind } from './webhook';

export const hubspotConnector = defineConnector({
  source: 'hubspot',
  displayName: 'HubSpot',
  fileKinds: [dealsCsv, contactsCsv, emailEvents, crmObjects, webhookKind],
});

