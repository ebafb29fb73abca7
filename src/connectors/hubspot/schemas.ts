/**
 * zod schemas of the HubSpot JSON this connector reads, checked before mapping so a bad record is rejected at
 * the edge with the field named. Objects are loose: HubSpot adds fields, and the payload is kept for audit.
 * Optional vendor fields are nullish because HubSpot sends `null` for absent values (e.g. `"smtpId": null`).
 */
import { z } from 'zod';
import { shown } from './outcome';

/** An EventId (§3.3): `id` (random string) plus `created` (ms since epoch). */
export const eventIdSchema = z.looseObject({
  id: z.string({ error: 'is not an event id string' }).min(1, { error: 'is empty' }),
  created: z.number({ error: 'is not a Unix time in milliseconds' }).int({ error: 'is not a Unix time in milliseconds' }).positive({ error: 'is not a Unix time in milliseconds' }),
});

const optionalText = z.string({ error: 'is not text' }).nullish();

/** Email Events API event (§3.3, "Response schema" and fixture HS-EMAILEVENT). */
export const emailEventSchema = eventIdSchema.extend({
  type: z.string({ error: 'is missing: every email event has a type (SENT, DELIVERED, OPEN …)' }),
  recipient: optionalText,
  emailCampaignId: z.union([z.number().int(), z.string().regex(/^\d+$/)], { error: 'is not a HubSpot email campaign id' }).nullish(),
  sentBy: eventIdSchema.nullish(),
  filteredEvent: z.boolean({ error: 'is not true or false' }).nullish(),
  duration: z.number({ error: 'is not a number of milliseconds' }).nullish(),
  url: optionalText,
  category: optionalText,
  response: optionalText,
  status: optionalText,
  dropReason: optionalText,
  dropMessage: optionalText,
  suppressedReason: optionalText,
  suppressedMessage: optionalText,
  subscriptions: z.array(z.looseObject({ id: z.union([z.number(), z.string()]).nullish(), status: optionalText })).nullish(),
  portalSubscriptionStatus: optionalText,
  source: optionalText,
});
export type EmailEvent = z.infer<typeof emailEventSchema>;

/** `{ events: [...], hasMore, offset }` (§3.3). */
export const emailEventsPageSchema = z.looseObject({ events: z.array(z.unknown()), hasMore: z.boolean().optional(), offset: z.string().nullish() });

/** CRM v3 object (§3.1): "All property values are strings (or null)". */
export const crmObjectSchema = z.looseObject({
  id: z.string({ error: 'is not a HubSpot record id string' }).regex(/^\d+$/, { error: 'is not a HubSpot record id (digits)' }),
  properties: z.record(z.string(), z.string({ error: 'is not a string: HubSpot sends every property value as a string' }).nullable(), {
    error: 'is missing: a CRM object carries its values in "properties"',
  }),
  createdAt: z.string().optional(),
  updatedAt: z.string().optional(),
  archived: z.boolean().optional(),
  propertiesWithHistory: z
    .record(z.string(), z.array(z.looseObject({ value: z.string().nullable(), timestamp: z.string(), sourceType: z.string().optional() })))
    .optional(),
  associations: z.record(z.string(), z.looseObject({ results: z.array(z.looseObject({ id: z.string(), type: z.string().optional() })) })).optional(),
});
export type CrmObject = z.infer<typeof crmObjectSchema>;

/** A list or search page (§3.5): `{ results, paging?: { next: { after, link? } }, total? }`. */
export const crmPageSchema = z.looseObject({ results: z.array(z.unknown()), total: z.number().optional() });

/** The first issue of a failed parse as a field and a sentence naming it and the value found. */
export function describeIssue(error: z.ZodError, input: unknown): { field: string; reason: string } {
  const issue = error.issues[0];
  const path = issue.path.map(String);
  const field = path.join('.') || '(record)';
  let value: unknown = input;
  for (const key of path) value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  // Messages written here read "is not …"; zod's own ("Invalid input: …") are wrapped to read the same way.
  const message = /^[A-Z]/.test(issue.message) ? `has the wrong shape (${issue.message})` : issue.message;
  if (value === undefined) return { field, reason: `"${field}" is missing${message.startsWith('is missing') ? message.slice('is missing'.length) : ''}` };
  return { field, reason: `"${field}" ${message} (got ${shown(value)})` };
}
