import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { nullableText, text, timestamptz } from './columns';
import type { LifecycleStage } from '../../domain/model';

/** The history of a contact's lifecycle stage: every change with its cause, forward or back. */
@Entity('lifecycle_stage_change')
@Index('lifecycle_stage_change_key', ['workspaceId', 'contactId', 'toStage', 'at'], { unique: true })
export class LifecycleStageChange {
  @PrimaryColumn({ type: 'bigint' })
  workspaceId!: number;

  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'BY DEFAULT' })
  id!: number;

  @Column({ type: 'bigint' })
  contactId!: number;

  @Column({ type: 'text', nullable: true })
  fromStage!: LifecycleStage | null;

  @text()
  toStage!: LifecycleStage;

  @timestamptz()
  at!: Date;

  @text()
  cause!: string;

  @nullableText()
  source!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  details!: Record<string, unknown> | null;
}
