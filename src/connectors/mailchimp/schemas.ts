/**
 * Zod schemas of the Mailchimp Marketing API v3.0 payloads this connector reads, field names as in
 * Mailchimp's own SDK (mailchimp/mailchimp-marketing-typescript-sdk; see shared source-formats.md §2.4–2.7).
 * Objects are loose: Mailchimp adds fields over time and a `fields=` partial response drops others, so only
 * the fields we map are checked, and most are optional. Times stay strings here: Mailchimp writes "" for an
 * unset time, and the mapping names the field when a non-empty one is not ISO 8601.
 */
import { z } from 'zod';

const count = z.number().int().nonnegative();
const money = z.number().nonnegative();

/** `GET /reports/{campaign_id}`, and each element of `GET /reports` `{reports:[…]}`. */
export const reportSchema = z.looseObject({
  id: z.string().min(1),
  campaign_title: z.string().optional(),
  type: z.string().optional(),
  list_id: z.string().optional(),
  list_name: z.string().optional(),
  subject_line: z.string().optional(),
  emails_sent: count.optional(),
  abuse_reports: count.optional(),
  unsubscribed: count.optional(),
  send_time: z.string().optional(),
  bounces: z
    .looseObject({ hard_bounces: count.optional(), soft_bounces: count.optional(), syntax_errors: count.optional() })
    .optional(),
  forwards: z.looseObject({ forwards_count: count.optional(), forwards_opens: count.optional() }).optional(),
  opens: z
    .looseObject({
      opens_total: count.optional(),
      unique_opens: count.optional(),
      open_rate: z.number().optional(),
      last_open: z.string().optional(),
      proxy_excluded_opens: count.optional(),
      proxy_excluded_unique_opens: count.optional(),
      proxy_excluded_open_rate: z.number().optional(),
    })
    .optional(),
  clicks: z
    .looseObject({
      clicks_total: count.optional(),
      unique_clicks: count.optional(),
      unique_subscriber_clicks: count.optional(),
      click_rate: z.number().optional(),
      last_click: z.string().optional(),
    })
    .optional(),
  ecommerce: z
    .looseObject({
      total_orders: count.optional(),
      total_spent: money.optional(),
      total_revenue: money.optional(),
      currency_code: z.string().optional(),
    })
    .optional(),
});
export type MailchimpReport = z.infer<typeof reportSchema>;

/** One element of an email-activity member's `activity` array. Checked one by one: one bad activity is one rejection. */
export const activitySchema = z.looseObject({
  action: z.string(),
  timestamp: z.string(),
  url: z.string().optional(),
  type: z.string().optional(),
  ip: z.string().optional(),
});
export type MailchimpActivity = z.infer<typeof activitySchema>;

/** One element of `GET /reports/{campaign_id}/email-activity` `{emails:[…]}` (also the per-member response). */
export const emailActivitySchema = z.looseObject({
  campaign_id: z.string().min(1),
  list_id: z.string().optional(),
  email_id: z.string().optional(),
  email_address: z.string().optional(),
  activity: z.array(z.unknown()),
});
export type MailchimpEmailActivity = z.infer<typeof emailActivitySchema>;

export const MEMBER_STATUSES = ['subscribed', 'unsubscribed', 'cleaned', 'pending', 'transactional', 'archived'] as const;

/** One element of `GET /lists/{list_id}/members` `{members:[…]}` (also `GET …/members/{hash}`). */
export const listMemberSchema = z.looseObject({
  id: z.string().optional(),
  email_address: z.string().min(1),
  unique_email_id: z.string().optional(),
  contact_id: z.string().optional(),
  web_id: z.number().int().optional(),
  email_type: z.string().optional(),
  status: z.enum(MEMBER_STATUSES),
  unsubscribe_reason: z.string().optional(),
  merge_fields: z.record(z.string(), z.unknown()).optional(),
  timestamp_signup: z.string().optional(),
  timestamp_opt: z.string().optional(),
  member_rating: z.number().int().optional(),
  last_changed: z.string().optional(),
  language: z.string().optional(),
  vip: z.boolean().optional(),
  location: z.looseObject({ country_code: z.string().optional(), timezone: z.string().optional(), region: z.string().optional() }).optional(),
  source: z.string().optional(),
  tags: z.array(z.looseObject({ name: z.string() })).optional(),
  list_id: z.string().min(1),
});
export type MailchimpListMember = z.infer<typeof listMemberSchema>;
