/**
 * File kind `crm-objects`: CRM v3 list or search responses for contacts and deals (source-formats.md §3.1,
 * §3.5), `{ results: [{ id, properties, createdAt, … }], paging?: { next: { after } } }`, one page or several.
 * Each result becomes the same records as a row of the matching CSV export.
 */
import type { FileKind } from '../sdk/connector';
import { mapCrmObject } from './crm-objects-map';
import { readHubSpotJson, startsLikeJson } from './json-file';

export const crmObjects: FileKind = {
  name: 'crm-objects',
  description: 'HubSpot CRM v3 contacts or deals (JSON list/search responses: {"results": [...], "paging": …})',
  detect(head) {
    return startsLikeJson(head) && /"properties"\s*:\s*\{/.test(head) && /"(hs_object_id|createdAt|archived)"\s*:/.test(head);
  },
  parse(input, context) {
    return readHubSpotJson(input, context, {
      itemsKey: 'results',
      isItem: (value) => 'properties' in value && 'id' in value,
      mapItem: mapCrmObject,
      expected: 'a HubSpot CRM response (expected {"results": [...]} pages or objects with "id" and "properties")',
    });
  },
};
