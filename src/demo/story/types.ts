/**
 * The demo story as plain data: who the people are, which campaigns went to whom and what happened to each
 * message. The source generators only render these facts in each vendor's format, so every file tells the
 * same story (the contact who clicked in SendGrid is the one who replied on WhatsApp and signed the deal).
 */
import type { CampaignType, LifecycleStage } from '../../domain/model';

/** How strongly a person engages; decides the odds of every behaviour, so tiers come out visibly different. */
export type Segment = 'hot' | 'potential' | 'engaged' | 'low';

export type Stage = Exclude<LifecycleStage, 'DISQUALIFIED'>;

export interface Person {
  index: number;
  /** HubSpot record id (digits). */
  recordId: string;
  firstName: string;
  lastName: string;
  /** Lower-case address, unique. */
  email: string;
  company: string;
  country: string;
  countryIso: string;
  /** As the CRM shows it: "+49 151 23456789"; absent for most contacts. */
  phone?: string;
  /** The same number as WhatsApp writes it (digits, no "+"), when the person opted in to WhatsApp. */
  waId?: string;
  createdAt: Date;
  segment: Segment;
  stage: Stage;
  /** HubSpot "Original Source" label. */
  originalSource: string;
  /** A mailbox that does not exist: every send hard-bounces. */
  invalidMailbox: boolean;
  /** From the old trade-fair list imported once and mailed once: the campaign with the bounce problem. */
  legacyList: boolean;
  /** Reads mail in Apple Mail with Privacy Protection: every delivered mail gets a machine open. */
  machineOpener: boolean;
  /** The company's mail gateway clicks every link within a second of delivery. */
  linkScanner: boolean;
  /** On the Mailchimp audience used before the move to SendGrid. */
  mailchimpMember: boolean;
}

export type LinkKind = 'PRODUCT' | 'CASE_STUDY' | 'INQUIRY' | 'CONTENT';

export interface CampaignLink {
  url: string;
  kind: LinkKind;
}

export interface EmailCampaign {
  /** Short stable key: UTM campaign, sample file names. */
  key: string;
  esp: 'sendgrid' | 'mailchimp';
  /** SendGrid singlesend_id (UUID) or Mailchimp campaign id (10 hex). */
  externalId: string;
  name: string;
  subject: string;
  type: CampaignType;
  sendAt: Date;
  links: CampaignLink[];
  unsubscribeUrl: string;
  /** Multipliers on the people's base odds. */
  clickFactor: number;
  openFactor: number;
  unsubscribeFactor: number;
  /** Base odds of a temporary failure (mailbox full, blocked) per message. */
  softBounceRate: number;
  /** The campaign read time and form rows of this mailing name, with campaign_source sendgrid (SendGrid only). */
  trackingCampaign?: string;
  audience(person: Person): boolean;
}

export type DeliveryOutcome =
  | { kind: 'delivered'; at: Date }
  | { kind: 'bounced'; hard: boolean; at: Date; reason: string; status: string; classification: string }
  | { kind: 'dropped'; at: Date; reason: string };

export interface EmailOpen {
  at: Date;
  machine: boolean;
}

export interface EmailClick {
  at: Date;
  url: string;
  kind: LinkKind | 'UNSUBSCRIBE';
  /** A gateway's link scanner, not the person. */
  scanner: boolean;
}

export interface EmailMessage {
  campaign: EmailCampaign;
  person: Person;
  processedAt: Date;
  /** Temporary failures before the final outcome, with the server's reply. */
  deferrals: Array<{ at: Date; response: string }>;
  outcome: DeliveryOutcome;
  opens: EmailOpen[];
  clicks: EmailClick[];
  unsubscribe?: { at: Date; viaLink: boolean };
  complainedAt?: Date;
  forwarded: boolean;
}

export interface WhatsAppCampaign {
  key: string;
  /** Sent as biz_opaque_callback_data, which Meta echoes on every status: the campaign's identity. */
  tag: string;
  template: string;
  sendAt: Date;
  /** Free-text answers people send, and the template's quick-reply button. */
  replies: readonly string[];
  button: string;
  audience(person: Person): boolean;
}

export interface WhatsAppMessage {
  campaign: WhatsAppCampaign;
  person: Person;
  wamid: string;
  sentAt?: Date;
  deliveredAt?: Date;
  readAt?: Date;
  failed?: { at: Date; code: number; title: string; details: string };
  reply?: { at: Date; wamid: string; text: string; button: boolean };
}

/** An inbound WhatsApp message that answers no broadcast: an inquiry. */
export interface WhatsAppInquiry {
  person: Person;
  at: Date;
  wamid: string;
  text: string;
}

export interface Deal {
  recordId: string;
  person: Person;
  name: string;
  /** HubSpot default-pipeline stage label. */
  stageLabel: string;
  status: 'OPEN' | 'WON' | 'LOST';
  amount: number;
  createdAt: Date;
  /** The close date; for an open deal, the forecast. */
  closeAt: Date;
}

export interface CrmState {
  stageDates: Map<number, Partial<Record<Stage, Date>>>;
  leadStatus: Map<number, string>;
  deals: Deal[];
}

export type SiteEventType = 'READ' | 'PAGE_VIEW' | 'FORM_SUBMITTED' | 'CONVERTED';

export interface SiteEvent {
  id: string;
  type: SiteEventType;
  person: Person;
  at: Date;
  campaign?: string;
  url?: string;
  readSeconds?: number;
  value?: number;
}

export interface SpendRow {
  id: string;
  channel: 'EMAIL' | 'WHATSAPP';
  periodStart: Date;
  periodEnd: Date;
  amount: number;
}
