/**
 * SendGrid: Event Webhook events (JSON / NDJSON) and the Email Activity CSV export.
 * Mapping rules and identity keys are in map.ts (webhook) and map-activity.ts (CSV).
 */
import { defineConnector } from '../sdk/connector';
import { activityCsvKind } from './activity-csv';
import { webhookEventsKind } from './events';

export const sendgridConnector = defineConnector({
  source: 'sendgrid',
  displayName: 'SendGrid',
  fileKinds: [webhookEventsKind, activityCsvKind],
});
