import { Column, Entity, PrimaryColumn } from 'typeorm';
import { timestamptz } from './columns';

/**
 * A vendor's own daily counters (SendGrid `/v3/stats` for the account, `/v3/categories/stats` per category), as
 * the vendor reports them: kept beside our message facts for reconciliation ("does SendGrid's count of delivered
 * mail match ours?"), never mixed into the metrics. One row per workspace, source, scope and UTC day; a re-read day
 * replaces its figures (vendors revise the last days).
 */
@Entity('vendor_daily_stat')
export class VendorDailyStat {
  @PrimaryColumn({ type: 'bigint' })
  workspaceId!: number;

  @PrimaryColumn({ type: 'text' })
  source!: string;

  /** "account", or "category:<name>". */
  @PrimaryColumn({ type: 'text' })
  scope!: string;

  @PrimaryColumn({ type: 'date' })
  day!: string;

  /** The vendor's metric names and counts, e.g. { delivered: 120, unique_opens: 40 }. */
  @Column({ type: 'jsonb' })
  metrics!: Record<string, number>;

  @timestamptz({ default: () => 'now()' })
  updatedAt!: Date;
}
