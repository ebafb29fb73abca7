import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { nullableText, nullableTimestamptz, text, timestamptz } from './columns';

export type ImportRunStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED';

/** One run of an import (CLI, upload or demo seed) with its counts. */
@Entity('import_run')
@Index('import_run_started_idx', ['workspaceId', 'startedAt'])
export class ImportRun {
  @PrimaryColumn({ type: 'bigint' })
  workspaceId!: number;

  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'BY DEFAULT' })
  id!: number;

  @text()
  source!: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  files!: string[];

  @text({ default: 'RUNNING' })
  status!: ImportRunStatus;

  @timestamptz({ default: () => 'now()' })
  startedAt!: Date;

  @nullableTimestamptz()
  finishedAt!: Date | null;

  @Column({ type: 'integer', default: 0 })
  imported!: number;

  @Column({ type: 'integer', default: 0 })
  duplicates!: number;

  @Column({ type: 'integer', default: 0 })
  rejected!: number;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  summary!: Record<string, unknown>;

  @nullableText()
  error!: string | null;
}

/** A row the user sent that could not be used: file, line, field, reason and its raw text. */
@Entity('rejected_row')
@Index('rejected_row_run_idx', ['workspaceId', 'importRunId'])
export class RejectedRow {
  @PrimaryColumn({ type: 'bigint' })
  workspaceId!: number;

  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'BY DEFAULT' })
  id!: number;

  @Column({ type: 'bigint' })
  importRunId!: number;

  @text()
  file!: string;

  @Column({ type: 'integer' })
  line!: number;

  @nullableText()
  field!: string | null;

  @text()
  reason!: string;

  @text()
  raw!: string;
}
