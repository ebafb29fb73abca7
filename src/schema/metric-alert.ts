/** GraphQL types of metric alerts. */
import { Field, Float, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { ALERT_KINDS, type AlertKind } from '../domain/metrics';
import { MetricIdEnum } from './metrics';

const enumOf = <T extends string>(words: readonly T[]) => Object.fromEntries(words.map((word) => [word, word])) as { [K in T]: K };
export const AlertKindEnum = enumOf(ALERT_KINDS);
registerEnumType(AlertKindEnum, {
  name: 'AlertKind',
  description: 'DELIVERY_BELOW_FLOOR (delivery under 95 %), BOUNCE_SPIKE, COMPLAINT_SPIKE, OUTSIDE_BASELINE (a metric below the band of past campaigns of its type).',
});

@ObjectType('MetricAlert', { description: 'An alert on a campaign’s metric; open until a later evaluation finds the condition gone.' })
export class MetricAlertType {
  @Field(() => ID) id!: number;
  @Field({ description: 'Pass it as metricAlert(after:) to resume from here.' }) cursor!: string;
  @Field(() => ID) campaignId!: number;
  @Field(() => AlertKindEnum) kind!: AlertKind;
  @Field(() => MetricIdEnum) metric!: string;
  @Field(() => Float) value!: number;
  @Field(() => Float, { description: 'The limit crossed: floor, ceiling or band edge.' }) threshold!: number;
  @Field({ description: 'What happened and what to look at.' }) message!: string;
  @Field() raisedAt!: Date;
  @Field(() => Date, { nullable: true }) clearedAt!: Date | null;
}

@InputType()
export class MetricAlertFilterInput {
  @Field(() => ID, { nullable: true }) campaignId?: string | null;
  @Field(() => [AlertKindEnum], { nullable: true }) kinds?: AlertKind[] | null;
  @Field(() => Boolean, { nullable: true, description: 'true: open alerts only; false: cleared only. Ignored by the subscription.' }) open?: boolean | null;
}
