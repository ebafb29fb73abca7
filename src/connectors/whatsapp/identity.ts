/**
 * Identity keys of WhatsApp records: what makes re-importing the same export or webhook file a no-op.
 *
 * - Chat export events have no vendor id: sourceEventId = `wa-chat:` + hash of (event type, the contact the
 *   event is for, the zone-less wall time, the sender's name, the text, the occurrence index among identical
 *   tuples in the file). The wall time is normalised (2023-12-31T21:41:00), so the same chat exported from a
 *   phone with another date format, or imported with another time zone, keeps its ids.
 * - Chat export campaigns: `wa-text:` + hash of the business message's text (direction marks, the
 *   "<This message was edited>" marker and runs of whitespace ignored), so one broadcast sent to many chats is one
 *   campaign. A personalised broadcast ("Hi Rahul, …") is one campaign per distinct text.
 * - Chat export contacts: a name that is a phone number becomes `phone` in E.164; a saved contact name becomes
 *   externalId `name:<name>` (two different people saved under one name in different chats are one contact).
 * - Webhook events: sourceEventId = `<wamid>:<status>` for statuses, `<wamid>:replied` for inbound messages.
 * - Webhook contacts: `phone` = `+` + wa_id / recipient_id, externalId = the business-scoped user id when given.
 */
import { createHash } from 'node:crypto';
import type { ContactRef } from '../../domain/model';
import { stripDirectionMarks } from './formats/chat-line';

export function shortHash(parts: unknown[], length = 32): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, length);
}

/** `+41 79 123 45 67`, `+1 (650) 555-1234` → `+41791234567`; undefined when the text is not a phone number. */
export function e164(text: string): string | undefined {
  const compact = stripDirectionMarks(text).replace(/[\s\-().\u00A0\u202F]/g, '');
  return /^\+\d{7,15}$/.test(compact) ? compact : undefined;
}

/** A chat author or partner as a contact reference. */
export function contactRefFromChatName(name: string): ContactRef {
  const phone = e164(name);
  return phone ? { phone } : { externalId: `name:${name}` };
}

/** The stable key of a ref inside event hashes (phone first: it is what the export shows for unsaved numbers). */
export function contactKey(ref: ContactRef): string {
  return ref.phone ?? ref.externalId ?? ref.email ?? '';
}

/** The text a broadcast is recognised by. */
export function campaignText(text: string): string {
  return stripDirectionMarks(text)
    .replace(/<This message was edited>/g, '')
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .trim();
}

export function chatCampaignId(text: string): string {
  return `wa-text:${shortHash([campaignText(text)], 20)}`;
}

/** Webhook ids: wa_id and recipient_id are digits without `+`; the BSUID stands in when there is no number. */
export function webhookContactRef(waId: string | undefined, userId: string | undefined): ContactRef | undefined {
  const digits = waId?.trim();
  const ref: ContactRef = {};
  if (digits && /^\d{7,15}$/.test(digits)) ref.phone = `+${digits}`;
  if (userId && userId.trim() !== '') ref.externalId = userId.trim();
  return ref.phone || ref.externalId ? ref : undefined;
}

/** "Pablo M." → first "Pablo", last "M."; the whole display name is kept in the contact's properties too. */
export function splitName(name: string): { firstName: string; lastName?: string } {
  const space = name.indexOf(' ');
  return space === -1 ? { firstName: name } : { firstName: name.slice(0, space), lastName: name.slice(space + 1) };
}
