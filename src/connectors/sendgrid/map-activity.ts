/**
 * Pure mapping of Email Activity CSV rows (Activity → "Export CSV", or POST /v3/messages/download) onto the
 * unified records. Each row states one event of one message; the campaign rule is campaignOf() in map.ts,
 * shared with the webhook so both files put a message's events on the same campaign.
 *
 * sourceEventId: the CSV has no event id, so it is a composite key,
 *   "activity:" + SHA-256 hex of JSON [message_id, event, processed as ISO 8601 UTC, lower-cased email, url].
 * It is the dedupe key of the loader §1.6 follows (message_id, event, processed, email), plus the clicked URL
 * so two clicks on different links in the same second stay two clicks. The event is taken in its webhook
 * spelling and the time as an instant, so re-exports that spell either differently give the same key; hashed
 * so it stays 73 characters however long the URL is. The key cannot equal the webhook's `sg_event_id`:
 * importing the webhook feed and the CSV for the same days counts those events twice.
 */
import { createHash } from 'node:crypto';
import type { EngagementEventRecord } from '../../domain/model';
import { bounceKindOf, campaignOf, isWebhookEventName, WEBHOOK_EVENT_TYPES, type MapResult, type WebhookEventName } from './map';
import { activityRowSchema, firstIssue, shown, type ActivityRow } from './schemas';

/** The activity feed's event names (GET /v3/messages/{msg_id}) that differ from the webhook's. */
const ACTIVITY_EVENT_NAMES: Record<string, WebhookEventName> = {
  bounced: 'bounce',
  opened: 'open',
  clicked: 'click',
  spam_report: 'spamreport',
};

/** An event name in either spelling ("spam_report", "spam report", "spamreport") → the webhook's name. */
export function activityEventName(text: string): WebhookEventName | undefined {
  const key = text.trim().toLowerCase().replace(/[\s-]+/g, '_');
  if (isWebhookEventName(key)) return key;
  return ACTIVITY_EVENT_NAMES[key];
}

export function activitySourceEventId(row: ActivityRow, name: WebhookEventName): string {
  const parts = [row.message_id ?? '', name, row.processed.toISOString(), row.email.toLowerCase(), row.url ?? ''];
  return `activity:${createHash('sha256').update(JSON.stringify(parts)).digest('hex')}`;
}

function detailsOf(name: WebhookEventName, row: ActivityRow): Partial<EngagementEventRecord> {
  switch (name) {
    case 'bounce':
      return { bounceKind: bounceKindOf({ type: row.type, reason: row.reason }), ...(row.reason && { reason: row.reason }) };
    case 'dropped':
    case 'deferred':
      return row.reason ? { reason: row.reason } : {};
    case 'click':
      return row.url ? { url: row.url } : {};
    default:
      // Opens: the CSV has no machine-open flag, so isMachine stays unset (unknown), not false.
      return {};
  }
}

/** One CSV row (values by header) → its campaign and its engagement event, or why not. */
export function mapActivityRow(values: Record<string, string>): MapResult {
  const parsed = activityRowSchema.safeParse(values);
  if (!parsed.success) return { ok: false, ...firstIssue(parsed.error) };
  const row = parsed.data;
  const name = activityEventName(row.event);
  if (name === undefined) {
    return {
      ok: false,
      field: 'event',
      reason: `"event" ${shown(row.event)} is not an Email Activity event (expected one of processed, delivered, deferred, dropped, bounced, opened, clicked, spam_report, unsubscribe, group_unsubscribe, group_resubscribe)`,
    };
  }
  const campaign = campaignOf({
    marketingCampaignId: row.marketing_campaign_id,
    marketingCampaignName: row.marketing_campaign_name,
    categories: row.categories,
    subject: row.subject,
  });
  const event: EngagementEventRecord = {
    kind: 'event',
    sourceEventId: activitySourceEventId(row, name),
    type: WEBHOOK_EVENT_TYPES[name],
    occurredAt: row.processed,
    contact: { email: row.email },
    campaignExternalId: campaign.record.externalId,
    channel: 'EMAIL',
    ...(row.message_id && { sourceMessageId: row.message_id }),
    ...detailsOf(name, row),
    payload: values,
  };
  return { ok: true, campaign, event };
}
