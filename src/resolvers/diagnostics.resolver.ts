import { Arg, Ctx, FieldResolver, Float, ID, Query, Resolver, Root } from 'type-graphql';
import type { MetricId } from '../domain/metrics';
import { Campaign } from '../schema/campaign';
import { CampaignComparisonType, CampaignDiagnosticType, ReadClassShareType } from '../schema/diagnostics';
import { MetricIdEnum } from '../schema/metrics';
import type { RequestContext } from '../server/context';
import { campaignDiagnosticLoader, compareCampaigns, readClassLoader } from '../services/metrics';
import { parseId } from './ids';

@Resolver(() => Campaign)
export class DiagnosticsResolver {
  @FieldResolver(() => [CampaignDiagnosticType], {
    description:
      'Delivery rate, CTR, dwell and reply rate against the workspace’s own baseline for this campaign type (median ± 2 robust spreads of its earlier campaigns of the type), with the advice for what falls short.',
  })
  diagnostics(@Root() campaign: Campaign, @Ctx() context: RequestContext) {
    return campaignDiagnosticLoader(context.loaders, context.manager, context.workspaceId).load(campaign.id);
  }

  @FieldResolver(() => [ReadClassShareType], { description: 'The campaign’s measured reads split into glance, skim and deep read.' })
  readClassBreakdown(@Root() campaign: Campaign, @Ctx() context: RequestContext) {
    return readClassLoader(context.loaders, context.manager, context.workspaceId).load(campaign.id);
  }

  @Query(() => CampaignComparisonType, {
    description:
      'A/B comparison of two campaigns (or variants sent as campaigns) on a message rate: both sides’ numerators and denominators, the difference B − A with its confidence interval, the two-sided p-value of the two-proportion z-test, and a verdict (NOT_ENOUGH_DATA below 5 messages with and without the outcome on either side).',
  })
  compareCampaigns(
    @Arg('a', () => ID) a: string,
    @Arg('b', () => ID) b: string,
    @Arg('metric', () => MetricIdEnum) metric: MetricId,
    @Arg('confidenceLevel', () => Float, { defaultValue: 0.95, description: 'e.g. 0.9, 0.95, 0.99.' }) confidenceLevel: number,
    @Ctx() context: RequestContext,
  ) {
    return compareCampaigns(context.manager, context.workspaceId, { a: parseId(a, 'campaign'), b: parseId(b, 'campaign'), metric, confidenceLevel });
  }
}
