/**
 * Pure mapping of SendGrid v3 API responses (the pull) onto the unified records. No I/O, no clock.
 *
 * - Suppressions (`/v3/suppression/{bounces,blocks,spam_reports,unsubscribes,invalid_emails}`): each group is a
 *   list of ours, "suppression:<group>", and each entry a membership of it — CLEANED for addresses SendGrid stops
 *   mailing because they fail (bounces, blocks, invalid emails), UNSUBSCRIBED for those who asked (spam reports,
 *   global unsubscribes) — at the entry's `created` time with SendGrid's reason. A membership is keyed on
 *   (list, contact), so re-reading a window changes nothing.
 * - Email Activity (`/v3/messages/{msg_id}`): each event of the message becomes an Email Activity CSV row and
 *   goes through mapActivityRow(), so the API and the CSV export give the same event ids and campaigns (an
 *   account may use both: the same event is then counted once).
 * - Category stats sums (`/v3/categories/stats/sums`): a category's totals are report totals of the campaign
 *   "category:<name>" (the campaign its Mail Send events land on), kept as campaign-level facts like
 *   Mailchimp's reports.
 * - Daily stats (`/v3/stats` for the account, `/v3/categories/stats` per category): SendGrid's own counters per
 *   day, kept as reported (scope "account" or "category:<name>") for reconciliation; metrics never read them.
 */
import type { CampaignReportRecord, ImportRecord, ListMembershipStatus, VendorStatsRecord } from '../../domain/model';
import { normaliseEmail } from '../../domain/contacts/normalise';
import type { PullOutcome } from '../sdk/pull/pull';
import { dateFromUnixTime, isPlainObject, nonEmptyString, numberFrom } from '../sdk/values';
import { campaignOf } from './map';
import { mapActivityRow } from './map-activity';
import { shown } from './schemas';

export const SUPPRESSION_GROUPS = {
  bounces: { status: 'CLEANED', name: 'SendGrid suppressions: bounces' },
  blocks: { status: 'CLEANED', name: 'SendGrid suppressions: blocks' },
  invalid_emails: { status: 'CLEANED', name: 'SendGrid suppressions: invalid emails' },
  spam_reports: { status: 'UNSUBSCRIBED', name: 'SendGrid suppressions: spam reports' },
  unsubscribes: { status: 'UNSUBSCRIBED', name: 'SendGrid suppressions: global unsubscribes' },
} as const satisfies Record<string, { status: ListMembershipStatus; name: string }>;
export type SuppressionGroup = keyof typeof SUPPRESSION_GROUPS;

export const suppressionListId = (group: SuppressionGroup) => `suppression:${group}`;

/** One suppression entry ({created, email, reason?, status?, ip?}) → a membership of the group's list. */
export function mapSuppression(group: SuppressionGroup, entry: unknown): PullOutcome {
  if (!isPlainObject(entry)) return { reason: `expected a suppression entry object, got ${shown(entry)}` };
  // The writer's own normal form decides: an address it could not match to a contact is refused here, by field.
  const email = normaliseEmail(nonEmptyString(entry.email));
  if (!email) return { field: 'email', reason: `"email" is not an email address (got ${shown(entry.email)})` };
  const at = dateFromUnixTime(entry.created);
  if (!at) return { field: 'created', reason: `"created" is not a Unix time (got ${shown(entry.created)})` };
  const reason = nonEmptyString(entry.reason) ?? (group === 'spam_reports' ? 'spam report' : group === 'unsubscribes' ? 'global unsubscribe' : undefined);
  return {
    records: [
      { kind: 'list', externalId: suppressionListId(group), name: SUPPRESSION_GROUPS[group].name },
      { kind: 'membership', listExternalId: suppressionListId(group), contact: { email }, status: SUPPRESSION_GROUPS[group].status, at, ...(reason && { reason }) },
    ],
  };
}

/** The Email Activity CSV values of one API event: the field names the CSV mapping reads. */
function activityValues(message: Record<string, unknown>, event: Record<string, unknown>): Record<string, string> {
  const values: Record<string, string> = {};
  const put = (key: string, value: unknown) => {
    const text = typeof value === 'number' ? String(value) : nonEmptyString(value);
    if (text !== undefined) values[key] = text;
  };
  // Unique args first: a marketing_campaign_id among them names the campaign, as on the CSV.
  if (isPlainObject(message.unique_args)) for (const [key, value] of Object.entries(message.unique_args)) put(key, value);
  put('message_id', message.msg_id);
  put('email', message.to_email);
  put('subject', message.subject);
  if (Array.isArray(message.categories)) values.categories = JSON.stringify(message.categories.filter((category) => typeof category === 'string'));
  put('event', event.event_name);
  put('processed', event.processed);
  put('reason', event.reason);
  put('url', event.url);
  put('type', event.bounce_type);
  return values;
}

/** One message of `GET /v3/messages/{msg_id}` → its campaign and events, and the events it could not map. */
export function mapMessageDetail(detail: unknown): { records: ImportRecord[]; rejected: Array<{ field?: string; reason: string; raw: string }> } {
  const out: { records: ImportRecord[]; rejected: Array<{ field?: string; reason: string; raw: string }> } = { records: [], rejected: [] };
  if (!isPlainObject(detail) || !Array.isArray(detail.events)) {
    out.rejected.push({ reason: `expected an Email Activity message with "events", got ${shown(detail)}`, raw: JSON.stringify(detail).slice(0, 4000) });
    return out;
  }
  const campaigns = new Set<string>();
  for (const event of detail.events) {
    const values = isPlainObject(event) ? activityValues(detail, event) : {};
    const mapped = mapActivityRow(values);
    if (!mapped.ok) {
      out.rejected.push({ field: mapped.field, reason: `message ${shown(detail.msg_id)}: ${mapped.reason}`, raw: JSON.stringify(event).slice(0, 4000) });
      continue;
    }
    if (!campaigns.has(mapped.campaign.record.externalId)) {
      campaigns.add(mapped.campaign.record.externalId);
      out.records.push(mapped.campaign.record);
    }
    out.records.push({ ...mapped.event, payload: { message: { ...detail, events: undefined }, event } });
  }
  return out;
}

/** One `{type: "category", name, metrics}` of the category stats sums → the category campaign's report totals. */
export function mapCategorySums(item: unknown, at: Date): PullOutcome {
  if (!isPlainObject(item) || !isPlainObject(item.metrics)) return { reason: `expected {"name", "metrics"} of a category, got ${shown(item)}` };
  const name = nonEmptyString(item.name);
  if (!name) return { field: 'name', reason: `"name" of a category is missing (got ${shown(item.name)})` };
  const metrics = item.metrics;
  const count = (key: string) => numberFrom(metrics[key]);
  const campaign = campaignOf({ categories: [name] }).record;
  const report: CampaignReportRecord = {
    kind: 'campaignReport',
    campaignExternalId: campaign.externalId,
    at,
    totals: {
      sent: count('processed'),
      delivered: count('delivered'),
      hardBounces: count('bounces'),
      // SendGrid's blocks are temporary rejections: the soft bounces of bounceKindOf().
      softBounces: count('blocks'),
      uniqueOpens: count('unique_opens'),
      totalOpens: count('opens'),
      uniqueClicks: count('unique_clicks'),
      totalClicks: count('clicks'),
      unsubscribes: count('unsubscribes'),
      complaints: count('spam_reports'),
    },
  };
  return { records: [campaign, report] };
}

/** One `{date, stats: [{type?, name?, metrics}]}` of /v3/stats or /v3/categories/stats → a record per scope. */
export function mapDailyStats(item: unknown): PullOutcome {
  if (!isPlainObject(item) || !Array.isArray(item.stats)) return { reason: `expected {"date", "stats": [...]} of a day, got ${shown(item)}` };
  const day = nonEmptyString(item.date);
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return { field: 'date', reason: `"date" is not a day YYYY-MM-DD (got ${shown(item.date)})` };
  const records: VendorStatsRecord[] = [];
  for (const stat of item.stats) {
    if (!isPlainObject(stat) || !isPlainObject(stat.metrics)) return { field: 'stats', reason: `a stat of ${day} has no "metrics" object (got ${shown(stat)})` };
    const name = nonEmptyString(stat.name);
    const scope = stat.type === 'category' && name ? `category:${name}` : 'account';
    const metrics: Record<string, number> = {};
    for (const [key, value] of Object.entries(stat.metrics)) {
      const count = numberFrom(value);
      if (count !== undefined) metrics[key] = count;
    }
    records.push({ kind: 'vendorStats', scope, day, metrics });
  }
  return { records };
}
