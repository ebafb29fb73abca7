/**
 * The generic connector's row: one engagement event, or one spend row, per CSV line or NDJSON object.
 * The schema checks the shape (every field a scalar); map.ts reads the values, so a bad value is rejected with
 * a reason naming its field. Columns not listed here are ignored (exports often carry extra columns).
 *
 * | column         | used by      | value                                                                 |
 * | `type`         | every row    | an event type (sent, delivered, opened, clicked, read, replied, page_view,
 * |                |              | form_submitted, converted … — vocabulary.ts, any case) or `spend`    |
 * | `contact`      | events       | email address, or phone number in international format (+41 …)        |
 * | `timestamp`    | events       | ISO 8601 (`2024-05-02T09:30:00Z`; no zone = UTC) or Unix seconds/ms  |
 * | `campaign`     | both         | campaign id; required for events of a message (sent … clicked, read)  |
 * | `campaign_source` | both      | the source whose campaign `campaign` is (sendgrid, mailchimp, hubspot, |
 * |                |              | whatsapp), so a read-time row lands on that mailing's message; empty =  |
 * |                |              | a campaign of this generic file                                        |
 * | `channel`      | both         | EMAIL or WHATSAPP; a new campaign's channel defaults to EMAIL         |
 * | `value`, `currency` | events  | money value (conversion revenue); currency required with a value     |
 * | `url`          | events       | clicked link or visited page                                          |
 * | `read_seconds` | read         | read time in seconds (a READ row without it is a read receipt)        |
 * | `bounce_kind`  | bounced      | hard or soft                                                          |
 * | `period_start`, `period_end`, `amount`, `currency` | spend | ISO dates and the money spent     |
 * | `id`           | both         | your id of the row; else a hash of its values (identical rows = one)  |
 */
import { z } from 'zod';

/** CSV gives strings, NDJSON may give numbers or null. */
const cell = z.union([z.string(), z.number(), z.null()]).optional();

export const genericRowSchema = z.object({
  type: z.union([z.string(), z.null()]).optional(),
  id: cell,
  contact: cell,
  timestamp: cell,
  campaign: cell,
  campaign_source: cell,
  channel: cell,
  value: cell,
  currency: cell,
  url: cell,
  read_seconds: cell,
  bounce_kind: cell,
  period_start: cell,
  period_end: cell,
  amount: cell,
});

export type GenericRow = z.infer<typeof genericRowSchema>;

/** The columns a CSV must have to be this kind: without `type` no row means anything. */
export const REQUIRED_COLUMNS = ['type'];
