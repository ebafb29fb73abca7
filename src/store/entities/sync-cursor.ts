import { Column, Entity, PrimaryColumn } from 'typeorm';
import { timestamptz } from './columns';

/**
 * Where an API pull resumes, per workspace, source and stream. Written in the same transaction as the records up to
 * it (services/sync/run-sync.ts), so after a crash the pull resumes from the last committed page.
 */
@Entity('sync_cursor')
export class SyncCursor {
  @PrimaryColumn({ type: 'bigint' })
  workspaceId!: number;

  @PrimaryColumn({ type: 'text' })
  source!: string;

  @PrimaryColumn({ type: 'text' })
  stream!: string;

  @Column({ type: 'jsonb' })
  cursor!: unknown;

  @timestamptz({ default: () => 'now()' })
  updatedAt!: Date;
}
