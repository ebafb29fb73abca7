import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintRef, text } from './columns';

/**
 * Per workspace × campaign × UTC send day × message source: the numerator and denominator of every message metric
 * (services/metrics/rollups.ts names the keys), so `metrics` sums a few rows per campaign-day instead of scanning
 * messages. Unique counts stay exact: every figure counts messages (their derived facts), never events.
 * Campaign attributes (type, channel, list) are joined at query time, so changing a campaign never stales a row.
 */
@Entity('message_rollup')
export class MessageRollup {
  @PrimaryColumn({ type: 'bigint' })
  workspaceId!: number;

  @PrimaryColumn({ type: 'bigint' })
  campaignId!: number;

  /** UTC day of the message's send time (its campaign's when it has none); 1970-01-01 when neither is known. */
  @PrimaryColumn({ type: 'date' })
  day!: string;

  @PrimaryColumn({ type: 'text' })
  source!: string;

  @bigintRef()
  messages!: number;

  /** Measure key → total over the rows' messages. */
  @Column({ type: 'jsonb' })
  measures!: Record<string, number>;

  /**
   * Fingerprint of the measures' SQL the row was computed with (the catalogue and the workspace's deepReadSeconds):
   * a catalogue change or a new setting rebuilds the rows instead of serving stale or missing totals.
   */
  @text()
  definition!: string;
}

/**
 * Campaigns whose messages changed since their rollup rows were computed; a trigger on `message` adds them in the
 * writing transaction (whatever path wrote: import batch, link re-classification, merge), so no path can forget.
 */
@Entity('message_rollup_dirty')
export class MessageRollupDirty {
  @PrimaryColumn({ type: 'bigint' })
  workspaceId!: number;

  @PrimaryColumn({ type: 'bigint' })
  campaignId!: number;

  @text({ default: 'message' })
  reason!: string;
}
