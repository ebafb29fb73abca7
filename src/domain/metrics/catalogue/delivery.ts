/** Delivery metrics: what reached the inbox (spec "Email and message metrics"). */
import type { MetricDefinition } from '../definition';
import type { MessageMetricId } from '../vocabulary';
import { MEASURES } from '../message-measures';
import { DELIVERED, DELIVERY, DELIVERY_DIAGNOSTIC, SENT, message } from './message-terms';

export const DELIVERY_METRICS = {
  sent: message('sent', {
    name: 'Sent',
    description: 'Messages handed to the provider (SendGrid processed, HubSpot SENT, Mailchimp emails_sent, WhatsApp sent).',
    unit: 'COUNT',
    numerator: SENT,
    denominator: null,
    requiredInputs: ['SENDS'],
    better: null,
    notes: ['A message with a final status (delivered, bounced, dropped) counts as sent even when the export has no send event.'],
  }),
  delivered: message('delivered', {
    name: 'Delivered',
    description: 'Messages whose final status is DELIVERED.',
    unit: 'COUNT',
    numerator: DELIVERED,
    denominator: null,
    requiredInputs: ['DELIVERY_STATUS'],
    better: 'higher',
    notes: ['A message deferred and then delivered is delivered; a click or read proves delivery even without a delivered event.'],
  }),
  deliveryRate: message('deliveryRate', {
    name: 'Delivery rate',
    description: '(Sent − hard bounced − soft bounced − dropped) / sent.',
    unit: 'RATIO',
    numerator: { label: 'sent messages not bounced or dropped', measure: MEASURES.sentNotBouncedOrDropped },
    denominator: SENT,
    requiredInputs: DELIVERY,
    better: 'higher',
    target: { comparison: 'atLeast', value: 0.95, text: 'Keep it at 95 % or more; flag a campaign below its workspace baseline and a falling trend.' },
    diagnostic: DELIVERY_DIAGNOSTIC,
    notes: ['Messages still PENDING count as not bounced, as the formula says: the rate can fall as late bounces arrive.'],
  }),
  hardBounceRate: message('hardBounceRate', {
    name: 'Hard bounce rate',
    description: 'Hard bounced / sent. Hard = permanent (unknown user, bad domain).',
    unit: 'RATIO',
    numerator: { label: 'hard bounced messages', measure: MEASURES.hardBounced },
    denominator: SENT,
    requiredInputs: DELIVERY,
    better: 'lower',
    diagnostic: 'Remove hard-bounced addresses from the list.',
  }),
  softBounceRate: message('softBounceRate', {
    name: 'Soft bounce rate',
    description: 'Soft bounced / sent. Soft = temporary (mailbox full, message too large, server down, blocked).',
    unit: 'RATIO',
    numerator: { label: 'soft bounced messages', measure: MEASURES.softBounced },
    denominator: SENT,
    requiredInputs: DELIVERY,
    better: 'lower',
    notes: ['A soft bounce followed by a delivery counts as delivered; a WhatsApp failure counts as a soft bounce.'],
  }),
  bounceRate: message('bounceRate', {
    name: 'Bounce rate',
    description: '(Hard bounced + soft bounced) / sent.',
    unit: 'RATIO',
    numerator: { label: 'bounced messages (hard or soft)', measure: MEASURES.bounced },
    denominator: SENT,
    requiredInputs: DELIVERY,
    better: 'lower',
    diagnostic: DELIVERY_DIAGNOSTIC,
  }),
} satisfies Partial<Record<MessageMetricId, MetricDefinition>>;
