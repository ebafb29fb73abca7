import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { nullableBigintRef, nullableText, nullableTimestamptz, text, timestamptz } from './columns';
import type { CampaignType, Channel } from '../../domain/model';

@Entity('campaign')
@Index('campaign_source_key', ['workspaceId', 'source', 'externalId'], { unique: true })
@Index('campaign_sent_idx', ['workspaceId', 'sentAt'])
export class Campaign {
  @PrimaryColumn({ type: 'bigint' })
  workspaceId!: number;

  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'BY DEFAULT' })
  id!: number;

  @text()
  source!: string;

  @text()
  externalId!: string;

  @text()
  name!: string;

  @text({ default: 'OTHER' })
  type!: CampaignType;

  @text()
  channel!: Channel;

  @nullableText()
  subject!: string | null;

  @nullableTimestamptz()
  sentAt!: Date | null;

  @nullableBigintRef()
  listId!: number | null;

  @timestamptz({ default: () => 'now()' })
  createdAt!: Date;
}

/** Aggregate report totals of a campaign, for sources that give only those (Mailchimp /reports). */
@Entity('campaign_report')
export class CampaignReport {
  @PrimaryColumn({ type: 'bigint' })
  workspaceId!: number;

  @PrimaryColumn({ type: 'bigint' })
  campaignId!: number;

  @text()
  source!: string;

  @Column({ type: 'jsonb' })
  totals!: Record<string, number>;

  @timestamptz()
  reportedAt!: Date;
}
