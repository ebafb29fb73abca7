/**
 * Inputs a metric needs, and which sources can supply them. A metric whose input no selected source supplies is
 * served as null with this reason, never as 0 (spec: "Where a source cannot supply an input, the metric is
 * null with a reason").
 *
 * The table follows ../shared/reference/source-formats.md and the connectors: SendGrid has no reply or forward
 * events, Mailchimp and SendGrid measure no read time, HubSpot's email events carry an open `duration`, WhatsApp
 * has read receipts and inbound replies but no click tracking, the generic connector carries read times, site
 * events, conversions and spend. Workspace settings (own site domains) are inputs too.
 */
import type { Source } from '../model';

export const METRIC_INPUTS = [
  'SENDS',
  'DELIVERY_STATUS',
  'OPENS',
  'CLICKS',
  'READ_TIME',
  'REPLIES',
  'FORWARDS',
  'UNSUBSCRIBES',
  'COMPLAINTS',
  'CONVERSIONS',
  'REVENUE',
  'SITE_DOMAINS',
  'LIST_MEMBERSHIPS',
  'LIFECYCLE_HISTORY',
  'SPEND',
  'CUSTOMER_REVENUE_HISTORY',
  'INTERACTIONS',
] as const;
export type MetricInput = (typeof METRIC_INPUTS)[number];

export const INPUT_DESCRIPTIONS: Readonly<Record<MetricInput, string>> = {
  SENDS: 'send events (messages handed to the provider)',
  DELIVERY_STATUS: 'delivery, bounce and drop events',
  OPENS: 'open events',
  CLICKS: 'click events',
  READ_TIME: 'read-time measurements',
  REPLIES: 'reply or inquiry events',
  FORWARDS: 'forward or share events',
  UNSUBSCRIBES: 'unsubscribe events',
  COMPLAINTS: 'spam complaint events',
  CONVERSIONS: 'conversion events',
  REVENUE: 'conversion values (revenue)',
  SITE_DOMAINS: "the workspace's own site domains (a workspace setting)",
  LIST_MEMBERSHIPS: 'list membership history',
  LIFECYCLE_HISTORY: 'lifecycle stage history',
  SPEND: 'recorded marketing spend',
  CUSTOMER_REVENUE_HISTORY: "customers' revenue history (won deals)",
  INTERACTIONS: 'interaction events (clicks, replies, page views, form submits)',
};

const ESP: MetricInput[] = ['SENDS', 'DELIVERY_STATUS', 'OPENS', 'CLICKS', 'INTERACTIONS'];

/**
 * What each source's connector brings in per message (or, for list, lifecycle and deal data, per contact).
 * Mailchimp's forwards, unsubscribes, complaints and revenue exist only as campaign report totals, not per
 * message, so its message metrics cannot use them. Keep this table in step with the connectors.
 */
export const SOURCE_INPUTS: Readonly<Record<Source, readonly MetricInput[]>> = {
  sendgrid: [...ESP, 'UNSUBSCRIBES', 'COMPLAINTS'],
  mailchimp: [...ESP, 'LIST_MEMBERSHIPS'],
  hubspot: [...ESP, 'READ_TIME', 'FORWARDS', 'UNSUBSCRIBES', 'COMPLAINTS', 'LIFECYCLE_HISTORY', 'CUSTOMER_REVENUE_HISTORY'],
  whatsapp: ['SENDS', 'DELIVERY_STATUS', 'OPENS', 'REPLIES', 'INTERACTIONS'],
  generic: [...ESP, 'READ_TIME', 'REPLIES', 'FORWARDS', 'UNSUBSCRIBES', 'COMPLAINTS', 'CONVERSIONS', 'REVENUE', 'SPEND'],
  manual: ['SPEND', 'LIFECYCLE_HISTORY'],
  demo: METRIC_INPUTS.filter((input) => input !== 'SITE_DOMAINS'),
};

/** The inputs available to a workspace: the union of its sources' inputs, plus settings it has made. */
export function availableInputs(sources: Iterable<Source>, settings: { siteDomains?: readonly string[] } = {}): Set<MetricInput> {
  const inputs = new Set<MetricInput>();
  for (const source of sources) for (const input of SOURCE_INPUTS[source]) inputs.add(input);
  if (settings.siteDomains && settings.siteDomains.length > 0) inputs.add('SITE_DOMAINS');
  return inputs;
}

/** The required inputs that are not available, in catalogue order. */
export function missingInputs(required: readonly MetricInput[], available: ReadonlySet<MetricInput>): MetricInput[] {
  return required.filter((input) => !available.has(input));
}

/** Why a metric is null for want of inputs, e.g. "needs read-time measurements, which none of the workspace's sources supply". */
export function missingInputReason(missing: readonly MetricInput[]): string {
  const what = missing.map((input) => INPUT_DESCRIPTIONS[input]).join(' and ');
  return `needs ${what}, which none of the selected sources supply`;
}
