/**
 * A generic row → import records (pure). For what no vendor gives: read time, site visits, form submissions,
 * conversions with revenue, and marketing spend.
 *
 * Identity: an event's sourceEventId is the row's `id`, else `row:` + a hash of its interpreted values (type,
 * contact, instant, campaign, channel, value, currency, url, read seconds, bounce kind); a spend row's externalId
 * is its `id`, else `spend:` + a hash of (channel, campaign, period, amount, currency). So re-importing a file
 * changes nothing, and two identical rows are one event — give them ids when they are two.
 */
import { createHash } from 'node:crypto';
import {
  CHANNELS,
  SOURCES,
  ENGAGEMENT_EVENT_TYPES,
  isOneOf,
  type Channel,
  type ContactRef,
  type EngagementEventRecord,
  type EngagementEventType,
  type ImportRecord,
} from '../../domain/model';
import { dateFromIso, dateFromUnixTime, nonEmptyString, numberFrom } from '../sdk/values';
import type { GenericRow } from './schemas';

export type RowResult = { records: ImportRecord[] } | { field: string; reason: string };

/** Events that belong to one message, so they must name its campaign (records.ts, "events of a message"). */
const MESSAGE_EVENTS: readonly EngagementEventType[] = [
  'SENT', 'DEFERRED', 'DELIVERED', 'BOUNCED', 'DROPPED', 'OPENED', 'CLICKED', 'READ', 'FORWARDED', 'COMPLAINED', 'PRINTED', 'FAILED',
];

/** Campaigns already emitted in this file: each campaign record is emitted once, with the first row naming it. */
export type CampaignsSeen = Set<string>;

/** Sources whose campaigns a generic row may name (read time, forms or spend about a vendor's mailing). */
const VENDOR_SOURCES: readonly string[] = ['sendgrid', 'mailchimp', 'hubspot', 'whatsapp'];

export function mapGenericRow(row: GenericRow, campaignsSeen: CampaignsSeen): RowResult {
  const typeText = nonEmptyString(row.type);
  if (!typeText) return problem('type', `"type" is empty; give an event type (${typeList()}) or "spend"`);
  const channelText = nonEmptyString(row.channel)?.toUpperCase();
  if (channelText !== undefined && !isOneOf(CHANNELS, channelText)) {
    return problem('channel', `"channel" must be EMAIL or WHATSAPP (got "${row.channel}")`);
  }
  const campaign = nonEmptyString(row.campaign);
  const campaignSource = nonEmptyString(row.campaign_source)?.toLowerCase();
  if (campaignSource !== undefined && (!isOneOf(SOURCES, campaignSource) || !VENDOR_SOURCES.includes(campaignSource))) {
    return problem('campaign_source', `"campaign_source" must be one of ${VENDOR_SOURCES.join(', ')} (got "${row.campaign_source}")`);
  }
  if (campaignSource !== undefined && !campaign) return problem('campaign', `"campaign" is empty; "campaign_source" names whose campaign it is`);
  // Another source's campaign is that source's to describe: only a campaign of this file gets a record here.
  const campaignRecords: ImportRecord[] =
    campaign && !campaignSource && !campaignsSeen.has(campaign)
      ? [{ kind: 'campaign', externalId: campaign, name: campaign, channel: channelText ?? 'EMAIL' }]
      : [];
  const type = typeText.toUpperCase();
  const result = type === 'SPEND' ? mapSpend(row, channelText, campaign) : mapEvent(row, type, channelText, campaign);
  if ('reason' in result) return result;
  if (campaignSource !== undefined) Object.assign(result.record, { campaignSource });
  if (campaign && !campaignSource) campaignsSeen.add(campaign);
  return { records: [...campaignRecords, result.record] };
}

function mapEvent(row: GenericRow, type: string, channel: Channel | undefined, campaign: string | undefined): { record: ImportRecord } | { field: string; reason: string } {
  if (!isOneOf(ENGAGEMENT_EVENT_TYPES, type)) return problem('type', `"type" "${row.type}" is not an event type (${typeList()}) or "spend"`);
  const contactText = nonEmptyString(row.contact);
  if (!contactText) return problem('contact', '"contact" is empty; give the email address or phone number (+41 …)');
  const contact = contactRef(contactText);
  if (!contact) return problem('contact', `"contact" is neither an email address nor a phone number in international format (got "${contactText}")`);
  const occurredAt = instantFrom(row.timestamp);
  if (!occurredAt) return problem('timestamp', `"timestamp" is not an ISO 8601 date-time or a Unix time (got "${row.timestamp ?? ''}")`);
  if (!campaign && MESSAGE_EVENTS.includes(type)) return problem('campaign', `"campaign" is empty; a ${type} row belongs to a message of a campaign`);

  const event: EngagementEventRecord = { kind: 'event', sourceEventId: '', type, occurredAt, contact };
  if (campaign) event.campaignExternalId = campaign;
  if (channel) event.channel = channel;
  const url = nonEmptyString(row.url);
  if (url) event.url = url;

  const readSeconds = optionalNumber(row.read_seconds);
  if (readSeconds === null || (readSeconds !== undefined && readSeconds < 0)) return problem('read_seconds', `"read_seconds" is not a number of seconds (got "${row.read_seconds}")`);
  if (readSeconds !== undefined && type !== 'READ') return problem('read_seconds', `"read_seconds" only applies to READ rows (this row is ${type})`);
  if (readSeconds !== undefined) event.readSeconds = readSeconds;

  const value = optionalNumber(row.value);
  if (value === null) return problem('value', `"value" is not a number (got "${row.value}"; use a dot for decimals, no thousands separator)`);
  const currency = nonEmptyString(row.currency)?.toUpperCase();
  if (currency !== undefined && !/^[A-Z]{3}$/.test(currency)) return problem('currency', `"currency" is not a 3-letter ISO 4217 code (got "${row.currency}")`);
  if (value !== undefined && currency === undefined) return problem('currency', '"currency" is empty; a row with a "value" needs its currency (EUR, USD …)');
  if (value !== undefined) Object.assign(event, { value, currency });

  const bounceKind = nonEmptyString(row.bounce_kind)?.toUpperCase();
  if (type === 'BOUNCED' && bounceKind !== 'HARD' && bounceKind !== 'SOFT') {
    return problem('bounce_kind', `"bounce_kind" must be hard or soft on a BOUNCED row (got "${row.bounce_kind ?? ''}")`);
  }
  if (type === 'BOUNCED') event.bounceKind = bounceKind as 'HARD' | 'SOFT';

  event.sourceEventId =
    nonEmptyString(row.id) ??
    `row:${hash([type, contactText, occurredAt.toISOString(), campaign, channel, value, currency, url, readSeconds, event.bounceKind])}`;
  return { record: event };
}

function mapSpend(row: GenericRow, channel: Channel | undefined, campaign: string | undefined): { record: ImportRecord } | { field: string; reason: string } {
  const periodStart = dateFromIso(nonEmptyString(row.period_start));
  if (!periodStart) return problem('period_start', `"period_start" is not an ISO 8601 date (got "${row.period_start ?? ''}")`);
  const periodEnd = dateFromIso(nonEmptyString(row.period_end));
  if (!periodEnd) return problem('period_end', `"period_end" is not an ISO 8601 date (got "${row.period_end ?? ''}")`);
  if (periodEnd < periodStart) return problem('period_end', `"period_end" ${row.period_end} is before "period_start" ${row.period_start}`);
  const amount = numberFrom(row.amount);
  if (amount === undefined || amount < 0) return problem('amount', `"amount" is not a non-negative number (got "${row.amount ?? ''}")`);
  const currency = nonEmptyString(row.currency)?.toUpperCase();
  // No silent defaults for money: a spend without its currency is refused, not assumed.
  if (!currency || !/^[A-Z]{3}$/.test(currency)) return problem('currency', `"currency" is not a 3-letter ISO 4217 code (got "${row.currency ?? ''}")`);
  const externalId =
    nonEmptyString(row.id) ?? `spend:${hash([channel, campaign, periodStart.toISOString(), periodEnd.toISOString(), amount, currency])}`;
  return {
    record: {
      kind: 'spend',
      externalId,
      ...(channel && { channel }),
      ...(campaign && { campaignExternalId: campaign }),
      periodStart,
      periodEnd,
      amount,
      currency,
    },
  };
}

/** An email address, or a phone number with its country code (spaces, dashes and brackets allowed). */
function contactRef(text: string): ContactRef | undefined {
  if (text.includes('@')) return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text) ? { email: text } : undefined;
  const phone = text.replace(/[\s\-().]/g, '');
  return /^\+\d{7,15}$/.test(phone) ? { phone } : undefined;
}

/** Unix seconds or milliseconds when the value is all digits, else ISO 8601. */
function instantFrom(value: GenericRow['timestamp']): Date | undefined {
  const text = nonEmptyString(value);
  if (text === undefined) return undefined;
  return /^\d+$/.test(text) ? dateFromUnixTime(text) : dateFromIso(text);
}

/** undefined when absent, null when present but not a number. */
function optionalNumber(value: GenericRow['value']): number | undefined | null {
  if (nonEmptyString(value) === undefined) return undefined;
  return numberFrom(value) ?? null;
}

function problem(field: string, reason: string): { field: string; reason: string } {
  return { field, reason };
}

function hash(parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32);
}

function typeList(): string {
  return ENGAGEMENT_EVENT_TYPES.map((type) => type.toLowerCase()).join(', ');
}
