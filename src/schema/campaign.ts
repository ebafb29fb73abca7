import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { CampaignType, Channel } from '../domain/model';
import { CampaignTypeEnum, ChannelEnum } from './enums';

@ObjectType('ContactList', { description: 'A contact list / audience of a source.' })
export class ContactListType {
  @Field(() => ID)
  id!: number;

  @Field()
  source!: string;

  @Field()
  externalId!: string;

  @Field()
  name!: string;
}

@ObjectType({ description: 'Message counts of a campaign (messages, not events: the unit of counting).' })
export class CampaignCounts {
  @Field(() => Int, { description: 'Messages handed to the provider.' })
  sent!: number;

  @Field(() => Int)
  delivered!: number;

  @Field(() => Int)
  hardBounced!: number;

  @Field(() => Int)
  softBounced!: number;

  @Field(() => Int)
  dropped!: number;

  @Field(() => Int, { description: 'Messages with at least one human open (a human click counts as one).' })
  humanOpened!: number;

  @Field(() => Int, { description: 'Messages with at least one human click.' })
  humanClicked!: number;

  @Field(() => Int)
  replied!: number;

  @Field(() => Int)
  unsubscribed!: number;

  @Field(() => Int)
  complained!: number;
}

@ObjectType()
export class Campaign {
  @Field(() => ID)
  id!: number;

  @Field()
  source!: string;

  @Field({ description: "The source's own id of the campaign." })
  externalId!: string;

  @Field()
  name!: string;

  @Field(() => CampaignTypeEnum)
  type!: CampaignType;

  @Field(() => ChannelEnum)
  channel!: Channel;

  @Field(() => String, { nullable: true })
  subject!: string | null;

  @Field(() => Date, { nullable: true })
  sentAt!: Date | null;

  listId!: number | null;
}
