import { Arg, Args, Ctx, ObjectType, Query, Resolver } from 'type-graphql';
import { Connection, PageArgs } from '../schema/connection';
import { VendorDailyStatsType } from '../schema/vendor-stats';
import type { RequestContext } from '../server/context';
import { listVendorStats } from '../services/sync/vendor-stats';

@ObjectType()
class VendorDailyStatsConnection extends Connection(VendorDailyStatsType, 'VendorDailyStats') {}

@Resolver()
export class VendorStatsResolver {
  @Query(() => VendorDailyStatsConnection, {
    description:
      'The vendors’ own daily counters brought in by API pulls (SendGrid: the account and each category), for reconciliation beside `metrics` — they count events, machine opens included; metrics count messages. At most 400 days per request; ordered by source, scope and day.',
  })
  vendorStats(
    @Arg('from', { description: 'First day, YYYY-MM-DD (UTC).' }) from: string,
    @Arg('to', { description: 'Last day, YYYY-MM-DD (UTC).' }) to: string,
    @Arg('source', () => String, { nullable: true }) source: string | null,
    @Arg('scope', () => String, { nullable: true, description: '"account" or "category:<name>"; all scopes when absent.' }) scope: string | null,
    @Args() page: PageArgs,
    @Ctx() context: RequestContext,
  ) {
    return listVendorStats(context.manager, context.workspaceId, { from, to, source, scope }, page);
  }
}
