/** GraphQL types of campaign diagnostics, read-class breakdowns and A/B comparisons. */
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { DiagnosticStatus, MetricId } from '../domain/metrics';
import type { AbVerdict } from '../domain/stats';
import type { ReadClass } from '../domain/tiers/read-class';
import { ReadClassEnum } from './lead-enums';
import { MetricIdEnum, MetricValueType } from './metrics';

export const DiagnosticStatusEnum = { OK: 'OK', LOW: 'LOW', HIGH: 'HIGH', NO_BASELINE: 'NO_BASELINE', NO_VALUE: 'NO_VALUE' } as const;
registerEnumType(DiagnosticStatusEnum, {
  name: 'DiagnosticStatus',
  description: 'A metric against its baseline: LOW (below the band, or delivery under 95 %), OK (within), HIGH (above), NO_BASELINE (too few past campaigns of the type), NO_VALUE.',
});
export const AbVerdictEnum = { B_HIGHER: 'B_HIGHER', A_HIGHER: 'A_HIGHER', NO_SIGNIFICANT_DIFFERENCE: 'NO_SIGNIFICANT_DIFFERENCE', NOT_ENOUGH_DATA: 'NOT_ENOUGH_DATA' } as const;
registerEnumType(AbVerdictEnum, { name: 'AbVerdict' });

@ObjectType('MetricBaseline', { description: 'The workspace’s own baseline for a campaign type: median ± 2 robust spreads (scaled MAD) of past campaigns.' })
export class MetricBaselineType {
  @Field(() => Float) median!: number;
  @Field(() => Float, { description: 'Scaled MAD, ≈ a standard deviation.' }) spread!: number;
  @Field(() => Float) low!: number;
  @Field(() => Float) high!: number;
  @Field(() => Int, { description: 'Past campaigns the baseline stands on.' }) size!: number;
}

@ObjectType('CampaignDiagnostic', { description: 'One metric of a campaign against the workspace’s baseline for its type, with advice when it falls short.' })
export class CampaignDiagnosticType {
  @Field(() => MetricIdEnum) metric!: MetricId;
  @Field(() => Float, { nullable: true }) value!: number | null;
  @Field(() => DiagnosticStatusEnum) status!: DiagnosticStatus;
  @Field(() => MetricBaselineType, { nullable: true }) baseline!: MetricBaselineType | null;
  @Field(() => String, { nullable: true, description: 'What to look at (the seed’s advice) when the status is LOW.' }) advice!: string | null;
  @Field() reason!: string;
}

@ObjectType('ReadClassShare', { description: 'How many of the campaign’s measured reads fall in a read class.' })
export class ReadClassShareType {
  @Field(() => ReadClassEnum) readClass!: ReadClass;
  @Field(() => Int) messages!: number;
  @Field(() => Int, { description: 'Messages with a read-time measurement (the denominator).' }) measured!: number;
  @Field(() => Float, { nullable: true, description: 'messages / measured; null when nothing was measured.' }) share!: number | null;
  @Field(() => Float) fromSeconds!: number;
  @Field(() => Float, { nullable: true }) toSeconds!: number | null;
}

@ObjectType('ComparisonSide')
export class ComparisonSideType extends MetricValueType {
  @Field(() => ID) campaignId!: number;
}

@ObjectType('ConfidenceInterval')
export class ConfidenceIntervalType {
  @Field(() => Float) low!: number;
  @Field(() => Float) high!: number;
}

@ObjectType('CampaignComparison', { description: 'Two campaigns on one rate: the two-proportion z-test of B against A.' })
export class CampaignComparisonType {
  @Field(() => MetricIdEnum) metric!: MetricId;
  @Field(() => ComparisonSideType) a!: ComparisonSideType;
  @Field(() => ComparisonSideType) b!: ComparisonSideType;
  @Field(() => Float, { nullable: true, description: 'rate B − rate A.' }) difference!: number | null;
  @Field(() => Float) confidenceLevel!: number;
  @Field(() => ConfidenceIntervalType, { nullable: true, description: 'Of the difference, at confidenceLevel; null when there is not enough data.' }) interval!: ConfidenceIntervalType | null;
  @Field(() => Float, { nullable: true }) z!: number | null;
  @Field(() => Float, { nullable: true, description: 'Two-sided.' }) pValue!: number | null;
  @Field(() => AbVerdictEnum) verdict!: AbVerdict;
  @Field() reason!: string;
}
