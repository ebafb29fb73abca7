/**
 * File kind `email-events`: responses of the Email Events API, GET /email/public/v1/events (source-formats.md
 * §3.3), saved as `{ events: [...], hasMore, offset }` pages or as a plain array of events. Each event is one
 * engagement event; see email-events-map.ts for the type mapping and identity keys.
 */
import type { FileKind } from '../sdk/connector';
import { mapEmailEvent } from './email-events-map';
import { readHubSpotJson, startsLikeJson } from './json-file';

export const emailEvents: FileKind = {
  name: 'email-events',
  description: 'HubSpot marketing email events (Email Events API JSON: pages of events, or an array of events)',
  detect(head) {
    if (!startsLikeJson(head)) return false;
    // A page of 1000 events runs past the 64 KiB head, so look at the events themselves, not at "hasMore".
    const hasEvent = /"recipient"\s*:/.test(head) && /"(emailCampaignId|sentBy)"\s*:/.test(head);
    const emptyPage = /"events"\s*:\s*\[\s*\]/.test(head) && /"hasMore"\s*:/.test(head);
    return hasEvent || emptyPage;
  },
  parse(input, context) {
    return readHubSpotJson(input, context, {
      itemsKey: 'events',
      isItem: (value) => typeof value.type === 'string' || 'created' in value || 'recipient' in value,
      mapItem: mapEmailEvent,
      expected: 'HubSpot email events JSON (expected {"events": [...]} pages or event objects with "type", "id" and "created")',
    });
  },
};
