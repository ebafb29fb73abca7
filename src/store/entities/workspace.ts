import { Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Column } from 'typeorm';
import { text, timestamptz } from './columns';
import type { WorkspaceSettings } from '../../domain/workspace/settings';

@Entity('workspace')
@Index('workspace_slug_key', ['slug'], { unique: true })
export class Workspace {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'BY DEFAULT' })
  id!: number;

  @text()
  slug!: string;

  @text()
  name!: string;

  /** Workspace settings (CTR mode, read thresholds, site domains, scoring threshold…); defaults fill gaps. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  settings!: Partial<WorkspaceSettings>;

  @timestamptz({ default: () => 'now()' })
  createdAt!: Date;
}
