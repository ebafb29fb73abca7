/**
 * GraphQL types of metrics. Every enum is generated from the domain's lists (the catalogue's ids, units, scopes,
 * dimensions and inputs): adding a metric to the catalogue adds it here.
 */
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { CampaignType, Channel, LinkCategory, Source } from '../domain/model';
import {
  METRIC_DIMENSIONS,
  METRIC_GROUPINGS,
  METRIC_IDS,
  METRIC_INPUTS,
  METRIC_SCOPES,
  METRIC_UNITS,
  type Better,
  type MetricDimension,
  type MetricGrouping,
  type MetricId,
  type MetricInput,
  type MetricScope,
  type MetricUnit,
} from '../domain/metrics';
import { CampaignTypeEnum, ChannelEnum, LinkCategoryEnum } from './enums';

const enumOf = <T extends string>(words: readonly T[]) => Object.fromEntries(words.map((word) => [word, word])) as { [K in T]: K };

export const MetricIdEnum = enumOf(METRIC_IDS);
export const MetricUnitEnum = enumOf(METRIC_UNITS);
export const MetricScopeEnum = enumOf(METRIC_SCOPES);
export const MetricDimensionEnum = enumOf(METRIC_DIMENSIONS);
export const MetricInputEnum = enumOf(METRIC_INPUTS);
export const MetricGroupByEnum = enumOf(METRIC_GROUPINGS);

registerEnumType(MetricIdEnum, { name: 'MetricId', description: 'A metric of the catalogue (metricCatalog describes each).' });
registerEnumType(MetricUnitEnum, { name: 'MetricUnit', description: 'RATIO is a share (may exceed 1 for totals); money is in the data’s own currency.' });
registerEnumType(MetricScopeEnum, { name: 'MetricScope', description: 'What a metric counts: messages, list members, lifecycle contacts, spend, or several.' });
registerEnumType(MetricDimensionEnum, { name: 'MetricDimension', description: 'A dimension a metric can be broken down or filtered by.' });
registerEnumType(MetricInputEnum, { name: 'MetricInput', description: 'Data a metric needs from the sources (or a workspace setting).' });
registerEnumType(MetricGroupByEnum, {
  name: 'MetricGroupBy',
  description: 'How metrics rows are grouped. Periods are UTC days, ISO weeks and months of the send time (the campaign’s when the message has none).',
});

@ObjectType('MetricValue', { description: 'A metric value with its numerator and denominator; `reason` says why `value` is null.' })
export class MetricValueType {
  @Field(() => MetricIdEnum)
  metric!: MetricId;

  @Field(() => Float, { nullable: true })
  value!: number | null;

  @Field(() => Float, { nullable: true })
  numerator!: number | null;

  @Field(() => Float, { nullable: true, description: 'null for counts and sums, which are their own value.' })
  denominator!: number | null;

  @Field(() => MetricUnitEnum)
  unit!: MetricUnit;

  @Field(() => String, { nullable: true, description: 'Why the value is null: denominator 0, an input the sources cannot supply, a grouping that does not apply.' })
  reason!: string | null;

  @Field(() => LinkCategoryEnum, { nullable: true, description: 'For a per-category metric (clickRateByLinkCategory): its link category.' })
  linkCategory!: LinkCategory | null;
}

@ObjectType('MetricGroup', { description: 'The group a metrics row is about.' })
export class MetricGroupType {
  @Field(() => MetricGroupByEnum, { nullable: true, description: 'null for the ungrouped total.' })
  dimension!: MetricGrouping | null;

  @Field({ description: 'Campaign or list id, first day of the period (YYYY-MM-DD), channel, type, source or link category; NONE when the message has none; ALL ungrouped.' })
  key!: string;

  @Field()
  label!: string;
}

@ObjectType('MetricRow')
export class MetricRowType {
  @Field(() => MetricGroupType)
  group!: MetricGroupType;

  @Field(() => Int, { description: 'Messages in the group, whatever their status.' })
  messages!: number;

  @Field(() => [MetricValueType], { description: 'The metrics asked for, in that order; a per-category metric once per link category unless grouped by it.' })
  values!: MetricValueType[];

  @Field(() => MetricValueType, { description: 'The click rate the workspace setting ctrMode calls CTR: clickRate (UNIQUE) or totalClickRate (TOTAL).' })
  ctr!: MetricValueType;
}

@InputType('MetricFilter', { description: 'Which messages to count. Dates apply to the message’s send time, or its campaign’s when it has none.' })
export class MetricFilterInput {
  @Field(() => Date, { nullable: true, description: 'Inclusive.' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Exclusive.' })
  to?: Date | null;

  @Field(() => [ID], { nullable: true })
  campaignIds?: string[] | null;

  @Field(() => ChannelEnum, { nullable: true })
  channel?: Channel | null;

  @Field(() => CampaignTypeEnum, { nullable: true })
  campaignType?: CampaignType | null;

  @Field(() => String, { nullable: true, description: 'sendgrid, mailchimp, hubspot, whatsapp, generic, manual or demo.' })
  source?: Source | null;

  @Field(() => ID, { nullable: true })
  listId?: string | null;

  @Field(() => [ID], { nullable: true, description: 'A segment: only these contacts’ messages.' })
  contactIds?: string[] | null;
}

@ObjectType('MetricInputInfo')
export class MetricInputInfoType {
  @Field(() => MetricInputEnum)
  input!: MetricInput;

  @Field()
  description!: string;

  @Field(() => [String], { description: 'Sources whose data carries this input; empty for a workspace setting.' })
  sources!: string[];
}

@ObjectType('MetricTarget')
export class MetricTargetType {
  @Field({ description: 'atLeast, atMost or about.' })
  comparison!: string;

  @Field(() => Float)
  value!: number;

  @Field()
  text!: string;
}

@ObjectType('MetricDefinition', { description: 'A catalogue entry: what the metric means, exactly (spec metrics.md).' })
export class MetricDefinitionType {
  @Field(() => MetricIdEnum)
  id!: MetricId;

  @Field()
  name!: string;

  @Field()
  description!: string;

  @Field(() => MetricUnitEnum)
  unit!: MetricUnit;

  @Field(() => MetricScopeEnum)
  scope!: MetricScope;

  @Field({ description: 'What the numerator counts, in words.' })
  numerator!: string;

  @Field(() => String, { nullable: true, description: 'What the denominator counts, in words; null for counts and sums.' })
  denominator!: string | null;

  @Field(() => [MetricDimensionEnum])
  groupBy!: MetricDimension[];

  @Field(() => [MetricDimensionEnum])
  filterBy!: MetricDimension[];

  @Field(() => MetricDimensionEnum, { nullable: true, description: 'Set when the metric exists per value of a dimension only.' })
  perGroup!: MetricDimension | null;

  @Field(() => [MetricInputInfoType])
  requiredInputs!: MetricInputInfoType[];

  @Field(() => String, { nullable: true, description: 'higher or lower is better; null when neither.' })
  better!: Better;

  @Field(() => MetricTargetType, { nullable: true })
  target!: MetricTargetType | null;

  @Field(() => String, { nullable: true, description: 'What to look at when the metric is poor.' })
  diagnostic!: string | null;

  @Field(() => [String])
  notes!: string[];

  @Field(() => String, { nullable: true, description: 'The pure domain function computing a non-message metric.' })
  computedBy!: string | null;

  @Field(() => String, { nullable: true, description: 'Where the API serves the metric; null while it is not served.' })
  servedBy!: string | null;
}
