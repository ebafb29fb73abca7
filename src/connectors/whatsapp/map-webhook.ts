/**
 * Cloud API webhook items → import records. Pure apart from the per-file memory: which campaigns and contacts
 * were already emitted, and each wamid's campaign (so a later status or a reply quoting it joins the same one).
 *
 * - statuses[]: sent/delivered/read/failed → SENT/DELIVERED/READ/FAILED, `played` (a voice message was
 *   listened to) → READ. sourceEventId = `<wamid>:<status>`. "read implies delivered" is the SDK's to derive.
 * - messages[] (inbound): REPLIED, sourceEventId = `<wamid>:replied`; `context.id` (the wamid of our message
 *   the contact answered) becomes sourceMessageId, and its campaign when this file saw a status of it.
 *   Without context the reply is an inquiry: no campaign. `system` messages (a number change) are not replies.
 *
 * Campaign of a status — Meta echoes no campaign id, so, in this order:
 *   1. `biz_opaque_callback_data`, the tag the sender attached when sending (set it to your campaign id);
 *   2. the campaign an earlier status of the same wamid had in this file, so one send stays one message
 *      (failed statuses carry no pricing; remembered for the last 100 000 wamids);
 *   3. `wa-category:<pricing.category or conversation.origin.type>` (marketing, utility, service …);
 *   4. `wa-category:uncategorised`.
 * With 3–4 every send of one category to one contact is one message (campaign, contact): per-send figures need 1.
 */
import type { ContactRecord, ContactRef, EngagementEventType, ImportRecord } from '../../domain/model';
import { dateFromUnixTime } from '../sdk/values';
import { splitName, webhookContactRef } from './identity';
import { contactSchema, describeIssue, inboundMessageSchema, statusSchema, type WebhookContact, type WebhookStatus } from './schemas';

const STATUS_TYPES: Record<string, EngagementEventType> = { sent: 'SENT', delivered: 'DELIVERED', read: 'READ', played: 'READ', failed: 'FAILED' };
/** Bound on the wamid → campaign memory; the oldest entries go first. */
const REMEMBERED_WAMIDS = 100_000;

export type WebhookMapResult = { records: ImportRecord[] } | { field: string; reason: string };

export class WebhookMapper {
  private readonly emitted = new Set<string>();
  private readonly campaignByWamid = new Map<string, string>();

  mapStatus(item: unknown, where: string, contacts: unknown[]): WebhookMapResult {
    const parsed = statusSchema.safeParse(item);
    if (!parsed.success) return describeIssue(parsed.error, where);
    const status = parsed.data;
    const type = STATUS_TYPES[status.status];
    if (!type) {
      return { field: `${where}.status`, reason: `"${where}.status" "${status.status}" is not a WhatsApp message status (sent, delivered, read, played or failed)` };
    }
    const occurredAt = dateFromUnixTime(status.timestamp);
    if (!occurredAt) return notUnixTime(where, status.timestamp);
    const profile = profileOf(contacts, status.recipient_id, status.recipient_user_id);
    const contact = webhookContactRef(status.recipient_id || profile?.wa_id, status.recipient_user_id ?? profile?.user_id);
    if (!contact) {
      return { field: `${where}.recipient_id`, reason: `"${where}.recipient_id" is not a phone number (got "${status.recipient_id ?? ''}") and there is no "recipient_user_id": the status names no recipient` };
    }
    const campaign = this.campaignOf(status);
    const error = status.errors?.[0];
    return {
      records: [
        ...this.campaignRecordOnce(campaign),
        ...this.contactRecordOnce(contact, profile),
        {
          kind: 'event',
          sourceEventId: `${status.id}:${status.status}`,
          type,
          occurredAt,
          contact,
          campaignExternalId: campaign.externalId,
          channel: 'WHATSAPP',
          sourceMessageId: status.id,
          ...(error && { reason: describeVendorError(error) }),
          payload: item,
        },
      ],
    };
  }

  mapInbound(item: unknown, where: string, contacts: unknown[]): WebhookMapResult {
    const parsed = inboundMessageSchema.safeParse(item);
    if (!parsed.success) return describeIssue(parsed.error, where);
    const message = parsed.data;
    if (message.type === 'system') return { records: [] };
    const occurredAt = dateFromUnixTime(message.timestamp);
    if (!occurredAt) return notUnixTime(where, message.timestamp);
    const profile = profileOf(contacts, message.from, message.from_user_id);
    const contact = webhookContactRef(message.from || profile?.wa_id, message.from_user_id ?? profile?.user_id);
    if (!contact) {
      return { field: `${where}.from`, reason: `"${where}.from" is not a phone number (got "${message.from ?? ''}") and there is no "from_user_id": the message names no sender` };
    }
    const answered = message.context?.id;
    const error = message.errors?.[0];
    return {
      records: [
        ...this.contactRecordOnce(contact, profile),
        {
          kind: 'event',
          sourceEventId: `${message.id}:replied`,
          type: 'REPLIED',
          occurredAt,
          contact,
          campaignExternalId: answered ? this.campaignByWamid.get(answered) : undefined,
          channel: 'WHATSAPP',
          sourceMessageId: answered,
          ...(error && { reason: describeVendorError(error) }),
          payload: item,
        },
      ],
    };
  }

  private campaignOf(status: WebhookStatus): { externalId: string; name: string } {
    const tag = status.biz_opaque_callback_data?.trim();
    const category = status.pricing?.category ?? status.conversation?.origin?.type;
    const remembered = this.campaignByWamid.get(status.id);
    const externalId = tag || remembered || (category ? `wa-category:${category}` : 'wa-category:uncategorised');
    this.campaignByWamid.delete(status.id);
    this.campaignByWamid.set(status.id, externalId);
    if (this.campaignByWamid.size > REMEMBERED_WAMIDS) this.campaignByWamid.delete(this.campaignByWamid.keys().next().value as string);
    const name = externalId.startsWith('wa-category:') ? `WhatsApp ${externalId.slice('wa-category:'.length)} messages` : `WhatsApp ${externalId}`;
    return { externalId, name };
  }

  private campaignRecordOnce(campaign: { externalId: string; name: string }): ImportRecord[] {
    if (!this.firstTime(`campaign ${campaign.externalId}`)) return [];
    return [{ kind: 'campaign', externalId: campaign.externalId, name: campaign.name, channel: 'WHATSAPP' }];
  }

  /** The sender's or recipient's profile as a contact record, once per file. */
  private contactRecordOnce(ref: ContactRef, profile: WebhookContact | undefined): ContactRecord[] {
    const name = profile?.profile?.name?.trim();
    if (!profile || !name || !this.firstTime(`contact ${ref.phone ?? ref.externalId}`)) return [];
    return [{ kind: 'contact', ref, ...splitName(name), properties: profileProperties(profile, name) }];
  }

  private firstTime(key: string): boolean {
    if (this.emitted.has(key)) return false;
    this.emitted.add(key);
    return true;
  }
}

/** The profile Meta sends beside the item (`value.contacts[]`), matched by phone or business-scoped user id. */
function profileOf(contacts: unknown[], waId: string | undefined, userId: string | undefined): WebhookContact | undefined {
  return contacts
    .map((contact) => contactSchema.safeParse(contact))
    .flatMap((parsed) => (parsed.success ? [parsed.data] : []))
    .find((contact) => (waId && contact.wa_id === waId) || (userId && contact.user_id === userId));
}

function notUnixTime(where: string, value: unknown): { field: string; reason: string } {
  return { field: `${where}.timestamp`, reason: `"${where}.timestamp" is not a Unix time (got ${JSON.stringify(value)})` };
}

function describeVendorError(error: NonNullable<WebhookStatus['errors']>[number]): string {
  const title = error.title ?? error.message ?? 'error';
  const code = error.code !== undefined ? ` (code ${error.code})` : '';
  const details = error.error_data?.details ?? error.details;
  return `${title}${code}${details && details !== title ? `: ${details}` : ''}`;
}

function profileProperties(contact: WebhookContact, name: string): Record<string, string> {
  const properties: Record<string, string> = { whatsappName: name };
  if (contact.profile?.username) properties.whatsappUsername = contact.profile.username;
  if (contact.profile?.country_code) properties.countryCode = contact.profile.country_code;
  return properties;
}
