/**
 * File kind `events`: SendGrid Event Webhook events as saved from the webhook — the JSON array of one POST,
 * several such arrays one after another (one per POST), or NDJSON (one event, or one batch, per line).
 * Format: "Event Webhook Reference" (docs.sendgrid.com/for-developers/tracking-events/event).
 */
import type { ByteSource, FileKind, ParseContext, ParseOutput } from '../sdk/connector';
import { UnusableInputError } from '../sdk/errors';
import { readJsonValues } from '../sdk/input';
import { isPlainObject } from '../sdk/values';
import { CampaignsSeen } from './campaigns-seen';
import { mapWebhookEvent } from './map';
import { shown } from './schemas';

/** Keys only SendGrid's events carry; the other sources' JSON (HubSpot, Mailchimp, WhatsApp) has none. */
const SENDGRID_KEY = /"(sg_event_id|sg_message_id|smtp-id)"\s*:/;

export function looksLikeWebhookEvents(head: string): boolean {
  const text = head.replace(/^\uFEFF/, '').trimStart();
  return (text.startsWith('[') || text.startsWith('{')) && SENDGRID_KEY.test(text);
}

/**
 * The first value decides whether this is an events file at all: a JSON file of something else (an Email
 * Activity API response, another vendor's export) would otherwise become thousands of identical rejections.
 */
function assertIsEventFile(value: unknown, fileName: string, line: number): void {
  const markers = ['event', 'sg_event_id', 'sg_message_id', 'email'];
  if (isPlainObject(value) && markers.some((key) => key in value)) return;
  const what = isPlainObject(value) ? `an object with keys ${Object.keys(value).slice(0, 6).map((key) => JSON.stringify(key)).join(', ')}` : shown(value);
  throw new UnusableInputError(
    fileName,
    line,
    `this is JSON but not SendGrid Event Webhook events: the first value is ${what}, with none of "event", "sg_event_id", "email" (for an Email Activity export use --kind activity-csv)`,
  );
}

async function* parseWebhookEvents(input: ByteSource, context: ParseContext): AsyncGenerator<ParseOutput> {
  const campaigns = new CampaignsSeen();
  let checkedFirstValue = false;
  for await (const item of readJsonValues(input, context.fileName)) {
    if ('error' in item) {
      yield { line: item.line, rejected: { line: item.line, reason: item.error, raw: item.raw } };
      continue;
    }
    if (!checkedFirstValue) {
      assertIsEventFile(item.value, context.fileName, item.line);
      checkedFirstValue = true;
    }
    const mapped = mapWebhookEvent(item.value);
    if (!mapped.ok) {
      const { field, reason } = mapped;
      yield { line: item.line, rejected: { line: item.line, ...(field && { field }), reason, raw: item.raw } };
      continue;
    }
    yield { line: item.line, records: [...campaigns.announce(mapped.campaign), mapped.event] };
  }
}

export const webhookEventsKind: FileKind = {
  name: 'events',
  description: 'SendGrid Event Webhook events: JSON arrays as POSTed (one or several) or NDJSON',
  detect: looksLikeWebhookEvents,
  parse: parseWebhookEvents,
};
