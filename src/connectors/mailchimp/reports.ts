/**
 * File kind `reports`: a saved `GET /reports` page (`{reports:[…], total_items, _links}`) or one
 * `GET /reports/{campaign_id}` object (Mailchimp Marketing API, "Reports"). Each report gives the campaign,
 * its report totals and the audience's name.
 */
import type { FileKind } from '../sdk/connector';
import { parseJsonKind } from './formats/json-kind';
import { mapReport } from './map';

export const reportsKind: FileKind = {
  name: 'reports',
  description: 'Mailchimp campaign reports: GET /reports (list) or GET /reports/{campaign_id}, saved as JSON',
  detect: (head) => isJson(head) && /"campaign_title"\s*:/.test(head) && /"emails_sent"\s*:/.test(head),
  parse: (input, context) =>
    parseJsonKind(input, context, {
      collectionKey: 'reports',
      expected: 'a Mailchimp campaign report: {"reports":[…]} from GET /reports, or one report from GET /reports/{campaign_id}',
      isElement: (document) => typeof document.id === 'string' && ('emails_sent' in document || 'campaign_title' in document),
      map: mapReport,
    }),
};

export function isJson(head: string): boolean {
  return /^\uFEFF?\s*[[{]/.test(head);
}
