import { Field, Float, ID, ObjectType } from 'type-graphql';
import type { BounceKind, DealStatus, EngagementEventType, LifecycleStage } from '../domain/model';
import { DealStatusEnum, EngagementEventTypeEnum, LifecycleStageEnum } from './enums';

@ObjectType('ContactIdentity', { description: "A source's own id for a contact." })
export class ContactIdentityType {
  @Field()
  source!: string;

  @Field()
  externalId!: string;
}

@ObjectType('LifecycleStageChange', { description: 'One change of lifecycle stage, with its cause.' })
export class LifecycleStageChangeType {
  @Field(() => ID)
  id!: number;

  @Field(() => LifecycleStageEnum, { nullable: true })
  fromStage!: LifecycleStage | null;

  @Field(() => LifecycleStageEnum)
  toStage!: LifecycleStage;

  @Field()
  at!: Date;

  @Field()
  cause!: string;

  @Field(() => String, { nullable: true })
  source!: string | null;
}

@ObjectType('Deal')
export class DealType {
  @Field(() => ID)
  id!: number;

  @Field()
  source!: string;

  @Field()
  externalId!: string;

  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => Float, { nullable: true })
  amount!: number | null;

  @Field(() => String, { nullable: true })
  currency!: string | null;

  @Field(() => String, { nullable: true })
  stage!: string | null;

  @Field(() => DealStatusEnum)
  status!: DealStatus;

  @Field(() => Date, { nullable: true })
  closedAt!: Date | null;
}

@ObjectType('EngagementEvent', { description: 'A raw engagement event from the ledger.' })
export class EngagementEventNode {
  @Field(() => ID)
  id!: number;

  @Field()
  source!: string;

  @Field()
  sourceEventId!: string;

  @Field(() => EngagementEventTypeEnum)
  type!: EngagementEventType;

  @Field()
  occurredAt!: Date;

  @Field(() => ID, { nullable: true })
  campaignId!: number | null;

  @Field(() => ID, { nullable: true })
  messageId!: number | null;

  @Field()
  isMachine!: boolean;

  @Field(() => String, { nullable: true })
  bounceKind!: BounceKind | null;

  @Field(() => Float, { nullable: true })
  readSeconds!: number | null;

  @Field(() => Float, { nullable: true })
  value!: number | null;
}

@ObjectType({ description: 'A contact: one person across all sources. Leads are contacts at stage LEAD or beyond.' })
export class Contact {
  @Field(() => ID)
  id!: number;

  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field(() => String, { nullable: true, description: 'E.164.' })
  phone!: string | null;

  @Field(() => String, { nullable: true })
  firstName!: string | null;

  @Field(() => String, { nullable: true })
  lastName!: string | null;

  @Field(() => String, { nullable: true })
  company!: string | null;

  @Field(() => LifecycleStageEnum)
  lifecycleStage!: LifecycleStage;

  @Field(() => Date, { nullable: true })
  lifecycleStageAt!: Date | null;

  @Field(() => Date, { nullable: true })
  lastActivityAt!: Date | null;

  @Field()
  createdAt!: Date;
}
