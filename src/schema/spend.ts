/** GraphQL types of recorded marketing spend. */
import { Field, Float, ID, InputType, ObjectType } from 'type-graphql';
import type { Channel } from '../domain/model';
import { ChannelEnum } from './enums';

@InputType('SpendInput', { description: 'Marketing spend for a channel and/or campaign over a period.' })
export class SpendInput {
  @Field(() => ChannelEnum, { nullable: true })
  channel?: Channel | null;

  @Field(() => ID, { nullable: true, description: 'A campaign of this workspace.' })
  campaignId?: string | null;

  @Field(() => Date)
  periodStart!: Date;

  @Field(() => Date, { description: 'Not before periodStart.' })
  periodEnd!: Date;

  @Field(() => Float, { description: '≥ 0, at most 2 decimals.' })
  amount!: number;

  @Field({ description: 'ISO 4217 code, e.g. EUR.' })
  currency!: string;

  @Field(() => String, { nullable: true })
  note?: string | null;
}

@ObjectType('Spend')
export class SpendType {
  @Field(() => ID)
  id!: number;

  @Field()
  source!: string;

  @Field()
  externalId!: string;

  @Field(() => ChannelEnum, { nullable: true })
  channel!: Channel | null;

  @Field(() => ID, { nullable: true })
  campaignId!: number | null;

  @Field(() => Date)
  periodStart!: Date;

  @Field(() => Date)
  periodEnd!: Date;

  @Field(() => Float)
  amount!: number;

  @Field()
  currency!: string;

  @Field(() => String, { nullable: true })
  note!: string | null;
}
