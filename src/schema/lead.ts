import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import type { EngagementEventType, EngagementTier, LifecycleStage } from '../domain/model';
import { EngagementEventTypeEnum, EngagementTierEnum, LifecycleStageEnum } from './enums';
import { TimelineKindEnum } from './lead-enums';
import type { TimelineKind } from '../services/engagement/timeline';

@ObjectType('TierSignals', { description: 'The three signals behind a tier, over the delivered messages of the window, with their counts.' })
export class TierSignalsType {
  @Field({ description: 'Clicked (any human click, or unique CTR ≥ highClickRate, per the workspace rule).' })
  click!: boolean;

  @Field({ description: 'Read deeply (any deep read, or average read ≥ deepReadSeconds, per the workspace rule).' })
  dwell!: boolean;

  @Field({ description: 'Replied (a reply, WhatsApp answer or inquiry).' })
  reply!: boolean;

  @Field(() => Int)
  delivered!: number;

  @Field(() => Int)
  clickedMessages!: number;

  @Field(() => Float, { nullable: true, description: 'Unique CTR over the window; null when nothing was delivered.' })
  clickRate!: number | null;

  @Field(() => Int)
  deepReads!: number;

  @Field(() => Int)
  measuredReads!: number;

  @Field(() => Float, { nullable: true })
  averageReadSeconds!: number | null;

  @Field(() => Int)
  repliedMessages!: number;
}

@ObjectType('ScoreBreakdownItem', { description: 'What one rule contributes to a score.' })
export class ScoreBreakdownItem {
  @Field({ description: 'The rule id ("manual" for adjustments by hand).' })
  rule!: string;

  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => Float, { description: 'Points the rule is worth now, after decay.' })
  points!: number;

  @Field(() => Float, { description: 'Points awarded, before decay.' })
  awarded!: number;

  @Field(() => Int, { description: 'Ledger entries behind it.' })
  entries!: number;
}

@ObjectType('Bant', { description: 'BANT qualification answers given with a manual stage change.' })
export class BantType {
  @Field(() => String, { nullable: true })
  budget!: string | null;

  @Field(() => String, { nullable: true })
  authority!: string | null;

  @Field(() => String, { nullable: true })
  need!: string | null;

  @Field(() => String, { nullable: true })
  timeline!: string | null;
}

@InputType()
export class BantInput {
  @Field(() => String, { nullable: true })
  budget?: string | null;

  @Field(() => String, { nullable: true })
  authority?: string | null;

  @Field(() => String, { nullable: true })
  need?: string | null;

  @Field(() => String, { nullable: true })
  timeline?: string | null;
}

@ObjectType('TimelineItem', { description: 'One item of a lead’s timeline; the fields of its kind are set.' })
export class TimelineItemType {
  @Field(() => TimelineKindEnum)
  kind!: TimelineKind;

  @Field()
  at!: Date;

  @Field()
  summary!: string;

  @Field(() => EngagementEventTypeEnum, { nullable: true })
  eventType?: EngagementEventType;

  @Field(() => ID, { nullable: true })
  campaignId?: number | null;

  @Field(() => Float, { nullable: true })
  points?: number;

  @Field(() => String, { nullable: true })
  ruleId?: string;

  @Field(() => LifecycleStageEnum, { nullable: true })
  fromStage?: LifecycleStage | null;

  @Field(() => LifecycleStageEnum, { nullable: true })
  toStage?: LifecycleStage;

  @Field(() => EngagementTierEnum, { nullable: true })
  fromTier?: EngagementTier | null;

  @Field(() => EngagementTierEnum, { nullable: true })
  toTier?: EngagementTier;

  @Field(() => BantType, { nullable: true })
  bant?: BantType | null;
}

@ObjectType('LeadTierChange', { description: 'A lead moved from one engagement tier to another.' })
export class LeadTierChange {
  @Field({ description: 'Its position in the tier history: pass the last one received as `after` to resume.' })
  cursor!: string;

  @Field(() => ID)
  leadId!: number;

  @Field(() => EngagementTierEnum, { nullable: true })
  from!: EngagementTier | null;

  @Field(() => EngagementTierEnum)
  to!: EngagementTier;

  @Field(() => TierSignalsType)
  signals!: TierSignalsType;

  @Field()
  reason!: string;

  @Field()
  at!: Date;
}

@ObjectType('LeadStageChange', { description: 'A lead moved from one lifecycle stage to another (automatically or by hand).' })
export class LeadStageChange {
  @Field(() => ID)
  id!: number;

  @Field({ description: 'Its position in the stored stage history: pass it as `after` to resume from here.' })
  cursor!: string;

  @Field(() => ID)
  leadId!: number;

  @Field(() => LifecycleStageEnum, { nullable: true })
  from!: LifecycleStage | null;

  @Field(() => LifecycleStageEnum)
  to!: LifecycleStage;

  @Field()
  at!: Date;

  @Field()
  cause!: string;

  @Field(() => String, { nullable: true, description: 'scoring, deal, manual, or the importing source.' })
  source!: string | null;
}

@InputType()
export class LeadTierChangeFilter {
  @Field(() => [EngagementTierEnum], { nullable: true, description: 'Changes into or out of these tiers.' })
  tiers?: EngagementTier[] | null;

  @Field(() => ID, { nullable: true, description: 'Changes of leads who received this campaign.' })
  campaignId?: string | null;
}

@InputType()
export class LeadStageChangeFilter {
  @Field(() => [LifecycleStageEnum], { nullable: true, description: 'Changes into these stages.' })
  stages?: LifecycleStage[] | null;
}
