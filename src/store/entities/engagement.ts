import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { nullableBigintRef, nullableText, nullableTimestamptz, text, timestamptz } from './columns';
import type { EngagementTier } from '../../domain/model';

/**
 * Every point a contact was awarded: one row per (rule, event), so re-ingesting an event awards nothing twice
 * and a score explains itself. A manual adjustment is a row without an event, with its reason. Points are stored
 * before decay; the score is the decayed sum (domain/scoring/score.ts).
 */
@Entity('score_ledger')
@Index('score_ledger_event_rule_key', ['workspaceId', 'eventId', 'ruleId'], { unique: true, where: 'event_id IS NOT NULL' })
@Index('score_ledger_contact_idx', ['workspaceId', 'contactId', 'at'])
export class ScoreLedgerEntry {
  @PrimaryColumn({ type: 'bigint' })
  workspaceId!: number;

  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'BY DEFAULT' })
  id!: number;

  @Column({ type: 'bigint' })
  contactId!: number;

  @text()
  ruleId!: string;

  @nullableBigintRef()
  eventId!: number | null;

  @Column({ type: 'double precision' })
  points!: number;

  @timestamptz()
  at!: Date;

  @nullableText()
  reason!: string | null;

  @timestamptz({ default: () => 'now()' })
  createdAt!: Date;
}

/**
 * The history of a contact's engagement tier. The id is the cursor subscribers resume from: rows are written
 * under a per-workspace lock held to commit, so ids of one workspace commit in id order.
 */
@Entity('tier_change')
@Index('tier_change_contact_idx', ['workspaceId', 'contactId', 'id'])
export class TierChangeRow {
  @PrimaryColumn({ type: 'bigint' })
  workspaceId!: number;

  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'BY DEFAULT' })
  id!: number;

  @Column({ type: 'bigint' })
  contactId!: number;

  @Column({ type: 'text', nullable: true })
  fromTier!: EngagementTier | null;

  @text()
  toTier!: EngagementTier;

  /** The full TierSignals behind the new tier (domain/tiers/signals.ts). */
  @Column({ type: 'jsonb' })
  signals!: Record<string, unknown>;

  @text()
  reason!: string;

  @timestamptz()
  at!: Date;
}

export type RulesKind = 'SCORING' | 'TIERS';

/** A change of a workspace's scoring or tier rules, with the re-rating it started and how far that got. */
@Entity('rules_change')
@Index('rules_change_changed_idx', ['workspaceId', 'changedAt'])
export class RulesChange {
  @PrimaryColumn({ type: 'bigint' })
  workspaceId!: number;

  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'BY DEFAULT' })
  id!: number;

  @text()
  kind!: RulesKind;

  @Column({ type: 'jsonb' })
  before!: Record<string, unknown>;

  @Column({ type: 'jsonb' })
  after!: Record<string, unknown>;

  @nullableBigintRef()
  apiKeyId!: number | null;

  @timestamptz({ default: () => 'now()' })
  changedAt!: Date;

  @Column({ type: 'integer', default: 0 })
  contactsTotal!: number;

  @Column({ type: 'integer', default: 0 })
  contactsDone!: number;

  @nullableTimestamptz()
  finishedAt!: Date | null;
}
