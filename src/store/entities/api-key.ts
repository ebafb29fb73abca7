import { Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { nullableText, nullableTimestamptz, text, timestamptz } from './columns';
import type { ApiKeyScope } from '../../domain/model';

/** An API key, stored as a SHA-256 hash; the key itself names its workspace so lookup stays workspace-scoped. */
@Entity('api_key')
export class ApiKey {
  @PrimaryColumn({ type: 'bigint' })
  workspaceId!: number;

  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'BY DEFAULT' })
  id!: number;

  @text()
  keyHash!: string;

  @text()
  scope!: ApiKeyScope;

  @nullableText()
  label!: string | null;

  @timestamptz({ default: () => 'now()' })
  createdAt!: Date;

  @nullableTimestamptz()
  lastUsedAt!: Date | null;

  @nullableTimestamptz()
  revokedAt!: Date | null;
}

