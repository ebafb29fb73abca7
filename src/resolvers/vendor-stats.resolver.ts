import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { VendorDailyStatsType } from '../schema/vendor-stats';
import type { RequestContext } from '../server/context';
import { listVendorStats } from '../services/sync/vendor-stats';

@Resolver()
export class VendorStatsResolver {
  @Query(() => [VendorDailyStatsType], {
    description:
      'The vendors’ own daily counters brought in by API pulls (SendGrid: the account and each category), for reconciliation beside `metrics` — they count events, machine opens included; metrics count messages. At most 400 days per request.',
  })
  vendorStats(
    @Arg('from', { description: 'First day, YYYY-MM-DD (UTC).' }) from: string,
    @Arg('to', { description: 'Last day, YYYY-MM-DD (UTC).' }) to: string,
    @Arg('source', () => String, { nullable: true }) source: string | null,
    @Arg('scope', () => String, { nullable: true, description: '"account" or "category:<name>"; all scopes when absent.' }) scope: string | null,
    @Ctx() context: RequestContext,
  ) {
    return listVendorStats(context.manager, context.workspaceId, { from, to, source, scope });
  }
}
