/** The shapes the metrics service takes and serves (GraphQL and the CSV export both map onto these). */
import type { CampaignType, Channel, LinkCategory } from '../../domain/model';
import type { MetricGrouping, MetricValue } from '../../domain/metrics';

/** Which messages to count. Dates apply to the message's send time, or its campaign's when the message has none. */
export interface MetricFilter {
  /** Inclusive. */
  from?: Date | null;
  /** Exclusive. */
  to?: Date | null;
  campaignIds?: readonly number[] | null;
  channel?: Channel | null;
  campaignType?: CampaignType | null;
  source?: string | null;
  listId?: number | null;
  /** A segment: only these contacts' messages. */
  contactIds?: readonly number[] | null;
}

export interface MetricQuery {
  filter?: MetricFilter | null;
  groupBy?: MetricGrouping | null;
  /** Catalogue ids; every message metric when absent or empty. */
  metrics?: readonly string[] | null;
  /**
   * Where to count: the rollup tables whenever they can answer (the default), or always the message table
   * (benchmarks and the tests that prove both agree).
   */
  from?: 'rollups' | 'messages';
}

/** A metric value as served: a per-category value names its link category. */
export type ServedValue = MetricValue & { linkCategory: LinkCategory | null };

export interface MetricGroup {
  /** null for the ungrouped total. */
  dimension: MetricGrouping | null;
  key: string;
  label: string;
}

export interface MetricRow {
  group: MetricGroup;
  /** Messages in the group (whatever their status): the rows every measure counts over. */
  messages: number;
  values: ServedValue[];
  /** The click rate the workspace's `ctrMode` calls "CTR" (clickRate or totalClickRate). */
  ctr: ServedValue;
}

/** The workspace settings metrics read. */
export interface MetricSettings {
  ctrMode: 'UNIQUE' | 'TOTAL';
  deepReadSeconds: number;
  siteDomains: readonly string[];
}
