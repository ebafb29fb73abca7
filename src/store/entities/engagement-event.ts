import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { nullableBigintRef, nullableText, timestamptz } from './columns';
import type { BounceKind, EngagementEventType } from '../../domain/model';

/**
 * The append-only ledger of raw events from every source. (workspace, source, source event id) is unique, so
 * re-ingesting an event is a no-op; message facts are derived from the ledger, never edited by hand.
 */
@Entity('engagement_event')
@Index('engagement_event_source_key', ['workspaceId', 'source', 'sourceEventId'], { unique: true })
@Index('engagement_event_message_idx', ['workspaceId', 'messageId'])
@Index('engagement_event_contact_idx', ['workspaceId', 'contactId', 'occurredAt'])
// Contact-level conversions are re-attributed whenever a contact's clicks change: find them without scanning its events.
@Index('engagement_event_conversion_idx', ['workspaceId', 'contactId'], { where: "type = 'CONVERTED' AND campaign_id IS NULL" })
export class EngagementEvent {
  @PrimaryColumn({ type: 'bigint' })
  workspaceId!: number;

  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'BY DEFAULT' })
  id!: number;

  @Column({ type: 'text' })
  source!: string;

  @Column({ type: 'text' })
  sourceEventId!: string;

  @Column({ type: 'text' })
  type!: EngagementEventType;

  @Column({ type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ type: 'bigint' })
  contactId!: number;

  @nullableBigintRef()
  messageId!: number | null;

  @nullableBigintRef()
  campaignId!: number | null;

  @nullableBigintRef()
  linkId!: number | null;

  @Column({ type: 'boolean', default: false })
  isMachine!: boolean;

  @nullableText()
  bounceKind!: BounceKind | null;

  @Column({ type: 'double precision', nullable: true })
  readSeconds!: number | null;

  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true })
  value!: number | null;

  @nullableText()
  currency!: string | null;

  @nullableText()
  reason!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  payload!: unknown;

  @nullableBigintRef()
  importRunId!: number | null;

  @timestamptz({ default: () => 'now()' })
  receivedAt!: Date;
}
