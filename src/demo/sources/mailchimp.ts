/**
 * Mailchimp Marketing API v3.0 responses for the two Mailchimp campaigns (source-formats.md §2.4, §2.5) and the
 * audience export CSVs (§2.9), as the Mailchimp connector reads them (connectors/mailchimp/). The report totals
 * are counted from the same messages the email-activity pages list, so the two agree.
 */
import { createHash } from 'node:crypto';
import { isoWithOffset } from '../format';
import type { DemoPlan, EmailCampaign, EmailMessage } from '../plan';

const PAGE_SIZE = 1000;
const APPLE_PROXY_IP = '17.58.101.4';

export function mailchimpCampaigns(plan: DemoPlan): EmailCampaign[] {
  return plan.emailCampaigns.filter((campaign) => campaign.esp === 'mailchimp');
}

export function messagesOf(plan: DemoPlan, campaign: EmailCampaign): EmailMessage[] {
  return plan.emailMessages.filter((message) => message.campaign === campaign);
}

/** Mailchimp tracks the links it rewrites; the unsubscribe link is not one of them. */
const trackedClicks = (message: EmailMessage) => message.clicks.filter((click) => click.kind !== 'UNSUBSCRIBE');

/** `GET /reports?count=10` saved as JSON: `{reports, total_items, _links}`. */
export function mailchimpReportsJson(plan: DemoPlan): string {
  const reports = mailchimpCampaigns(plan).map((campaign) => reportOf(plan, campaign));
  const links = [{ rel: 'self', href: 'https://us21.api.mailchimp.com/3.0/reports', method: 'GET', targetSchema: 'https://us21.api.mailchimp.com/schema/3.0/Definitions/Reports/CollectionResponse.json' }];
  return `${JSON.stringify({ reports, total_items: reports.length, _links: links }, null, 2)}\n`;
}

function reportOf(plan: DemoPlan, campaign: EmailCampaign): Record<string, unknown> {
  const messages = messagesOf(plan, campaign);
  const count = (test: (message: EmailMessage) => boolean) => messages.filter(test).length;
  const hard = count((m) => m.outcome.kind === 'bounced' && m.outcome.hard);
  const soft = count((m) => m.outcome.kind === 'bounced' && !m.outcome.hard);
  const delivered = messages.length - hard - soft;
  const opens = messages.flatMap((m) => m.opens);
  const humanOpens = opens.filter((open) => !open.machine);
  const clicks = messages.flatMap(trackedClicks);
  const uniqueOpens = count((m) => m.opens.length > 0);
  const humanUniqueOpens = count((m) => m.opens.some((open) => !open.machine));
  const subscriberClicks = count((m) => trackedClicks(m).length > 0);
  const uniqueLinkClicks = messages.reduce((sum, m) => sum + new Set(trackedClicks(m).map((click) => click.url)).size, 0);
  const forwards = count((m) => m.forwarded);
  const last = (dates: Date[]) => (dates.length ? isoWithOffset(new Date(Math.max(...dates.map((date) => date.getTime())))) : '');
  const rate = (part: number) => (delivered > 0 ? part / delivered : 0);
  const rss = campaign.type === 'NEWSLETTER';
  return {
    id: campaign.externalId,
    campaign_title: campaign.name,
    type: rss ? 'rss' : 'regular',
    list_id: plan.mailchimpAudience.id,
    list_is_active: true,
    list_name: plan.mailchimpAudience.name,
    subject_line: campaign.subject,
    preview_text: '',
    emails_sent: messages.length,
    abuse_reports: count((m) => m.complainedAt !== undefined),
    unsubscribed: count((m) => m.unsubscribe !== undefined),
    send_time: isoWithOffset(campaign.sendAt),
    ...(rss && { rss_last_send: isoWithOffset(campaign.sendAt) }),
    bounces: { hard_bounces: hard, soft_bounces: soft, syntax_errors: 0 },
    forwards: { forwards_count: forwards, forwards_opens: Math.round(forwards * 0.6) },
    opens: {
      opens_total: opens.length,
      unique_opens: uniqueOpens,
      open_rate: rate(uniqueOpens),
      last_open: last(opens.map((open) => open.at)),
      proxy_excluded_opens: humanOpens.length,
      proxy_excluded_unique_opens: humanUniqueOpens,
      proxy_excluded_open_rate: rate(humanUniqueOpens),
    },
    clicks: {
      clicks_total: clicks.length,
      unique_clicks: uniqueLinkClicks,
      unique_subscriber_clicks: subscriberClicks,
      click_rate: rate(subscriberClicks),
      last_click: last(clicks.map((click) => click.at)),
    },
    facebook_likes: { recipient_likes: 0, unique_likes: 0, facebook_likes: 0 },
    industry_stats: { type: 'Manufacturing', open_rate: 0.2186, click_rate: 0.0238, bounce_rate: 0.0061, unopen_rate: 0.7814, unsub_rate: 0.0029, abuse_rate: 0.0002 },
    // list_stats rates are percentages (0–100), unlike the report's own fractions (§2.4).
    list_stats: { sub_rate: 4.2, unsub_rate: 0.6, open_rate: Math.round(rate(uniqueOpens) * 10000) / 100, click_rate: Math.round(rate(subscriberClicks) * 10000) / 100 },
    ab_split: {},
    timewarp: [],
    timeseries: [],
    // No store is connected: Mailchimp reports zeros, which the connector reads as "no revenue data".
    ecommerce: { total_orders: 0, total_spent: 0, total_revenue: 0, currency_code: 'USD' },
    delivery_status: { enabled: false },
  };
}

/** `GET /reports/{id}/email-activity?count=1000` pages, one JSON page per line (several pages for big lists). */
export function mailchimpEmailActivity(plan: DemoPlan, campaign: EmailCampaign): string {
  const emails = messagesOf(plan, campaign).map((message) => ({
    campaign_id: campaign.externalId,
    list_id: plan.mailchimpAudience.id,
    list_is_active: true,
    email_id: subscriberHash(message.person.email),
    email_address: message.person.email,
    activity: activityOf(message),
  }));
  const pages: string[] = [];
  for (let offset = 0; offset < emails.length; offset += PAGE_SIZE) {
    const href = `https://us21.api.mailchimp.com/3.0/reports/${campaign.externalId}/email-activity`;
    pages.push(JSON.stringify({ emails: emails.slice(offset, offset + PAGE_SIZE), campaign_id: campaign.externalId, total_items: emails.length, _links: [{ rel: 'self', href, method: 'GET' }] }));
  }
  return pages.length ? `${pages.join('\n')}\n` : '';
}

function activityOf(message: EmailMessage): Array<Record<string, string>> {
  const ip = readerIp(message.person.email);
  const activity: Array<{ at: Date; entry: Record<string, string> }> = [];
  if (message.outcome.kind === 'bounced') activity.push({ at: message.outcome.at, entry: { action: 'bounce', type: message.outcome.hard ? 'hard' : 'soft', timestamp: isoWithOffset(message.outcome.at) } });
  for (const open of message.opens) activity.push({ at: open.at, entry: { action: 'open', timestamp: isoWithOffset(open.at), ip: open.machine ? APPLE_PROXY_IP : ip } });
  for (const click of trackedClicks(message)) activity.push({ at: click.at, entry: { action: 'click', timestamp: isoWithOffset(click.at), url: click.url, ip } });
  return activity.sort((a, b) => a.at.getTime() - b.at.getTime()).map((item) => item.entry);
}

/** The member id: MD5 of the lower-cased address (Mailchimp "List members"). */
export function subscriberHash(email: string): string {
  return createHash('md5').update(email.toLowerCase()).digest('hex');
}

function readerIp(email: string): string {
  const hash = createHash('md5').update(`ip ${email}`).digest();
  return `${(hash[0] % 200) + 20}.${hash[1]}.${hash[2]}.${hash[3] || 1}`;
}
