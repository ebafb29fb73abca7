import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { AlertKind } from '../../domain/metrics/alerts';
import { bigintRef, nullableTimestamptz, text, timestamptz } from './columns';

/**
 * A metric alert of a campaign (domain/metrics/alerts.ts). One open alert per campaign, kind and metric: while
 * the condition holds it is not raised again; when a later evaluation finds it gone, `cleared_at` is set. The id
 * is the `metricAlert(after:)` cursor.
 */
@Entity('metric_alert')
@Index('metric_alert_open_key', ['workspaceId', 'campaignId', 'kind', 'metric'], { unique: true, where: 'cleared_at IS NULL' })
@Index('metric_alert_campaign_idx', ['workspaceId', 'campaignId', 'id'])
export class MetricAlert {
  @PrimaryColumn({ type: 'bigint' })
  workspaceId!: number;

  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'BY DEFAULT' })
  id!: number;

  @bigintRef()
  campaignId!: number;

  @text()
  kind!: AlertKind;

  @text()
  metric!: string;

  @Column({ type: 'double precision' })
  value!: number;

  @Column({ type: 'double precision' })
  threshold!: number;

  @text()
  message!: string;

  @timestamptz({ default: () => 'now()' })
  raisedAt!: Date;

  @nullableTimestamptz()
  clearedAt!: Date | null;
}
