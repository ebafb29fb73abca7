import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { FunnelBreakdownEnum, FunnelGroupType, FunnelModeEnum } from '../schema/funnel';
import type { RequestContext } from '../server/context';
import { queryFunnel, type FunnelBreakdown, type FunnelMode } from '../services/funnel';

@Resolver()
export class FunnelResolver {
  @Query(() => [FunnelGroupType], {
    description: 'The lifecycle funnel for [from, to), per first-touch group, with spend, CPL, CPA, revenue, ROI and CLV. `at` defaults to now.',
  })
  funnel(
    @Arg('from', () => Date, { description: 'Inclusive.' }) from: Date,
    @Arg('to', () => Date, { description: 'Exclusive.' }) to: Date,
    @Arg('mode', () => FunnelModeEnum, { defaultValue: 'COHORT' }) mode: FunnelMode,
    @Arg('at', () => Date, { nullable: true, description: 'SNAPSHOT: the moment counted. COHORT: how far the cohort is followed.' }) at: Date | null,
    @Arg('breakdown', () => FunnelBreakdownEnum, { defaultValue: 'NONE' }) breakdown: FunnelBreakdown,
    @Ctx() context: RequestContext,
  ) {
    // The clock is read here, at the edge: the service and the domain take `at` as given.
    return queryFunnel(context.manager, context.workspaceId, { from, to, mode, at: at ?? new Date(), breakdown });
  }
}
