import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { nullableText, text } from './columns';
import type { LinkCategory } from '../../domain/model';

/** A URL seen in clicks, with its category from the workspace's link rules (re-appliable). */
@Entity('link')
@Index('link_url_key', ['workspaceId', 'url'], { unique: true })
export class Link {
  @PrimaryColumn({ type: 'bigint' })
  workspaceId!: number;

  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'BY DEFAULT' })
  id!: number;

  @text()
  url!: string;

  @nullableText()
  host!: string | null;

  @text({ default: 'OTHER' })
  category!: LinkCategory;
}

/** A workspace's link rule: URL pattern → category, tried by priority. */
@Entity('link_rule')
export class LinkRuleRow {
  @PrimaryColumn({ type: 'bigint' })
  workspaceId!: number;

  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'BY DEFAULT' })
  id!: number;

  @text()
  pattern!: string;

  @text()
  category!: LinkCategory;

  @Column({ type: 'integer', default: 100 })
  priority!: number;
}
