import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { nullableText, nullableTimestamptz, text, timestamptz } from './columns';
import type { ListMembershipStatus } from '../../domain/model';

/** A list / audience of a source. */
@Entity('contact_list')
@Index('contact_list_source_key', ['workspaceId', 'source', 'externalId'], { unique: true })
export class ContactList {
  @PrimaryColumn({ type: 'bigint' })
  workspaceId!: number;

  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'BY DEFAULT' })
  id!: number;

  @text()
  source!: string;

  @text()
  externalId!: string;

  @text()
  name!: string;

  @timestamptz({ default: () => 'now()' })
  createdAt!: Date;
}

/** A contact's current status on a list. */
@Entity('list_membership')
export class ListMembership {
  @PrimaryColumn({ type: 'bigint' })
  workspaceId!: number;

  @PrimaryColumn({ type: 'bigint' })
  listId!: number;

  @PrimaryColumn({ type: 'bigint' })
  contactId!: number;

  @text()
  status!: ListMembershipStatus;

  @nullableTimestamptz()
  subscribedAt!: Date | null;

  @timestamptz()
  statusAt!: Date;
}

/** Every subscribe / unsubscribe / clean, so list size at any date and list growth can be computed. */
@Entity('list_membership_change')
@Index('list_membership_change_key', ['workspaceId', 'listId', 'contactId', 'status', 'at'], { unique: true })
export class ListMembershipChange {
  @PrimaryColumn({ type: 'bigint' })
  workspaceId!: number;

  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'BY DEFAULT' })
  id!: number;

  @Column({ type: 'bigint' })
  listId!: number;

  @Column({ type: 'bigint' })
  contactId!: number;

  @text()
  status!: ListMembershipStatus;

  @timestamptz()
  at!: Date;

  @nullableText()
  reason!: string | null;
}
