import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { money, nullableText, nullableTimestamptz, text, timestamptz } from './columns';
import type { Channel, DeliveryStatus, LinkCategory } from '../../domain/model';

/**
 * One send of one campaign to one contact: the unit of counting. Its derived facts (domain/messages) are kept
 * here so metrics never scan raw events; the connector SDK rewrites them whenever the message gains events.
 */
@Entity('message')
@Index('message_campaign_contact_key', ['workspaceId', 'campaignId', 'contactId'], { unique: true })
@Index('message_contact_idx', ['workspaceId', 'contactId'])
export class Message {
  @PrimaryColumn({ type: 'bigint' })
  workspaceId!: number;

  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'BY DEFAULT' })
  id!: number;

  @Column({ type: 'bigint' })
  campaignId!: number;

  @Column({ type: 'bigint' })
  contactId!: number;

  @text()
  channel!: Channel;

  @text()
  source!: string;

  @nullableText()
  sourceMessageId!: string | null;

  @text({ default: 'PENDING' })
  status!: DeliveryStatus;

  /** The source counts sent-and-not-bounced as delivered (records.ts, MessageRecord.deliveredUnlessBounced). */
  @Column({ type: 'boolean', default: false })
  deliveredUnlessBounced!: boolean;

  @nullableTimestamptz()
  statusAt!: Date | null;

  @nullableTimestamptz()
  sentAt!: Date | null;

  @nullableTimestamptz()
  deliveredAt!: Date | null;

  @nullableTimestamptz()
  firstHumanOpenAt!: Date | null;

  @Column({ type: 'integer', default: 0 })
  humanOpens!: number;

  @Column({ type: 'integer', default: 0 })
  machineOpens!: number;

  @nullableTimestamptz()
  firstHumanClickAt!: Date | null;

  @Column({ type: 'integer', default: 0 })
  humanClicks!: number;

  @Column({ type: 'integer', default: 0 })
  scannerClicks!: number;

  @Column({ type: 'integer', default: 0 })
  ownSiteClicks!: number;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  clickedLinkCategories!: LinkCategory[];

  @Column({ type: 'double precision', nullable: true })
  readSeconds!: number | null;

  @Column({ type: 'boolean', default: false })
  replied!: boolean;

  @Column({ type: 'boolean', default: false })
  forwarded!: boolean;

  @Column({ type: 'boolean', default: false })
  unsubscribed!: boolean;

  @Column({ type: 'boolean', default: false })
  complained!: boolean;

  @Column({ type: 'boolean', default: false })
  converted!: boolean;

  @money({ default: 0 })
  revenue!: number;

  @nullableTimestamptz()
  lastEventAt!: Date | null;

  @timestamptz({ default: () => 'now()' })
  updatedAt!: Date;
}
