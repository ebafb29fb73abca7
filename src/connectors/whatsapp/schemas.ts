/**
 * zod schemas of the WhatsApp Business Cloud API webhook (field `messages`), after Meta's "Webhooks
 * Components" reference and source-formats.md §4.2. Only the fields the mapping reads are declared; the rest
 * of each object is kept as the event's payload. Items (one status, one inbound message) are validated one by
 * one, so one bad item is one rejection and its neighbours still import.
 */
import { z } from 'zod';

/** Meta sends Unix seconds as strings ("1698266945"); numbers are accepted too. */
const unixTime = z.union([z.string(), z.number()]);

const errorSchema = z.object({
  code: z.number().optional(),
  title: z.string().optional(),
  message: z.string().optional(),
  details: z.string().optional(),
  error_data: z.object({ details: z.string().optional() }).optional(),
});

export const statusSchema = z.object({
  id: z.string().min(1),
  status: z.string(),
  timestamp: unixTime,
  recipient_id: z.string().optional(),
  recipient_user_id: z.string().optional(),
  conversation: z
    .object({
      id: z.string().optional(),
      origin: z.object({ type: z.string().optional() }).optional(),
    })
    .optional(),
  pricing: z
    .object({
      billable: z.boolean().optional(),
      pricing_model: z.string().optional(),
      type: z.string().optional(),
      category: z.string().optional(),
    })
    .optional(),
  errors: z.array(errorSchema).optional(),
  biz_opaque_callback_data: z.string().optional(),
});
export type WebhookStatus = z.infer<typeof statusSchema>;

export const inboundMessageSchema = z.object({
  id: z.string().min(1),
  from: z.string().optional(),
  from_user_id: z.string().optional(),
  timestamp: unixTime,
  type: z.string(),
  context: z.object({ id: z.string().optional(), from: z.string().optional() }).optional(),
  errors: z.array(errorSchema).optional(),
});
export type WebhookInboundMessage = z.infer<typeof inboundMessageSchema>;

export const contactSchema = z.object({
  wa_id: z.string().optional(),
  user_id: z.string().optional(),
  profile: z
    .object({
      name: z.string().optional(),
      username: z.string().optional(),
      country_code: z.string().optional(),
    })
    .optional(),
});
export type WebhookContact = z.infer<typeof contactSchema>;

/** The envelope down to `value`; statuses and messages stay unknown[] until validated one by one. */
export const envelopeSchema = z.object({
  object: z.literal('whatsapp_business_account'),
  entry: z.array(
    z.object({
      id: z.string().optional(),
      changes: z.array(
        z.object({
          field: z.string(),
          value: z.object({
            contacts: z.array(z.unknown()).optional(),
            messages: z.array(z.unknown()).optional(),
            statuses: z.array(z.unknown()).optional(),
          }),
        }),
      ),
    }),
  ),
});
export type WebhookEnvelope = z.infer<typeof envelopeSchema>;

/** The first problem zod found, as `"path" message`, for a rejection reason. */
export function describeIssue(error: z.ZodError, prefix: string): { field: string; reason: string } {
  const issue = error.issues[0];
  const field = [prefix, ...issue.path.map(String)].filter((part) => part !== '').join('.');
  // zod says "expected string, received undefined" for an absent field; say it plainly.
  const missing = issue.code === 'invalid_type' && /received undefined/.test(issue.message);
  return { field, reason: missing ? `"${field}" is missing` : `"${field}": ${issue.message}` };
}
