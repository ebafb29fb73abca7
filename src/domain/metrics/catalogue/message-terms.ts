/**
 * Shared pieces of the message-metric catalogue: the common terms, the dimensions every message metric has,
 * recurring notes and diagnostics.
 */
import type { MetricDefinition, MetricTerm } from '../definition';
import type { MetricInput } from '../inputs';
import { MEASURES } from '../message-measures';
import type { MessageMetricId, MetricDimension } from '../vocabulary';

export const DIMENSIONS: readonly MetricDimension[] = ['campaign', 'campaignType', 'channel', 'source', 'list', 'period'];

export const SENT: MetricTerm = { label: 'messages sent', measure: MEASURES.sent };
export const DELIVERED: MetricTerm = { label: 'delivered messages', measure: MEASURES.delivered };
export const HUMAN_OPENED: MetricTerm = { label: 'delivered messages opened by a human', measure: MEASURES.humanOpened };
export const CLICKED: MetricTerm = { label: 'delivered messages with a human click', measure: MEASURES.humanClicked };
export const MEASURED: MetricTerm = { label: 'messages with a read-time measurement', measure: MEASURES.readMeasured };
export const DELIVERY: MetricInput[] = ['SENDS', 'DELIVERY_STATUS'];

export const HUMAN_ONLY = 'Human-only: machine opens and link-scanner clicks are left out (they are served as their own metrics).';
export const NO_READ_TIME = 'Mailchimp, SendGrid and WhatsApp do not measure read time.';
export const DELIVERY_DIAGNOSTIC = 'Below 95 % or falling: list hygiene (remove hard bounces) and content flagged as spam.';
export const CTR_DIAGNOSTIC = 'Low CTR: look at the subject, the link copy and the link position.';
export const DWELL_DIAGNOSTIC = 'Short dwell: look at the content value and the layout.';

type Entry = Omit<MetricDefinition, 'id' | 'scope' | 'groupBy' | 'filterBy' | 'notes'> & { notes?: string[] };

export function message(id: MessageMetricId, entry: Entry): MetricDefinition {
  return { id, scope: 'message', groupBy: DIMENSIONS, filterBy: DIMENSIONS, ...entry, notes: entry.notes ?? [] };
}
