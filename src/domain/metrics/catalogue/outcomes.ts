/** Outcome metrics of messages: conversions, revenue and site traffic they drove. */
import type { MetricDefinition } from '../definition';
import type { MessageMetricId } from '../vocabulary';
import { MEASURES } from '../message-measures';
import { CLICKED, DELIVERED, SENT, message } from './message-terms';

export const OUTCOME_METRICS = {
  conversionRate: message('conversionRate', {
    name: 'Conversion rate',
    description:
      'Messages whose contact converted (attributed to the message within the attribution window, default 30 days after the click) / delivered.',
    unit: 'RATIO',
    numerator: { label: 'delivered messages with an attributed conversion', measure: MEASURES.converted },
    denominator: DELIVERED,
    requiredInputs: ['DELIVERY_STATUS', 'CONVERSIONS'],
    better: 'higher',
    notes: ['Attribution is decided when conversions are written to messages; this counts the messages marked converted.'],
  }),
  clickToConversionRate: message('clickToConversionRate', {
    name: 'Click-to-conversion rate',
    description: 'Converted messages / clicked messages.',
    unit: 'RATIO',
    numerator: { label: 'delivered messages with a human click and a conversion', measure: MEASURES.clickedAndConverted },
    denominator: CLICKED,
    requiredInputs: ['DELIVERY_STATUS', 'CLICKS', 'CONVERSIONS'],
    better: 'higher',
    notes: ['Only converted messages that were clicked count, so the rate is a share of the clicked messages.'],
  }),
  revenue: message('revenue', {
    name: 'Revenue',
    description: 'Revenue attributed to the messages.',
    unit: 'MONEY',
    numerator: { label: 'attributed revenue', measure: MEASURES.revenue },
    denominator: null,
    requiredInputs: ['REVENUE'],
    better: 'higher',
    notes: ['Summed as recorded: amounts in different currencies are not converted.'],
  }),
  revenuePerEmail: message('revenuePerEmail', {
    name: 'Revenue per email',
    description: 'Attributed revenue / sent.',
    unit: 'MONEY_PER_MESSAGE',
    numerator: { label: 'attributed revenue', measure: MEASURES.revenue },
    denominator: SENT,
    requiredInputs: ['SENDS', 'REVENUE'],
    better: 'higher',
  }),
  trafficSessions: message('trafficSessions', {
    name: 'Email-driven site traffic',
    description: "Human clicks that land on the workspace's own site domains (email-driven website traffic).",
    unit: 'COUNT',
    numerator: { label: 'human clicks landing on own site domains', measure: MEASURES.ownSiteClicks },
    denominator: null,
    requiredInputs: ['CLICKS', 'SITE_DOMAINS'],
    better: 'higher',
    notes: ['Each human click counts as one session.'],
  }),
} satisfies Partial<Record<MessageMetricId, MetricDefinition>>;
