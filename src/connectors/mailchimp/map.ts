/**
 * Pure mapping of Mailchimp payloads onto ImportRecords (no I/O, no clock). The file kinds and the API pull
 * both call these with parsed JSON values.
 *
 * Identity:
 * - campaign: the report's `id` / email-activity's `campaign_id` (the 10-hex campaign id of every endpoint);
 * - contact: { externalId: member id = MD5 of the lower-cased email, email } (identity.ts), in every kind;
 * - message: (campaign, contact), one per member listed in email-activity — every listed member was sent it;
 * - engagement event: email-activity has no activity id, so sourceEventId is the composite
 *     `<campaign_id>|<member id>|<action>|<timestamp as ISO 8601 UTC>|<url, or "" for open and bounce>`
 *   e.g. `42694e9e57|b0149f75fe84c92d0dec9a0b13e6960b|click|2016-10-05T16:45:14.000Z|https://example.com/a`.
 *   The timestamp is normalised (toISOString) so "+00:00" and "Z" spellings of one instant give one key.
 *   Mailchimp times have one-second resolution: when a member repeats the same action on the same url within
 *   one second, the repeats get `|#2`, `|#3` … (identical tuples are interchangeable, so re-imports agree).
 */
import type { BounceKind, CampaignRecord, CampaignReportRecord, CampaignType, ContactRef, EngagementEventRecord, ImportRecord } from '../../domain/model';
import { compact, text } from './fields';
import { memberRef } from './identity';
import { type MapResult, type Problem, failed, optionalDate, preview, problemFromZod } from './problems';
import { rateFromFraction } from './rates';
import { activitySchema, emailActivitySchema, reportSchema } from './schemas';

export { mapAudienceRow, mapListMember, type AudienceExportFile } from './map-audience';
export type { MapResult, Problem } from './problems';

/**
 * Mailchimp's campaign `type` is a sending mechanism (regular, plaintext, absplit, variate, rss), not a
 * purpose. Only rss says what the campaign is: an RSS-to-email digest of new posts, i.e. a newsletter.
 */
const CAMPAIGN_TYPES: Partial<Record<string, CampaignType>> = { rss: 'NEWSLETTER' };

/**
 * A `/reports` element → the campaign, its report totals, and the audience it went to (named).
 * `campaignReport.at` is the latest time the report itself states (send_time, opens.last_open,
 * clicks.last_click): the totals are complete at least up to then; the file has no "fetched at".
 */
export function mapReport(input: unknown): MapResult<ImportRecord> {
  const parsed = reportSchema.safeParse(input);
  if (!parsed.success) return failed(problemFromZod(parsed.error, input));
  const report = parsed.data;
  const sendTime = optionalDate(report.send_time, 'send_time');
  const lastOpen = optionalDate(report.opens?.last_open, 'opens.last_open');
  const lastClick = optionalDate(report.clicks?.last_click, 'clicks.last_click');
  const openRate = rateFromFraction(report.opens?.open_rate, 'opens.open_rate');
  const clickRate = rateFromFraction(report.clicks?.click_rate, 'clicks.click_rate');
  const problem = [sendTime, lastOpen, lastClick, openRate, clickRate].find((part) => part.problem)?.problem;
  if (problem) return failed(problem);
  const stated = [sendTime.date, lastOpen.date, lastClick.date].filter((date): date is Date => date !== undefined);
  if (stated.length === 0) return failed({ field: 'send_time', reason: '"send_time" is empty: the campaign was not sent, so it has no report to import' });

  const sent = report.emails_sent;
  const hard = report.bounces?.hard_bounces;
  const soft = report.bounces?.soft_bounces;
  if (sent !== undefined && (hard ?? 0) + (soft ?? 0) > sent) {
    return failed({ field: 'bounces', reason: `bounces (${hard ?? 0} hard + ${soft ?? 0} soft) exceed "emails_sent" (${sent}); the report is inconsistent` });
  }
  const campaign: CampaignRecord = compact({
    kind: 'campaign' as const,
    externalId: report.id,
    name: text(report.campaign_title) ?? text(report.subject_line) ?? report.id,
    type: report.type ? CAMPAIGN_TYPES[report.type] : undefined,
    channel: 'EMAIL' as const,
    subject: text(report.subject_line),
    sentAt: sendTime.date,
    listExternalId: text(report.list_id),
  });
  const totals: CampaignReportRecord['totals'] = compact({
    sent,
    // Mailchimp's "successful deliveries": emails sent minus hard and soft bounces.
    delivered: sent !== undefined && hard !== undefined && soft !== undefined ? sent - hard - soft : undefined,
    hardBounces: hard,
    softBounces: soft,
    uniqueOpens: report.opens?.unique_opens,
    uniqueOpensHuman: report.opens?.proxy_excluded_unique_opens,
    totalOpens: report.opens?.opens_total,
    // Subscribers who clicked (the unique-CTR numerator); `unique_clicks` counts unique link clicks instead.
    uniqueClicks: report.clicks?.unique_subscriber_clicks,
    totalClicks: report.clicks?.clicks_total,
    forwards: report.forwards?.forwards_count,
    unsubscribes: report.unsubscribed,
    complaints: report.abuse_reports,
    revenue: revenueOf(report.ecommerce),
    openRate: openRate.value,
    clickRate: clickRate.value,
  });
  const at = new Date(Math.max(...stated.map((date) => date.getTime())));
  const records: ImportRecord[] = [campaign, { kind: 'campaignReport', campaignExternalId: report.id, at, totals }];
  const listName = text(report.list_name);
  if (campaign.listExternalId && listName) records.push({ kind: 'list', externalId: campaign.listExternalId, name: listName });
  return { records, problems: [] };
}

/**
 * Mailchimp sends an all-zero `ecommerce` block when no store is connected, so zero revenue with zero orders
 * is not a measurement: it stays unknown (the metric then says why) rather than becoming 0.
 */
function revenueOf(ecommerce: { total_orders?: number; total_revenue?: number } | undefined): number | undefined {
  if (ecommerce?.total_revenue === undefined) return undefined;
  if (ecommerce.total_revenue === 0 && !ecommerce.total_orders) return undefined;
  return ecommerce.total_revenue;
}

const EVENT_TYPES = { open: 'OPENED', click: 'CLICKED', bounce: 'BOUNCED' } as const;
const BOUNCE_KINDS: Record<string, BounceKind> = { hard: 'HARD', soft: 'SOFT' };

/**
 * One member of `/reports/{id}/email-activity` → the message (the member was sent the campaign) and one
 * event per activity. No SENT or DELIVERED event: the file has no per-member send time, and occurredAt is
 * never invented. Mailchimp counts a sent message that did not bounce as delivered, so the message says so
 * (deliveredUnlessBounced) and is DELIVERED unless a bounce activity says otherwise. Activities carry no machine-open flag (Mailchimp can only filter bots server-side with
 * `filter_bots`), so isMachine stays unset. A bad activity is its own problem; the others still map.
 */
export function mapEmailActivity(input: unknown): MapResult<ImportRecord> {
  const parsed = emailActivitySchema.safeParse(input);
  if (!parsed.success) return failed(problemFromZod(parsed.error, input));
  const member = parsed.data;
  const { ref, problem } = memberRef(member.email_address, member.email_id, 'email_id', 'email_address');
  if (!ref) return failed(problem!);
  const campaignExternalId = member.campaign_id;
  const records: ImportRecord[] = [{ kind: 'message', campaignExternalId, contact: ref, channel: 'EMAIL', deliveredUnlessBounced: true }];
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  for (const [index, raw] of member.activity.entries()) {
    const mapped = mapActivity(raw, `activity[${index}]`, campaignExternalId, ref);
    if ('problem' in mapped) {
      problems.push({ ...mapped.problem, raw: JSON.stringify(raw) });
      continue;
    }
    const occurrence = (seen.get(mapped.event.sourceEventId) ?? 0) + 1;
    seen.set(mapped.event.sourceEventId, occurrence);
    if (occurrence > 1) mapped.event.sourceEventId += `|#${occurrence}`;
    records.push(mapped.event);
  }
  return { records, problems };
}

function mapActivity(raw: unknown, field: string, campaignExternalId: string, contact: ContactRef): { event: EngagementEventRecord } | { problem: Problem } {
  const parsed = activitySchema.safeParse(raw);
  if (!parsed.success) return { problem: problemFromZod(parsed.error, raw, `${field}.`) };
  const activity = parsed.data;
  const type = EVENT_TYPES[activity.action as keyof typeof EVENT_TYPES];
  if (!type) {
    return { problem: { field: `${field}.action`, reason: `unknown email activity "action" ${preview(activity.action)} (expected "open", "click" or "bounce")` } };
  }
  const { date: occurredAt } = optionalDate(activity.timestamp, `${field}.timestamp`);
  if (!occurredAt) return { problem: { field: `${field}.timestamp`, reason: `"${field}.timestamp" is not an ISO 8601 date-time (got ${preview(activity.timestamp)})` } };
  const bounceKind = type === 'BOUNCED' ? BOUNCE_KINDS[activity.type ?? ''] : undefined;
  if (type === 'BOUNCED' && !bounceKind) {
    return { problem: { field: `${field}.type`, reason: `a bounce's "type" should be "hard" or "soft" (got ${preview(activity.type ?? null)})` } };
  }
  const url = type === 'CLICKED' ? text(activity.url) : undefined;
  const event: EngagementEventRecord = compact({
    kind: 'event' as const,
    sourceEventId: activitySourceEventId(campaignExternalId, contact.externalId!, activity.action, occurredAt, url),
    type,
    occurredAt,
    contact,
    campaignExternalId,
    channel: 'EMAIL' as const,
    url,
    bounceKind,
    payload: raw,
  });
  return { event };
}

/** The composite key documented at the top of this file. */
export function activitySourceEventId(campaignId: string, memberId: string, action: string, occurredAt: Date, url?: string): string {
  return [campaignId, memberId, action, occurredAt.toISOString(), url ?? ''].join('|');
}
