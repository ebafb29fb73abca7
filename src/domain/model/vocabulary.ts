/**
 * The domain's closed vocabularies. Each is a const array (so it can be iterated, validated against and turned
 * into a GraphQL enum) plus the union type derived from it. Words come from ../shared/spec/metrics.md.
 */

export const SOURCES = ['sendgrid', 'mailchimp', 'hubspot', 'whatsapp', 'generic', 'manual', 'demo'] as const;
export type Source = (typeof SOURCES)[number];

export const CHANNELS = ['EMAIL', 'WHATSAPP'] as const;
export type Channel = (typeof CHANNELS)[number];

export const CAMPAIGN_TYPES = ['NEWSLETTER', 'PROMOTIONAL', 'TRANSACTIONAL', 'NURTURE', 'OTHER'] as const;
export type CampaignType = (typeof CAMPAIGN_TYPES)[number];

/** Final delivery status of a message: exactly one of these (spec, "The unit of counting"). */
export const DELIVERY_STATUSES = ['PENDING', 'DELIVERED', 'SOFT_BOUNCED', 'HARD_BOUNCED', 'DROPPED'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** Lifecycle stages in path order, then DISQUALIFIED off the path. */
export const LIFECYCLE_PATH = ['SUBSCRIBER', 'LEAD', 'MQL', 'SQL', 'OPPORTUNITY', 'CUSTOMER'] as const;
export const LIFECYCLE_STAGES = [...LIFECYCLE_PATH, 'DISQUALIFIED'] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

export const LINK_CATEGORIES = ['PRODUCT', 'CASE_STUDY', 'INQUIRY', 'CONTENT', 'UNSUBSCRIBE', 'OTHER'] as const;
export type LinkCategory = (typeof LINK_CATEGORIES)[number];

export const API_KEY_SCOPES = ['read', 'write', 'admin'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export const LIST_MEMBERSHIP_STATUSES = ['SUBSCRIBED', 'UNSUBSCRIBED', 'CLEANED', 'PENDING'] as const;
export type ListMembershipStatus = (typeof LIST_MEMBERSHIP_STATUSES)[number];

export const DEAL_STATUSES = ['OPEN', 'WON', 'LOST'] as const;
export type DealStatus = (typeof DEAL_STATUSES)[number];

export const ENGAGEMENT_TIERS = ['CORE', 'POTENTIAL', 'ENGAGED', 'LOW', 'UNRATED'] as const;
export type EngagementTier = (typeof ENGAGEMENT_TIERS)[number];

/**
 * Engagement event types of the unified ledger. Every vendor event maps onto one of these;
 * vendor detail the model has no word for stays in the event's payload.
 */
export const ENGAGEMENT_EVENT_TYPES = [
  'SENT', // handed to the provider (SendGrid processed, HubSpot SENT/PROCESSED, WhatsApp sent)
  'DEFERRED', // temporary delay; not final
  'DELIVERED',
  'BOUNCED', // with bounceKind HARD or SOFT
  'DROPPED', // the provider refused to attempt delivery
  'OPENED', // email open; isMachine marks proxy/prefetch opens
  'CLICKED', // isMachine marks link-scanner clicks
  'READ', // WhatsApp read receipt, or a read-time measurement (readSeconds)
  'REPLIED', // email reply, WhatsApp inbound answer, inquiry
  'FORWARDED',
  'UNSUBSCRIBED',
  'RESUBSCRIBED',
  'COMPLAINED', // spam report
  'CONVERTED', // with value = revenue when known
  'PAGE_VIEW', // site visit (generic connector)
  'FORM_SUBMITTED', // inquiry or form submit (generic connector)
  'PRINTED',
  'FAILED', // WhatsApp failed
] as const;
export type EngagementEventType = (typeof ENGAGEMENT_EVENT_TYPES)[number];

export const BOUNCE_KINDS = ['HARD', 'SOFT'] as const;
export type BounceKind = (typeof BOUNCE_KINDS)[number];

/** Membership test that narrows a string to one of a vocabulary's words. */
export function isOneOf<T extends string>(words: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (words as readonly string[]).includes(value);
}
