import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { nullableBigintRef, nullableText, nullableTimestamptz, text, timestamptz } from './columns';
import type { EngagementTier, LifecycleStage } from '../../domain/model';

/** One person across all sources. Merged contacts keep their row, pointing at the survivor (merged_into_id). */
@Entity('contact')
@Index('contact_email_key', ['workspaceId', 'email'], { unique: true, where: 'email IS NOT NULL AND merged_into_id IS NULL' })
@Index('contact_phone_key', ['workspaceId', 'phone'], { unique: true, where: 'phone IS NOT NULL AND merged_into_id IS NULL' })
@Index('contact_stage_idx', ['workspaceId', 'lifecycleStage'])
@Index('contact_score_idx', ['workspaceId', 'score'])
@Index('contact_tier_idx', ['workspaceId', 'tier'])
export class Contact {
  @PrimaryColumn({ type: 'bigint' })
  workspaceId!: number;

  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'BY DEFAULT' })
  id!: number;

  @nullableText()
  email!: string | null;

  /** E.164. */
  @nullableText()
  phone!: string | null;

  @nullableText()
  firstName!: string | null;

  @nullableText()
  lastName!: string | null;

  @nullableText()
  company!: string | null;

  @text({ default: 'SUBSCRIBER' })
  lifecycleStage!: LifecycleStage;

  @nullableTimestamptz()
  lifecycleStageAt!: Date | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  properties!: Record<string, string>;

  @nullableBigintRef()
  mergedIntoId!: number | null;

  @nullableTimestamptz()
  lastActivityAt!: Date | null;

  /** The score as of the last refresh (events, rules change, or the sweep when points decay); the ledger explains it. */
  @Column({ type: 'double precision', default: 0 })
  score!: number;

  @text({ default: 'UNRATED' })
  tier!: EngagementTier;

  @nullableTimestamptz()
  tierSince!: Date | null;

  /** The TierSignals of the last rating. */
  @Column({ type: 'jsonb', nullable: true })
  tierSignals!: Record<string, unknown> | null;

  /** When the tier was last computed: the sweep re-rates contacts a message has aged out of the window since. */
  @nullableTimestamptz()
  tierRatedAt!: Date | null;

  @timestamptz({ default: () => 'now()' })
  createdAt!: Date;

  @timestamptz({ default: () => 'now()' })
  updatedAt!: Date;
}

/** A source's own id for a contact: (source, external id) → contact. */
@Entity('contact_identity')
@Index('contact_identity_contact_idx', ['workspaceId', 'contactId'])
export class ContactIdentity {
  @PrimaryColumn({ type: 'bigint' })
  workspaceId!: number;

  @PrimaryColumn({ type: 'text' })
  source!: string;

  @PrimaryColumn({ type: 'text' })
  externalId!: string;

  @Column({ type: 'bigint' })
  contactId!: number;

  @timestamptz({ default: () => 'now()' })
  createdAt!: Date;
}

/** The log of contacts found to be one person: the merged one's rows now belong to the kept one. */
@Entity('contact_merge')
export class ContactMerge {
  @PrimaryColumn({ type: 'bigint' })
  workspaceId!: number;

  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'BY DEFAULT' })
  id!: number;

  @Column({ type: 'bigint' })
  keptContactId!: number;

  @Column({ type: 'bigint' })
  mergedContactId!: number;

  @text()
  reason!: string;

  @timestamptz({ default: () => 'now()' })
  mergedAt!: Date;
}
