/**
 * Pure mapping of SendGrid events onto the unified records. Follows SendGrid's "Event Webhook Reference"
 * (docs.sendgrid.com/for-developers/tracking-events/event) and "Bounce and Block Classifications".
 *
 * Identity keys:
 * - event: `sg_event_id`, SendGrid's own dedupe id (the webhook delivers at least once, so re-sent batches
 *   collapse on it). An event without one is rejected: the docs give every event one, and a made-up key could
 *   not tell a retried POST from a second, real open.
 * - contact: { email } — the only person field SendGrid sends.
 * - campaign: see campaignOf() below. The message is (campaign, contact), which is how an asynchronous bounce,
 *   which arrives without `sg_message_id`, still lands on its message.
 */
import { CAMPAIGN_TYPES, isOneOf, type BounceKind, type CampaignRecord, type CampaignType, type EngagementEventRecord, type EngagementEventType } from '../../domain/model';
import { isPlainObject } from '../sdk/values';
import { firstIssue, shown, webhookEventSchema, type WebhookEvent } from './schemas';

/** Every Event Webhook event type and the engagement event it is. */
export const WEBHOOK_EVENT_TYPES = {
  processed: 'SENT',
  dropped: 'DROPPED',
  delivered: 'DELIVERED',
  deferred: 'DEFERRED',
  bounce: 'BOUNCED',
  open: 'OPENED',
  click: 'CLICKED',
  spamreport: 'COMPLAINED',
  unsubscribe: 'UNSUBSCRIBED',
  group_unsubscribe: 'UNSUBSCRIBED',
  group_resubscribe: 'RESUBSCRIBED',
} as const satisfies Record<string, EngagementEventType>;
export type WebhookEventName = keyof typeof WEBHOOK_EVENT_TYPES;

export function isWebhookEventName(value: unknown): value is WebhookEventName {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(WEBHOOK_EVENT_TYPES, value);
}

export type MapResult =
  | { ok: true; campaign: CampaignSighting; event: EngagementEventRecord }
  | { ok: false; field?: string; reason: string };

/** A campaign as one row names it; `named` is false when the name is made up from the id. */
export interface CampaignSighting {
  record: CampaignRecord;
  named: boolean;
}

/** What a row says about its campaign, read the same way from the webhook and the CSV. */
export interface CampaignFields {
  singlesendId?: string;
  singlesendName?: string;
  marketingCampaignId?: string;
  marketingCampaignName?: string;
  newsletterId?: string;
  categories: string[];
  /** Only the CSV has it. Kept on campaigns that are one mailing, not on a category or the uncategorised
   *  bucket: those gather many different mails, and one subject would mislead. */
  subject?: string;
}

/** The campaign of mail sent with no campaign field and no category: transactional API mail. */
export const UNCATEGORISED_CAMPAIGN_ID = 'uncategorised';

/**
 * Campaign identity, in this order (the first field present wins):
 * 1. `singlesend_id` → "singlesend:<id>", named by `singlesend_name` (Marketing Campaigns Single Sends);
 * 2. `marketing_campaign_id` → "marketing_campaign:<id>", named by `marketing_campaign_name` (Marketing
 *    Campaigns and Automations; A/B versions share the campaign, the version stays in the payload); a name
 *    without an id → "marketing_campaign_name:<name>";
 * 3. `newsletter.newsletter_id` → "newsletter:<id>" (legacy Marketing Email);
 * 4. the first `category` → "category:<category>" (Mail Send API mail: categories are set per message and
 *    come back on its events as sent, a string or a list, so every event of a send names the same first one);
 * 5. otherwise "uncategorised", type TRANSACTIONAL: API mail sent without a category.
 * Only fields SendGrid repeats on every event of a message are used, so all events of one send (including
 * a delayed bounce without `sg_message_id`) resolve to the same campaign and thus the same message.
 * The prefixes keep a category named "42" apart from marketing campaign 42.
 */
/**
 * SendGrid has no campaign type; senders commonly tag mail with a category that names it ("newsletter",
 * "promotional", …). A category that is one of our campaign types (any case) sets the type; else it stays OTHER.
 */
export function campaignTypeOf(categories: readonly string[]): CampaignType | undefined {
  return categories.map((category) => category.trim().toUpperCase()).find((word): word is CampaignType => isOneOf(CAMPAIGN_TYPES, word) && word !== 'OTHER');
}

export function campaignOf(fields: CampaignFields): CampaignSighting {
  const type = campaignTypeOf(fields.categories);
  const mailing = (externalId: string, name: string | undefined, fallbackName: string): CampaignSighting => ({
    record: { kind: 'campaign', externalId, name: name ?? fallbackName, channel: 'EMAIL', ...(type && { type }), ...(fields.subject && { subject: fields.subject }) },
    named: name !== undefined,
  });
  if (fields.singlesendId) return mailing(`singlesend:${fields.singlesendId}`, fields.singlesendName, `Single Send ${fields.singlesendId}`);
  if (fields.marketingCampaignId) {
    const id = fields.marketingCampaignId;
    return mailing(`marketing_campaign:${id}`, fields.marketingCampaignName, `Marketing campaign ${id}`);
  }
  if (fields.marketingCampaignName) return mailing(`marketing_campaign_name:${fields.marketingCampaignName}`, fields.marketingCampaignName, '');
  if (fields.newsletterId) return mailing(`newsletter:${fields.newsletterId}`, undefined, `Newsletter ${fields.newsletterId}`);
  const category = fields.categories[0];
  if (category !== undefined) {
    return { record: { kind: 'campaign', externalId: `category:${category}`, name: category, channel: 'EMAIL', ...(type && { type }) }, named: true };
  }
  return {
    record: { kind: 'campaign', externalId: UNCATEGORISED_CAMPAIGN_ID, name: 'SendGrid mail without campaign or category', type: 'TRANSACTIONAL', channel: 'EMAIL' },
    named: true,
  };
}

const SOFT_CLASSIFICATIONS = ['content', 'frequency or volume too high', 'mailbox unavailable', 'reputation', 'technical failure', 'technical'];

/**
 * Hard or soft, from the most to the least explicit signal:
 * 1. `type`: "bounce" is a permanent bounce, "blocked" a block (the Email Activity API's `bounce_type` says
 *    "hard" / "soft");
 * 2. `bounce_classification` (compared case-insensitively, one copy of the docs writes "invalid"):
 *    Invalid Address is what SendGrid calls hard bounces; the other classes (Content, Reputation, Frequency or
 *    Volume Too High, Mailbox Unavailable, Technical) are temporary; Unclassified says nothing;
 * 3. the enhanced status code (`status` "5.x.x" permanent, "4.x.x" transient), then the SMTP reply code at
 *    the start of `reason` — SendGrid: "a 5XX code depicts hard bounces, a 4XX code depicts blocks";
 * 4. nothing says: hard. A `bounce` without a block marker is the permanent kind, and treating it as hard
 *    errs toward list hygiene (the address stops being mailed) rather than toward repeated bounces.
 */
export function bounceKindOf(signals: { type?: string; classification?: string; status?: string; reason?: string }): BounceKind {
  const type = signals.type?.toLowerCase();
  if (type === 'bounce' || type === 'hard') return 'HARD';
  if (type === 'blocked' || type === 'soft') return 'SOFT';
  const classification = signals.classification?.toLowerCase();
  if (classification === 'invalid address' || classification === 'invalid') return 'HARD';
  if (classification !== undefined && SOFT_CLASSIFICATIONS.includes(classification)) return 'SOFT';
  const code = /^([45])\.\d{1,3}\.\d{1,3}/.exec(signals.status ?? '')?.[1] ?? /^([45])\d\d\b/.exec(signals.reason ?? '')?.[1];
  if (code === '4') return 'SOFT';
  return 'HARD';
}

/** The type-specific fields of an event: bounce kind, reasons, machine opens, clicked URL. */
function detailsOf(name: WebhookEventName, row: WebhookEvent): Partial<EngagementEventRecord> {
  switch (name) {
    case 'bounce':
      return {
        bounceKind: bounceKindOf({ type: row.type, classification: row.bounce_classification, status: row.status, reason: row.reason }),
        ...(row.reason && { reason: row.reason }),
      };
    case 'dropped':
      return row.reason ? { reason: row.reason } : {};
    case 'deferred': {
      const reason = row.response ?? row.reason;
      return reason ? { reason } : {};
    }
    case 'open':
      return { isMachine: row.sg_machine_open };
    case 'click':
      return row.url ? { url: row.url } : {};
    default:
      return {};
  }
}

function unknownEventReason(name: unknown): string {
  if (name === undefined || name === null || name === '') return '"event" is missing: every SendGrid event names its type';
  if (name === 'account_status_change') {
    return '"event" "account_status_change" is an account notice (e.g. a compliance suspension), not about a message: there is nothing to import from it';
  }
  return `"event" ${shown(name)} is not a SendGrid Event Webhook event type (expected one of ${Object.keys(WEBHOOK_EVENT_TYPES).join(', ')})`;
}

/** One Event Webhook event (as parsed from JSON) → its campaign and its engagement event, or why not. */
export function mapWebhookEvent(value: unknown): MapResult {
  if (!isPlainObject(value)) return { ok: false, reason: `expected a SendGrid event object, got ${shown(value)}` };
  const name = value.event;
  if (!isWebhookEventName(name)) return { ok: false, field: 'event', reason: unknownEventReason(name) };
  const parsed = webhookEventSchema.safeParse(value);
  if (!parsed.success) return { ok: false, ...firstIssue(parsed.error) };
  const row = parsed.data;
  const campaign = campaignOf({
    singlesendId: row.singlesend_id,
    singlesendName: row.singlesend_name,
    marketingCampaignId: row.marketing_campaign_id,
    marketingCampaignName: row.marketing_campaign_name,
    newsletterId: row.newsletter,
    categories: row.category,
  });
  const event: EngagementEventRecord = {
    kind: 'event',
    sourceEventId: row.sg_event_id,
    type: WEBHOOK_EVENT_TYPES[name],
    occurredAt: row.timestamp,
    contact: { email: row.email },
    campaignExternalId: campaign.record.externalId,
    channel: 'EMAIL',
    ...(row.sg_message_id && { sourceMessageId: row.sg_message_id }),
    ...detailsOf(name, row),
    // As received: custom args are merged into the event object by SendGrid and only survive here.
    payload: value,
  };
  return { ok: true, campaign, event };
}
