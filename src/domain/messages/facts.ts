/**
 * A message's derived facts: everything metrics count, kept on the message row so no metric scans raw events.
 * They are a pure function of the message's set of events (deriveMessageFacts), so the order events arrive in,
 * or how they are split over imports, cannot change them.
 */
import type { BounceKind, DeliveryStatus, EngagementEventType, LinkCategory } from '../model';

export interface MessageFacts {
  status: DeliveryStatus;
  /** When the final status was reached (the event that decided it). */
  statusAt: Date | null;
  sentAt: Date | null;
  deliveredAt: Date | null;
  /** First human open; a human click (or a WhatsApp read receipt) counts as one (spec). */
  firstHumanOpenAt: Date | null;
  humanOpens: number;
  machineOpens: number;
  firstHumanClickAt: Date | null;
  humanClicks: number;
  scannerClicks: number;
  /** Human clicks that landed on the workspace's own site domains (email-driven traffic). */
  ownSiteClicks: number;
  /** Categories of the links a human clicked, sorted, without repeats. */
  clickedLinkCategories: LinkCategory[];
  /** Longest measured read time of the message, in seconds; null when never measured. */
  readSeconds: number | null;
  replied: boolean;
  forwarded: boolean;
  unsubscribed: boolean;
  complained: boolean;
  converted: boolean;
  /** Sum of the values of the message's conversions. */
  revenue: number;
  lastEventAt: Date | null;
}

/** What deriving facts needs to know of one event (the writer resolves link category and site). */
export interface FactEvent {
  sourceEventId: string;
  type: EngagementEventType;
  occurredAt: Date;
  isMachine?: boolean;
  bounceKind?: BounceKind | null;
  readSeconds?: number | null;
  value?: number | null;
  linkCategory?: LinkCategory | null;
  ownSite?: boolean;
}

export interface FactSettings {
  /** A click this soon after delivery (or sending) is taken as a link scanner's, not a person's. */
  scannerWindowSeconds: number;
  /** The source counts sent-and-not-bounced as delivered (Mailchimp): no bounce or drop means DELIVERED. */
  deliveredUnlessBounced?: boolean;
}

export const DEFAULT_FACT_SETTINGS: FactSettings = { scannerWindowSeconds: 2 };

export const EMPTY_FACTS: MessageFacts = {
  status: 'PENDING',
  statusAt: null,
  sentAt: null,
  deliveredAt: null,
  firstHumanOpenAt: null,
  humanOpens: 0,
  machineOpens: 0,
  firstHumanClickAt: null,
  humanClicks: 0,
  scannerClicks: 0,
  ownSiteClicks: 0,
  clickedLinkCategories: [],
  readSeconds: null,
  replied: false,
  forwarded: false,
  unsubscribed: false,
  complained: false,
  converted: false,
  revenue: 0,
  lastEventAt: null,
};
