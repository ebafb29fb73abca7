/**
 * Pure mapping of HubSpot Email Events API events (legacy v1, source-formats.md §3.3) onto engagement events.
 *
 * Identity keys:
 * - sourceEventId: HubSpot's EventId, which "is comprised of" the random `id` and `created` (ms), written as
 *   `<created>/<id>` — the order of the vendor's lookup path GET /email/public/v1/events/{created}/{id}.
 * - sourceMessageId: the EventId of the message's SENT event — other events point at it in `sentBy` — so all
 *   events of one send share it. Submission events (SENT, DROPPED, SUPPRESSED) carry their own.
 * - campaign: `emailCampaignId`, as a string. Contact: `{ email: recipient }` (the events name no contact id).
 */
import type { EngagementEventRecord, EngagementEventType } from '../../domain/model';
import { compact, type MapOutcome, shown } from './outcome';
import { describeIssue, type EmailEvent, emailEventSchema } from './schemas';

/**
 * Vendor type → our type. PROCESSED and SENT both mean "handed to the provider" (vocabulary.ts): a message
 * can have both, and each has its own random `id`, so they are two SENT events of ONE message — `sent` counts
 * messages, not events, so the message is counted once. SUPPRESSED (HubSpot chose not to send) is a DROPPED.
 * DEFERRED stays DEFERRED, not a soft bounce: HubSpot retries, and a deferred-then-delivered message is
 * DELIVERED (metrics.md). UNBOUNCE (a user cleared an address's bounce) concerns no message: read, nothing kept.
 * STATUSCHANGE is decided per event (statusChangeType).
 */
const TYPE_TABLE: Readonly<Record<string, EngagementEventType | 'STATUSCHANGE' | 'NONE'>> = {
  SENT: 'SENT',
  PROCESSED: 'SENT',
  DROPPED: 'DROPPED',
  SUPPRESSED: 'DROPPED',
  DELIVERED: 'DELIVERED',
  DEFERRED: 'DEFERRED',
  BOUNCE: 'BOUNCED',
  OPEN: 'OPENED',
  CLICK: 'CLICKED',
  PRINT: 'PRINTED',
  FORWARD: 'FORWARDED',
  SPAMREPORT: 'COMPLAINED',
  STATUSCHANGE: 'STATUSCHANGE',
  UNBOUNCE: 'NONE',
};

const SUBMISSION_TYPES = new Set(['SENT', 'DROPPED', 'SUPPRESSED']);

/**
 * BOUNCE means "no further attempts will be made", so §3.3 maps it to a hard bounce. Its `category` is
 * HubSpot's "best guess" of the cause; the vendor's category table was not retrievable (§5), so these names
 * are the ones integrations report. The categories that name a temporary cause or a block are SOFT, as
 * metrics.md defines soft (mailbox full, too large, server down, blocked); any other or absent category is HARD.
 */
export const SOFT_BOUNCE_CATEGORIES: ReadonlySet<string> = new Set([
  'MAILBOX_FULL',
  'CONTENT',
  'SPAM',
  'POLICY',
  'FILTERED',
  'GREYLISTING',
  'THROTTLED',
  'TIMEOUT',
  'TEMPORARY_PROBLEM',
  'ISP_MISCONFIGURATION',
  'IP_REPUTATION',
  'DOMAIN_REPUTATION',
  'DMARC',
  'SENDING_DOMAIN_MISCONFIGURATION',
]);

export function emailEventKey(eventId: { id: string; created: number }): string {
  return `${eventId.created}/${eventId.id}`;
}

export function mapEmailEvent(value: unknown): MapOutcome {
  const parsed = emailEventSchema.safeParse(value);
  if (!parsed.success) return describeIssue(parsed.error, value);
  const event = parsed.data;
  const mapped = TYPE_TABLE[event.type];
  if (mapped === undefined) {
    return { field: 'type', reason: `"type" ${shown(event.type)} is not a HubSpot email event type (expected one of ${Object.keys(TYPE_TABLE).join(', ')}; types are upper case)` };
  }
  if (mapped === 'NONE') return { records: [] };
  const recipient = event.recipient?.trim();
  if (!recipient) return { field: 'recipient', reason: `"recipient" is missing: a ${event.type} event without the recipient's address cannot be tied to a contact` };
  if (event.emailCampaignId === undefined || event.emailCampaignId === null) {
    return { field: 'emailCampaignId', reason: `"emailCampaignId" is missing: every event of a message must name its campaign` };
  }
  const type = mapped === 'STATUSCHANGE' ? statusChangeType(event) : mapped;
  if (type === undefined) {
    return {
      field: 'portalSubscriptionStatus',
      reason: 'STATUSCHANGE says neither UNSUBSCRIBED nor SUBSCRIBED ("portalSubscriptionStatus" and "subscriptions[].status" are empty): there is no subscription change to import',
    };
  }
  const record = compact<EngagementEventRecord>({
    kind: 'event',
    sourceEventId: emailEventKey(event),
    type,
    occurredAt: new Date(event.created),
    contact: { email: recipient },
    campaignExternalId: String(event.emailCampaignId),
    channel: 'EMAIL',
    sourceMessageId: event.sentBy ? emailEventKey(event.sentBy) : SUBMISSION_TYPES.has(event.type) ? emailEventKey(event) : undefined,
    url: type === 'CLICKED' ? (event.url ?? undefined) : undefined,
    isMachine: type === 'OPENED' || type === 'CLICKED' ? machineFlag(event) : undefined,
    bounceKind: type === 'BOUNCED' ? (event.category && SOFT_BOUNCE_CATEGORIES.has(event.category) ? 'SOFT' : 'HARD') : undefined,
    readSeconds: type === 'OPENED' && event.duration ? event.duration / 1000 : undefined,
    reason: reasonOf(event),
    payload: value,
  });
  return { records: [record] };
}

/**
 * `filteredEvent` marks an event HubSpot filtered out of reporting as bot/suspected traffic (§3.3: "OPEN with
 * filteredEvent:true → machine/filtered open"); the same flag on a CLICK marks a link scanner. The browser
 * and user agent are not used: Gmail's "GoogleImageProxy" (fixture HS-EMAILEVENT) fetches images when a
 * person opens the mail, so a proxy user agent alone does not mean a machine.
 */
function machineFlag(event: EmailEvent): boolean | undefined {
  return typeof event.filteredEvent === 'boolean' ? event.filteredEvent : undefined;
}

/** An unsubscribe from the portal or from any subscription type wins; an all-SUBSCRIBED change is a resubscribe. */
function statusChangeType(event: EmailEvent): EngagementEventType | undefined {
  const statuses = [event.portalSubscriptionStatus, ...(event.subscriptions ?? []).map((subscription) => subscription.status)]
    .filter((status): status is string => typeof status === 'string')
    .map((status) => status.toUpperCase());
  if (statuses.includes('UNSUBSCRIBED')) return 'UNSUBSCRIBED';
  if (statuses.includes('SUBSCRIBED')) return 'RESUBSCRIBED';
  return undefined;
}

/** The vendor's own words for why: bounce category and server response, drop/suppression reason, change source. */
const REASON_FIELDS: Readonly<Record<string, (event: EmailEvent) => (string | null | undefined)[]>> = {
  BOUNCE: (event) => [event.category, event.response],
  DEFERRED: (event) => [event.response],
  DROPPED: (event) => [event.dropReason, event.dropMessage],
  SUPPRESSED: (event) => [event.suppressedReason, event.suppressedMessage],
  STATUSCHANGE: (event) => [event.source],
};

function reasonOf(event: EmailEvent): string | undefined {
  const parts = REASON_FIELDS[event.type]?.(event) ?? [];
  const text = parts.filter((part): part is string => typeof part === 'string' && part.trim() !== '').join(': ');
  return text === '' ? undefined : text;
}
