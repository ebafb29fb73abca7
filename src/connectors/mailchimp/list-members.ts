/**
 * File kind `list-members`: a saved `GET /lists/{list_id}/members` page (`{members:[…], list_id,
 * total_items}`) or one `GET /lists/{list_id}/members/{subscriber_hash}` object (Mailchimp Marketing API,
 * "List members"). Each member gives a contact and, for subscribed / unsubscribed / cleaned / pending, its
 * membership of the audience.
 */
import type { FileKind } from '../sdk/connector';
import { parseJsonKind } from './formats/json-kind';
import { mapListMember } from './map';
import { isJson } from './reports';

export const listMembersKind: FileKind = {
  name: 'list-members',
  description: 'Mailchimp audience members: GET /lists/{list_id}/members, saved as JSON',
  detect: (head) =>
    isJson(head) && /"email_address"\s*:/.test(head) && (/"timestamp_opt"\s*:/.test(head) || /"unique_email_id"\s*:/.test(head)) && !/"activity"\s*:\s*\[/.test(head),
  parse: (input, context) =>
    parseJsonKind(input, context, {
      collectionKey: 'members',
      expected: 'a Mailchimp members response: {"members":[…]} from GET /lists/{list_id}/members, or one member',
      isElement: (document) => typeof document.email_address === 'string' && 'status' in document,
      map: mapListMember,
    }),
  notes: () => [
    'Mailchimp gives no unsubscribe or clean time for a member: those memberships are dated by "last_changed".',
    'Archived and transactional members are imported as contacts without an audience membership.',
  ],
};
