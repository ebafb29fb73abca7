/**
 * The unified records a connector's parser yields. They are the only thing the connector SDK writes:
 * connectors map vendor rows onto these, the SDK resolves contacts, upserts and derives message facts.
 *
 * Identity rules (what makes re-importing a no-op):
 * - a contact is found by (source, externalId), then by normalised email, then by normalised phone;
 * - a campaign by (source, externalId); a list by (source, externalId); a deal by (source, externalId);
 * - a message by (campaign, contact): one send of one campaign to one contact;
 * - an engagement event by (source, sourceEventId): the vendor's own id, or a composite key built by the
 *   connector when the vendor gives none (documented in that connector's map.ts).
 */
import type {
  BounceKind,
  CampaignType,
  Channel,
  DealStatus,
  EngagementEventType,
  LifecycleStage,
  ListMembershipStatus,
  Source,
} from './vocabulary';

/** How a record points at a person. At least one field must be set; the SDK rejects a ref with none. */
export interface ContactRef {
  externalId?: string;
  email?: string;
  phone?: string;
}

export interface ContactRecord {
  kind: 'contact';
  ref: ContactRef;
  firstName?: string;
  lastName?: string;
  company?: string;
  createdAt?: Date;
  /** The source's own lifecycle stage, when it has one (HubSpot). */
  lifecycleStage?: LifecycleStage;
  /** Extra vendor properties kept on the contact (strings only, as most CRMs export them). */
  properties?: Record<string, string>;
}

export interface CampaignRecord {
  kind: 'campaign';
  externalId: string;
  name: string;
  type?: CampaignType;
  channel: Channel;
  subject?: string;
  sentAt?: Date;
  listExternalId?: string;
}

/**
 * Aggregate campaign totals for sources that only give report figures (Mailchimp /reports).
 * Kept as campaign-level facts; metrics say so in their reason when they fall back to them.
 */
export interface CampaignReportRecord {
  kind: 'campaignReport';
  campaignExternalId: string;
  at: Date;
  totals: {
    sent?: number;
    delivered?: number;
    hardBounces?: number;
    softBounces?: number;
    uniqueOpens?: number;
    /** Opens with proxy/machine opens excluded, where the vendor reports it. */
    uniqueOpensHuman?: number;
    totalOpens?: number;
    uniqueClicks?: number;
    totalClicks?: number;
    forwards?: number;
    unsubscribes?: number;
    complaints?: number;
    revenue?: number;
    /** Rates as fractions 0..1 (vendors that give 0..100 are converted by the connector). */
    openRate?: number;
    clickRate?: number;
  };
}

/**
 * A vendor's own counters for one UTC day (SendGrid `/v3/stats`, `/v3/categories/stats`): kept as reported, for
 * reconciliation beside our message facts; metrics never read them. Keyed on (source, scope, day): a re-read
 * day replaces its figures.
 */
export interface VendorStatsRecord {
  kind: 'vendorStats';
  /** "account", or "category:<name>". */
  scope: string;
  /** The day, YYYY-MM-DD (UTC). */
  day: string;
  metrics: Record<string, number>;
}

/** A send of a campaign to a contact, when the source states it apart from its events. */
export interface MessageRecord {
  kind: 'message';
  campaignExternalId: string;
  /**
   * The source whose campaign this is, when not the import's own: a generic read-time row about a SendGrid
   * mailing names `campaignSource: 'sendgrid'` and that mailing's external id, so the read lands on its message.
   */
  campaignSource?: Source;
  contact: ContactRef;
  channel: Channel;
  sentAt?: Date;
  /** The vendor's id of this send (SendGrid sg_message_id, WhatsApp wamid), kept for reference. */
  sourceMessageId?: string;
  /**
   * The source counts a message it sent and did not bounce as delivered, and has no delivery event of its own
   * (Mailchimp's email activity): the message is DELIVERED unless its events say it bounced or was dropped.
   */
  deliveredUnlessBounced?: boolean;
}

export interface EngagementEventRecord {
  kind: 'event';
  /** The vendor's event id, or a composite key when the vendor has none. Unique per source. */
  sourceEventId: string;
  type: EngagementEventType;
  occurredAt: Date;
  contact: ContactRef;
  /** The campaign the event belongs to; events of a message always name its campaign. Absent for site events. */
  campaignExternalId?: string;
  /**
   * The source whose campaign this is, when not the import's own: a generic read-time row about a SendGrid
   * mailing names `campaignSource: 'sendgrid'` and that mailing's external id, so the read lands on its message.
   */
  campaignSource?: Source;
  channel?: Channel;
  sourceMessageId?: string;
  url?: string;
  /** Machine open (privacy proxy / prefetch) or link-scanner click, as flagged by the source. */
  isMachine?: boolean;
  bounceKind?: BounceKind;
  /** Read time in seconds (dwell), when measured. */
  readSeconds?: number;
  /** Money value (conversion revenue). */
  value?: number;
  currency?: string;
  /** The vendor's reason or classification text (bounce reason, drop reason, failure title). */
  reason?: string;
  /** The vendor's record as received, for audit and re-mapping. */
  payload?: unknown;
}

export interface ListRecord {
  kind: 'list';
  externalId: string;
  name: string;
}

export interface ListMembershipRecord {
  kind: 'membership';
  listExternalId: string;
  contact: ContactRef;
  status: ListMembershipStatus;
  /** When the contact entered this status (subscribe date, unsubscribe date, clean date). */
  at: Date;
  reason?: string;
}

export interface DealRecord {
  kind: 'deal';
  externalId: string;
  name?: string;
  contact?: ContactRef;
  amount?: number;
  currency?: string;
  stage?: string;
  status: DealStatus;
  createdAt?: Date;
  closedAt?: Date;
}

export interface LifecycleChangeRecord {
  kind: 'lifecycle';
  contact: ContactRef;
  stage: LifecycleStage;
  at: Date;
  cause: string;
}

export interface SpendRecord {
  kind: 'spend';
  /** Unique per source, so a re-imported spend row is a no-op. */
  externalId: string;
  channel?: Channel;
  campaignExternalId?: string;
  /**
   * The source whose campaign this is, when not the import's own: a generic read-time row about a SendGrid
   * mailing names `campaignSource: 'sendgrid'` and that mailing's external id, so the read lands on its message.
   */
  campaignSource?: Source;
  periodStart: Date;
  periodEnd: Date;
  amount: number;
  currency: string;
  note?: string;
}

export type ImportRecord =
  | ContactRecord
  | CampaignRecord
  | CampaignReportRecord
  | VendorStatsRecord
  | MessageRecord
  | EngagementEventRecord
  | ListRecord
  | ListMembershipRecord
  | DealRecord
  | LifecycleChangeRecord
  | SpendRecord;

export type ImportRecordKind = ImportRecord['kind'];
