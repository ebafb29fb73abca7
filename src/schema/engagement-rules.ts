import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import type { BounceKind, CampaignType, EngagementEventType, LinkCategory } from '../domain/model';
import type { ClickRule, DwellRule, ReadClass } from '../domain/tiers';
import { CampaignTypeEnum, EngagementEventTypeEnum, LinkCategoryEnum } from './enums';
import { BounceKindEnum, ClickRuleEnum, DecayKindEnum, DwellRuleEnum, ReadClassEnum } from './lead-enums';

type DecayKind = 'NONE' | 'HALF_LIFE' | 'WINDOW';

@ObjectType('ScoringConditions', { description: 'Conditions a scoring rule adds to its event type; an absent list matches anything.' })
export class ScoringConditionsType {
  @Field(() => [LinkCategoryEnum], { nullable: true })
  linkCategories?: LinkCategory[];

  @Field(() => [CampaignTypeEnum], { nullable: true })
  campaignTypes?: CampaignType[];

  @Field(() => [ReadClassEnum], { nullable: true })
  readClasses?: ReadClass[];

  @Field(() => [BounceKindEnum], { nullable: true })
  bounceKinds?: BounceKind[];
}

@InputType()
export class ScoringConditionsInput {
  @Field(() => [LinkCategoryEnum], { nullable: true })
  linkCategories?: LinkCategory[] | null;

  @Field(() => [CampaignTypeEnum], { nullable: true })
  campaignTypes?: CampaignType[] | null;

  @Field(() => [ReadClassEnum], { nullable: true })
  readClasses?: ReadClass[] | null;

  @Field(() => [BounceKindEnum], { nullable: true })
  bounceKinds?: BounceKind[] | null;
}

@ObjectType('Decay')
export class DecayType {
  @Field(() => DecayKindEnum)
  kind!: DecayKind;

  @Field(() => Float, { nullable: true, description: 'Half-life or window in days; null for NONE.' })
  days?: number | null;
}

@InputType()
export class DecayInput {
  @Field(() => DecayKindEnum)
  kind!: DecayKind;

  @Field(() => Float, { nullable: true })
  days?: number | null;
}

@ObjectType('ScoringRule', { description: 'Event type (+ conditions) → points, with an optional cap per contact and decay.' })
export class ScoringRuleType {
  @Field()
  id!: string;

  @Field()
  name!: string;

  @Field(() => EngagementEventTypeEnum)
  event!: EngagementEventType;

  @Field(() => ScoringConditionsType, { nullable: true })
  conditions?: ScoringConditionsType;

  @Field(() => Float)
  points!: number;

  @Field(() => Float, { nullable: true, description: 'Most points (absolute) one contact can collect from this rule.' })
  capPerContact?: number;

  @Field(() => DecayType, { nullable: true, description: 'Overrides the ruleset’s decay.' })
  decay?: DecayType;
}

@InputType()
export class ScoringRuleInput {
  @Field()
  id!: string;

  @Field()
  name!: string;

  @Field(() => EngagementEventTypeEnum)
  event!: EngagementEventType;

  @Field(() => ScoringConditionsInput, { nullable: true })
  conditions?: ScoringConditionsInput | null;

  @Field(() => Float)
  points!: number;

  @Field(() => Float, { nullable: true })
  capPerContact?: number | null;

  @Field(() => DecayInput, { nullable: true })
  decay?: DecayInput | null;
}

@ObjectType('ScoringRules', { description: 'The workspace’s lead scoring: rules, decay and the MQL threshold.' })
export class ScoringRulesType {
  @Field(() => [ScoringRuleType])
  rules!: ScoringRuleType[];

  @Field(() => DecayType)
  decay!: DecayType;

  @Field(() => Float)
  mqlThreshold!: number;
}

@InputType()
export class ScoringRulesInput {
  @Field(() => [ScoringRuleInput])
  rules!: ScoringRuleInput[];

  @Field(() => DecayInput, { nullable: true, description: 'Default: NONE.' })
  decay?: DecayInput | null;

  @Field(() => Float, { nullable: true, description: 'Default: 50.' })
  mqlThreshold?: number | null;
}

@ObjectType('TierRules', { description: 'How engagement tiers are rated: the window and what counts as click and dwell.' })
export class TierRulesType {
  @Field(() => Int)
  windowDays!: number;

  @Field(() => ClickRuleEnum)
  clickRule!: ClickRule;

  @Field(() => Float)
  highClickRate!: number;

  @Field(() => DwellRuleEnum)
  dwellRule!: DwellRule;

  @Field(() => Float, { description: 'Below this a read is a glance (workspace-wide: metrics and scoring use it too).' })
  glanceSeconds!: number;

  @Field(() => Float, { description: 'At or above this a read is a deep read (workspace-wide).' })
  deepReadSeconds!: number;
}

@InputType({ description: 'Fields left out keep their current values.' })
export class TierRulesInput {
  @Field(() => Int, { nullable: true })
  windowDays?: number | null;

  @Field(() => ClickRuleEnum, { nullable: true })
  clickRule?: ClickRule | null;

  @Field(() => Float, { nullable: true })
  highClickRate?: number | null;

  @Field(() => DwellRuleEnum, { nullable: true })
  dwellRule?: DwellRule | null;

  @Field(() => Float, { nullable: true })
  glanceSeconds?: number | null;

  @Field(() => Float, { nullable: true })
  deepReadSeconds?: number | null;
}

@ObjectType('RulesChange', { description: 'A change of scoring or tier rules and the re-rating of the workspace it caused.' })
export class RulesChangeType {
  @Field(() => ID)
  id!: number;

  @Field({ description: 'SCORING or TIERS.' })
  kind!: string;

  @Field()
  changedAt!: Date;

  @Field(() => Int, { description: 'Contacts to re-rate.' })
  contactsTotal!: number;

  @Field(() => Int, { description: 'Contacts re-rated so far (progress).' })
  contactsDone!: number;

  @Field(() => Date, { nullable: true, description: 'When the re-rating finished; null while it runs.' })
  finishedAt!: Date | null;
}
