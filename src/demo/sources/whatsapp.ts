/**
 * WhatsApp Business Cloud API webhook bodies (field `messages`, source-formats.md §4.2), one body per line as a
 * receiver logs them, in time order. Statuses carry `biz_opaque_callback_data` — the tag set when sending,
 * which Meta echoes and the connector uses as the campaign — and per-message pricing (PMP); failed statuses
 * carry `errors` instead of pricing. Replies quote the broadcast's wamid in `context.id`.
 */
import { unixSeconds } from '../format';
import type { DemoPlan, Person, WhatsAppMessage } from '../plan';

const BUSINESS_NUMBER = '4940228899100';
const PHONE_NUMBER_ID = '109876543210987';
const WABA_ID = '102938475610293';
const PRICING = { billable: true, pricing_model: 'PMP', type: 'regular', category: 'marketing' };

interface Body {
  at: number;
  order: number;
  text: string;
}

export function whatsappWebhooksNdjson(plan: DemoPlan): string {
  const bodies: Body[] = [];
  const add = (at: Date, value: Record<string, unknown>) => bodies.push({ at: unixSeconds(at), order: bodies.length, text: envelope(value) });
  for (const message of plan.whatsappMessages) {
    const status = (name: string, at: Date, extra: Record<string, unknown>) =>
      add(at, { statuses: [{ id: message.wamid, status: name, timestamp: String(unixSeconds(at)), recipient_id: message.person.waId, ...extra, biz_opaque_callback_data: message.campaign.tag }] });
    if (message.sentAt) status('sent', message.sentAt, { pricing: PRICING });
    if (message.failed) {
      const { code, title, details } = message.failed;
      status('failed', message.failed.at, { errors: [{ code, title, message: title, error_data: { details }, href: 'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/' }] });
    }
    if (message.deliveredAt) status('delivered', message.deliveredAt, { pricing: PRICING });
    if (message.readAt) status('read', message.readAt, { pricing: PRICING });
    if (message.reply) add(message.reply.at, inbound(message.person, message.reply.wamid, message.reply.at, replyContent(message), message.wamid));
  }
  for (const inquiry of plan.whatsappInquiries) {
    add(inquiry.at, inbound(inquiry.person, inquiry.wamid, inquiry.at, { type: 'text', text: { body: inquiry.text } }));
  }
  // Receivers log bodies as they arrive; a reply never comes before the read receipt it follows.
  bodies.sort((a, b) => a.at - b.at || a.order - b.order);
  return bodies.map((body) => body.text).join('\n') + (bodies.length ? '\n' : '');
}

function replyContent(message: WhatsAppMessage): Record<string, unknown> {
  const reply = message.reply as NonNullable<WhatsAppMessage['reply']>;
  if (reply.button) return { type: 'button', button: { payload: reply.text, text: reply.text } };
  return { type: 'text', text: { body: reply.text } };
}

function inbound(person: Person, wamid: string, at: Date, content: Record<string, unknown>, answering?: string): Record<string, unknown> {
  return {
    contacts: [{ profile: { name: `${person.firstName} ${person.lastName}` }, wa_id: person.waId }],
    messages: [{ ...(answering && { context: { from: BUSINESS_NUMBER, id: answering } }), from: person.waId, id: wamid, timestamp: String(unixSeconds(at)), ...content }],
  };
}

function envelope(value: Record<string, unknown>): string {
  return JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [{ id: WABA_ID, changes: [{ value: { messaging_product: 'whatsapp', metadata: { display_phone_number: BUSINESS_NUMBER, phone_number_id: PHONE_NUMBER_ID }, ...value }, field: 'messages' }] }],
  });
}
