/**
 * The funnel service's words: a query (period, mode, as-of moment, breakdown) and what it answers, one group per
 * first-touch channel, source or campaign (or one total group), each with its stages and its money metrics.
 */
import type { PathStage } from '../../domain/lifecycle';
import type { MetricValue } from '../../domain/metrics';

export const FUNNEL_MODES = ['COHORT', 'SNAPSHOT'] as const;
export type FunnelMode = (typeof FUNNEL_MODES)[number];

export const FUNNEL_BREAKDOWNS = ['NONE', 'CHANNEL', 'SOURCE', 'CAMPAIGN'] as const;
export type FunnelBreakdown = (typeof FUNNEL_BREAKDOWNS)[number];

export interface FunnelQuery {
  /** Inclusive. */
  from: Date;
  /** Exclusive. */
  to: Date;
  mode: FunnelMode;
  /** Snapshot: the moment counted. Cohort: how far the cohort is followed. */
  at: Date;
  breakdown: FunnelBreakdown;
}

/** A share with its parts; `reason` says why `value` is null (an empty denominator). */
export interface FunnelRate {
  value: number | null;
  numerator: number;
  denominator: number;
  reason: string | null;
}

export interface FunnelStage {
  stage: PathStage;
  count: number;
  conversionToNext: FunnelRate | null;
  cumulativeConversion: FunnelRate;
  medianDaysInStage: MetricValue;
}

export interface FunnelMoney {
  spend: MetricValue;
  leads: MetricValue;
  costPerLead: MetricValue;
  customers: MetricValue;
  costPerAcquisition: MetricValue;
  revenue: MetricValue;
  roi: MetricValue;
  customerLifetimeValue: MetricValue;
  clvToCplRatio: MetricValue;
  clvToCacRatio: MetricValue;
}

export interface FunnelGroup extends FunnelMoney {
  dimension: FunnelBreakdown;
  /** Channel, source or campaign id of the first touch; NONE for contacts never sent a message; ALL ungrouped. */
  key: string;
  label: string;
  /** Contacts of the group the stages count (the cohort, or the contacts with a stage at `at`). */
  contacts: number;
  stages: FunnelStage[];
}

/** A contact's first touch: the campaign of its earliest message. */
export interface FirstTouch {
  campaignId: number;
  campaignName: string;
  channel: string;
  source: string;
}

export interface WonDeal {
  contactId: number;
  amount: number | null;
  currency: string | null;
  /** closedAt, else createdAt; null when the source gave neither. */
  at: Date | null;
}

export interface SpendRow {
  amount: number;
  currency: string;
  /** The spend's own channel, else its campaign's. */
  channel: string | null;
  campaignId: number | null;
  campaignName: string | null;
  /** The source of the spend's campaign (not the spend row's own source, which is who recorded it). */
  campaignSource: string | null;
}
