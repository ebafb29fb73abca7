/**
 * zod schemas of SendGrid's rows, checked before mapping so that a bad row becomes one rejection whose reason
 * names the field and shows the value. Field names follow SendGrid's "Event Webhook Reference" and the Email
 * Activity CSV column list (see shared/reference/source-formats.md §1.2 and §1.6).
 *
 * Every field is read through a small transform instead of zod's stock types: the stock messages
 * ("Invalid input: expected string") do not tell a marketer what to fix, and SendGrid itself is loose about
 * types (`attempt` is "5" in the docs and 5 in Email Logs, ids are numbers or strings).
 */
import { z } from 'zod';
import { dateFromIso, dateFromUnixTime, isPlainObject } from '../sdk/values';

/** A value as it appears in a reason: JSON-quoted and cut short, so the user can search the file for it. */
export function shown(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  const short = text.length > 60 ? `${text.slice(0, 57)}...` : text;
  return typeof value === 'string' ? JSON.stringify(short) : short;
}

function textOf(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  return text === '' ? undefined : text;
}

/** A field that must hold text (numbers are accepted as their digits: SendGrid mixes the two for ids). */
function requiredText(field: string, whenMissing: string) {
  return z.unknown().transform((value, context) => {
    const text = textOf(value);
    if (text !== undefined) return text;
    const absent = value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
    context.addIssue({ code: 'custom', message: absent ? whenMissing : `"${field}" must be text (got ${shown(value)})` });
    return z.NEVER;
  });
}

/** An optional text field; null and "" (an empty CSV cell) mean absent. */
function optionalText(field: string) {
  return z.unknown().transform((value, context) => {
    if (value === undefined || value === null || value === '') return undefined;
    const text = textOf(value);
    if (text === undefined && typeof value !== 'string') {
      context.addIssue({ code: 'custom', message: `"${field}" must be text (got ${shown(value)})` });
      return z.NEVER;
    }
    return text;
  }).optional(); // .optional(): zod 4 refuses an absent key unless the schema says it may be absent
}

function emailAddress(field: string) {
  return requiredText(field, `"${field}" is missing: SendGrid names the recipient in every message event`).transform((text, context) => {
    if (/^[^@\s]+@[^@\s]+$/.test(text)) return text;
    context.addIssue({ code: 'custom', message: `"${field}" is not an email address (got ${shown(text)})` });
    return z.NEVER;
  });
}

/** The webhook's `timestamp`: Unix seconds, or milliseconds on some events (Single Send example, §1.2). */
function unixTime(field: string) {
  return z.unknown().transform((value, context) => {
    const date = dateFromUnixTime(value);
    if (date) return date;
    context.addIssue({
      code: 'custom',
      message: value === undefined || value === null ? `"${field}" is missing` : `"${field}" is not a Unix time (got ${shown(value)})`,
    });
    return z.NEVER;
  });
}

/**
 * The CSV's `processed` column. Its format is not documented; the loader we follow types it as a timestamp,
 * so we accept the forms a timestamp column is exported in: ISO 8601, "YYYY-MM-DD HH:MM:SS[ UTC]", Unix time.
 */
function exportTime(field: string) {
  return z.unknown().transform((value, context) => {
    const text = textOf(value);
    const date = text === undefined ? undefined : /^\d+(\.\d+)?$/.test(text) ? dateFromUnixTime(text) : dateFromIso(text.replace(/\s*UTC$/i, 'Z'));
    if (date) return date;
    context.addIssue({
      code: 'custom',
      message: text === undefined ? `"${field}" is missing` : `"${field}" is not a date-time or Unix time (got ${shown(value)})`,
    });
    return z.NEVER;
  });
}

/** `category` is a string or an array of strings, as the sender gave it; always normalised to an array. */
const categoryList = z.unknown().transform((value, context): string[] => {
  if (value === undefined || value === null) return [];
  const values = Array.isArray(value) ? value : [value];
  if (values.every((item) => typeof item === 'string' || typeof item === 'number')) {
    return values.map(textOf).filter((text): text is string => text !== undefined);
  }
  context.addIssue({ code: 'custom', message: `"category" must be text or a list of text (got ${shown(value)})` });
  return z.NEVER;
}).default([]); // .default(): zod 4 refuses an absent key unless the schema says what it becomes

/** `sg_machine_open` is a boolean; Email Logs omits it when false, and string copies of payloads say "true". */
const machineOpenFlag = z.unknown().transform((value, context) => {
  if (value === undefined || value === null || value === false || value === 'false') return false;
  if (value === true || value === 'true') return true;
  context.addIssue({ code: 'custom', message: `"sg_machine_open" must be true or false (got ${shown(value)})` });
  return z.NEVER;
}).default(false);

/** Legacy Marketing Email events carry `newsletter: {newsletter_id, …}`; anything else there is ignored. */
const newsletterId = z
  .unknown()
  .transform((value) => (isPlainObject(value) ? textOf(value.newsletter_id) : undefined))
  .optional();

/** Fields shared by the webhook and the CSV that decide the campaign (see campaignOf in map.ts). */
const campaignFields = {
  marketing_campaign_id: optionalText('marketing_campaign_id'),
  marketing_campaign_name: optionalText('marketing_campaign_name'),
};

/** One Event Webhook event. Loose: custom args are merged into the event object and must survive. */
export const webhookEventSchema = z.looseObject({
  event: requiredText('event', '"event" is missing: every SendGrid event names its type'),
  sg_event_id: requiredText(
    'sg_event_id',
    '"sg_event_id" is missing: SendGrid gives every webhook event one and it is how a re-sent batch is recognised; import the events exactly as SendGrid posted them',
  ),
  email: emailAddress('email'),
  timestamp: unixTime('timestamp'),
  sg_message_id: optionalText('sg_message_id'),
  category: categoryList,
  type: optionalText('type'),
  bounce_classification: optionalText('bounce_classification'),
  status: optionalText('status'),
  reason: optionalText('reason'),
  response: optionalText('response'),
  url: optionalText('url'),
  sg_machine_open: machineOpenFlag,
  singlesend_id: optionalText('singlesend_id'),
  singlesend_name: optionalText('singlesend_name'),
  newsletter: newsletterId,
  ...campaignFields,
});
export type WebhookEvent = z.output<typeof webhookEventSchema>;

/**
 * `categories` in the CSV: not documented. A JSON array is read as one; otherwise the cell is taken as a
 * comma-separated list, since a message can carry several categories and CSV has no other way to list them.
 */
const csvCategories = z.unknown().transform((value): string[] => {
  const text = textOf(value);
  if (text === undefined) return [];
  if (text.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (Array.isArray(parsed)) return parsed.map(textOf).filter((item): item is string => item !== undefined);
    } catch {
      // Not JSON after all: fall through to the comma-separated reading.
    }
  }
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}).default([]);

/** One row of the Email Activity CSV (column names from §1.6, in the export's order). */
export const activityRowSchema = z.looseObject({
  processed: exportTime('processed'),
  message_id: optionalText('message_id'),
  event: requiredText('event', '"event" is empty: every Email Activity row names its event'),
  email: emailAddress('email'),
  subject: optionalText('subject'),
  reason: optionalText('reason'),
  url: optionalText('url'),
  type: optionalText('type'),
  categories: csvCategories,
  ...campaignFields,
});
export type ActivityRow = z.output<typeof activityRowSchema>;

/** The first problem zod found, as a rejection's field and reason. */
export function firstIssue(error: z.ZodError): { field?: string; reason: string } {
  const issue = error.issues[0];
  const field = issue?.path.length ? String(issue.path[0]) : undefined;
  return { field, reason: issue?.message ?? 'the row does not have the expected fields' };
}
