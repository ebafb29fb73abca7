import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { money, nullableBigintRef, nullableText, nullableTimestamptz, text, timestamptz } from './columns';
import type { Channel, DealStatus } from '../../domain/model';

@Entity('deal')
@Index('deal_source_key', ['workspaceId', 'source', 'externalId'], { unique: true })
@Index('deal_contact_idx', ['workspaceId', 'contactId'])
export class Deal {
  @PrimaryColumn({ type: 'bigint' })
  workspaceId!: number;

  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'BY DEFAULT' })
  id!: number;

  @text()
  source!: string;

  @text()
  externalId!: string;

  @nullableText()
  name!: string | null;

  @nullableBigintRef()
  contactId!: number | null;

  @money({ nullable: true })
  amount!: number | null;

  @nullableText()
  currency!: string | null;

  @nullableText()
  stage!: string | null;

  @text()
  status!: DealStatus;

  @nullableTimestamptz()
  createdAt!: Date | null;

  @nullableTimestamptz()
  closedAt!: Date | null;

  @timestamptz({ default: () => 'now()' })
  updatedAt!: Date;
}

/** Marketing spend for a channel and/or campaign over a period. */
@Entity('spend')
@Index('spend_source_key', ['workspaceId', 'source', 'externalId'], { unique: true })
export class Spend {
  @PrimaryColumn({ type: 'bigint' })
  workspaceId!: number;

  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'BY DEFAULT' })
  id!: number;

  @text()
  source!: string;

  @text()
  externalId!: string;

  @Column({ type: 'text', nullable: true })
  channel!: Channel | null;

  @nullableBigintRef()
  campaignId!: number | null;

  @timestamptz()
  periodStart!: Date;

  @timestamptz()
  periodEnd!: Date;

  @money()
  amount!: number;

  @text()
  currency!: string;

  @nullableText()
  note!: string | null;
}
