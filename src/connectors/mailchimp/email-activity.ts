/**
 * File kind `email-activity`: a saved `GET /reports/{campaign_id}/email-activity` page
 * (`{emails:[{campaign_id, list_id, email_id, email_address, activity:[…]}], campaign_id, total_items}`), or
 * one member's `GET …/email-activity/{subscriber_hash}` object (Mailchimp Marketing API, "Email Activity").
 * Each member gives a message and its open / click / bounce events; map.ts documents the event keys.
 */
import type { FileKind } from '../sdk/connector';
import { parseJsonKind } from './formats/json-kind';
import { mapEmailActivity } from './map';
import { isJson } from './reports';

export const emailActivityKind: FileKind = {
  name: 'email-activity',
  description: "Mailchimp per-member campaign activity: GET /reports/{campaign_id}/email-activity, saved as JSON",
  detect: (head) => isJson(head) && /"activity"\s*:\s*\[/.test(head) && /"email_address"\s*:/.test(head) && /"campaign_id"\s*:/.test(head),
  parse: (input, context) =>
    parseJsonKind(input, context, {
      collectionKey: 'emails',
      expected: 'a Mailchimp email-activity response: {"emails":[…]} from GET /reports/{campaign_id}/email-activity',
      isElement: (document) => Array.isArray(document.activity) && 'campaign_id' in document,
      map: mapEmailActivity,
    }),
  notes: () => [
    'Mailchimp email activity has no send or delivery time per member: messages are imported without SENT/DELIVERED events; the campaign report carries the delivered total.',
    'Opens are not flagged as machine opens (Apple Mail Privacy Protection): export with filter_bots=true to leave them out.',
  ],
};
