/**
 * generic: events and spend no vendor gives — read time, site visits, form submissions, conversions with
 * revenue, marketing spend — as CSV or NDJSON. The worked example of docs/connectors.md.
 */
import { defineConnector } from '../sdk/connector';
import { eventsCsv } from './events-csv';
import { eventsNdjson } from './events-ndjson';

export const genericConnector = defineConnector({
  source: 'generic',
  displayName: 'Generic events and spend (CSV / NDJSON)',
  fileKinds: [eventsCsv, eventsNdjson],
});
