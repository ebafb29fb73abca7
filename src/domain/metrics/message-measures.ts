/**
 * The building blocks of message metrics, in the measure language. Rates over delivered messages count only
 * delivered messages in their numerators too, so every such rate is a share in [0, 1] (a message with a click
 * whose final status is a hard bounce, which derived facts allow, counts in neither).
 */
import type { Measure, Predicate } from './measure';

export const isDelivered: Predicate = { field: 'status', eq: 'DELIVERED' };

/**
 * Handed to the provider: a send event was seen, or the message has a final status (a delivery, bounce or drop
 * proves it was handed over even when the export has no send event, e.g. Mailchimp activity).
 */
export const wasSent: Predicate = {
  or: [{ field: 'sentAt', isNotNull: true }, { field: 'status', in: ['DELIVERED', 'SOFT_BOUNCED', 'HARD_BOUNCED', 'DROPPED'] }],
};

export const humanOpened: Predicate = { field: 'firstHumanOpenAt', isNotNull: true };
export const humanClicked: Predicate = { field: 'humanClicks', gt: 0 };
export const readMeasured: Predicate = { field: 'readSeconds', isNotNull: true };

export function countOf(where?: Predicate): Measure {
  return where ? { count: { where } } : { count: {} };
}

/** Messages that are delivered and match every predicate given. */
export function deliveredWith(...predicates: Predicate[]): Measure {
  return countOf(predicates.length === 0 ? isDelivered : { and: [isDelivered, ...predicates] });
}

export const MEASURES = {
  sent: countOf(wasSent),
  delivered: countOf(isDelivered),
  /** The spec's (sent − hard − soft − dropped): sent messages not bounced or dropped, PENDING ones included. */
  sentNotBouncedOrDropped: countOf({
    and: [wasSent, { not: { field: 'status', in: ['HARD_BOUNCED', 'SOFT_BOUNCED', 'DROPPED'] } }],
  }),
  hardBounced: countOf({ field: 'status', eq: 'HARD_BOUNCED' }),
  softBounced: countOf({ field: 'status', eq: 'SOFT_BOUNCED' }),
  bounced: countOf({ field: 'status', in: ['HARD_BOUNCED', 'SOFT_BOUNCED'] }),
  humanOpened: deliveredWith(humanOpened),
  onlyMachineOpened: deliveredWith({ field: 'machineOpens', gt: 0 }, { field: 'firstHumanOpenAt', isNull: true }),
  humanClicked: deliveredWith(humanClicked),
  onlyScannerClicked: deliveredWith({ field: 'scannerClicks', gt: 0 }, { field: 'humanClicks', eq: 0 }),
  /** Derived facts always open a clicked message; requiring both keeps click-to-open ≤ 1 on any facts. */
  humanOpenedAndClicked: deliveredWith(humanOpened, humanClicked),
  humanClicks: { sum: 'humanClicks', where: isDelivered },
  clickedInCategory: deliveredWith({ field: 'clickedLinkCategories', contains: { param: 'linkCategory' } }),
  readSecondsTotal: { sum: 'readSeconds', where: readMeasured },
  readMeasured: countOf(readMeasured),
  readDeeply: countOf({ field: 'readSeconds', gte: { param: 'deepReadSeconds' } }),
  replied: deliveredWith({ field: 'replied', eq: true }),
  forwarded: deliveredWith({ field: 'forwarded', eq: true }),
  unsubscribed: deliveredWith({ field: 'unsubscribed', eq: true }),
  complained: deliveredWith({ field: 'complained', eq: true }),
  converted: deliveredWith({ field: 'converted', eq: true }),
  clickedAndConverted: deliveredWith(humanClicked, { field: 'converted', eq: true }),
  revenue: { sum: 'revenue' },
  ownSiteClicks: { sum: 'ownSiteClicks' },
} as const satisfies Record<string, Measure>;
