/** GraphQL types of the funnel query: one group per first-touch channel, source or campaign, with stages and money. */
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { PathStage } from '../domain/lifecycle';
import { FUNNEL_BREAKDOWNS, FUNNEL_MODES, type FunnelBreakdown, type FunnelMode } from '../services/funnel';
import { LifecycleStageEnum } from './enums';
import { MetricValueType } from './metrics';

const enumOf = <T extends string>(words: readonly T[]) => Object.fromEntries(words.map((word) => [word, word])) as { [K in T]: K };

export const FunnelModeEnum = enumOf(FUNNEL_MODES);
export const FunnelBreakdownEnum = enumOf(FUNNEL_BREAKDOWNS);

registerEnumType(FunnelModeEnum, {
  name: 'FunnelMode',
  description: 'COHORT: the contacts that first reached LEAD (or beyond) in [from, to), followed up to `at`. SNAPSHOT: the contacts in each stage at `at`.',
});
registerEnumType(FunnelBreakdownEnum, { name: 'FunnelBreakdown', description: 'Group contacts by the channel, source or campaign of their first touch (earliest message).' });

@ObjectType('FunnelRate', { description: 'numerator / denominator; `reason` says why `value` is null.' })
export class FunnelRateType {
  @Field(() => Float, { nullable: true })
  value!: number | null;

  @Field(() => Int)
  numerator!: number;

  @Field(() => Int)
  denominator!: number;

  @Field(() => String, { nullable: true })
  reason!: string | null;
}

@ObjectType('FunnelStage')
export class FunnelStageType {
  @Field(() => LifecycleStageEnum)
  stage!: PathStage;

  @Field(() => Int, { description: 'Cohort: members that reached the stage (a skipped stage counts as entered with the later one). Snapshot: contacts in the stage at `at`.' })
  count!: number;

  @Field(() => FunnelRateType, {
    nullable: true,
    description: 'Cohort: reached the next stage / reached this one. Snapshot: at or beyond the next stage / at or beyond this one. null for CUSTOMER.',
  })
  conversionToNext!: FunnelRateType | null;

  @Field(() => FunnelRateType, { description: 'Reached (cohort) or at or beyond (snapshot) this stage / the same for SUBSCRIBER.' })
  cumulativeConversion!: FunnelRateType;

  @Field(() => MetricValueType, { description: 'Median days from entering the stage to leaving it forward (skipped stages are not timed).' })
  medianDaysInStage!: MetricValueType;
}

@ObjectType('FunnelGroup', { description: 'The funnel of one breakdown group. Money metrics are null with a reason when spend or revenue is missing.' })
export class FunnelGroupType {
  @Field(() => FunnelBreakdownEnum)
  dimension!: FunnelBreakdown;

  @Field({ description: 'Channel, source or campaign id of the first touch; NONE for no message (or spend for no campaign/channel); ALL ungrouped.' })
  key!: string;

  @Field()
  label!: string;

  @Field(() => Int, { description: 'Contacts counted: the cohort, or the contacts with a stage at `at`.' })
  contacts!: number;

  @Field(() => [FunnelStageType], { description: 'SUBSCRIBER → LEAD → MQL → SQL → OPPORTUNITY → CUSTOMER.' })
  stages!: FunnelStageType[];

  @Field(() => MetricValueType, { description: 'Spend whose period starts in [from, to), by the spend’s own channel or campaign.' })
  spend!: MetricValueType;

  @Field(() => MetricValueType, { description: 'New leads: the cohort (COHORT), or contacts that first reached LEAD in [from, to) (SNAPSHOT).' })
  leads!: MetricValueType;

  @Field(() => MetricValueType)
  costPerLead!: MetricValueType;

  @Field(() => MetricValueType, { description: 'New customers: of the cohort (COHORT), or first reached CUSTOMER in [from, to) (SNAPSHOT).' })
  customers!: MetricValueType;

  @Field(() => MetricValueType)
  costPerAcquisition!: MetricValueType;

  @Field(() => MetricValueType, { description: 'Won deals: of the cohort’s customers up to `at` (COHORT), or of the group’s contacts closed in [from, to) (SNAPSHOT).' })
  revenue!: MetricValueType;

  @Field(() => MetricValueType)
  roi!: MetricValueType;

  @Field(() => MetricValueType, { description: 'From the customers’ won deals, month by month since they became customers (customers without a priced deal are left out).' })
  customerLifetimeValue!: MetricValueType;

  @Field(() => MetricValueType)
  clvToCplRatio!: MetricValueType;

  @Field(() => MetricValueType)
  clvToCacRatio!: MetricValueType;
}
