import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { MetricGrouping, MetricId, MetricScope } from '../domain/metrics';
import { Campaign } from '../schema/campaign';
import { MetricDefinitionType, MetricFilterInput, MetricGroupByEnum, MetricIdEnum, MetricRowType, MetricScopeEnum, MetricValueType } from '../schema/metrics';
import type { RequestContext } from '../server/context';
import { campaignMetricLoaders, metricCatalog, queryMetrics, type MetricFilter } from '../services/metrics';
import { parseId } from './ids';

function filterOf(input: MetricFilterInput | null): MetricFilter {
  if (!input) return {};
  return {
    ...input,
    campaignIds: input.campaignIds?.map((id) => parseId(id, 'campaign')),
    listId: input.listId ? parseId(input.listId, 'list') : null,
    contactIds: input.contactIds?.map((id) => parseId(id, 'contact')),
  };
}

@Resolver(() => Campaign)
export class MetricsResolver {
  @Query(() => [MetricDefinitionType], { description: 'The metric catalogue: every metric’s definition, inputs and the sources that supply them.' })
  metricCatalog(@Arg('scope', () => MetricScopeEnum, { nullable: true }) scope: MetricScope | null) {
    return metricCatalog(scope);
  }

  @Query(() => [MetricRowType], {
    description:
      'Message metrics of the workspace, one row per group (groups with messages only; ungrouped, one total row). ' +
      'Every message metric when `metrics` is omitted. Human-only opens and clicks; null values carry a reason.',
  })
  metrics(
    @Arg('filter', () => MetricFilterInput, { nullable: true }) filter: MetricFilterInput | null,
    @Arg('groupBy', () => MetricGroupByEnum, { nullable: true }) groupBy: MetricGrouping | null,
    @Arg('metrics', () => [MetricIdEnum], { nullable: true }) metrics: MetricId[] | null,
    @Ctx() context: RequestContext,
  ) {
    return queryMetrics(context.manager, context.workspaceId, { filter: filterOf(filter), groupBy, metrics });
  }

  @FieldResolver(() => [MetricValueType], { name: 'metrics', description: 'The campaign’s message metrics (every one when `metrics` is omitted).' })
  campaignMetrics(
    @Root() campaign: Campaign,
    @Arg('metrics', () => [MetricIdEnum], { nullable: true }) metrics: MetricId[] | null,
    @Ctx() context: RequestContext,
  ) {
    return campaignMetricLoaders(context.loaders, context.manager, context.workspaceId).load(campaign.id, metrics);
  }

  @FieldResolver(() => [MetricValueType], { description: 'Unique CTR per link category: delivered messages with a human click on a link of the category / delivered.' })
  linkCategoryBreakdown(@Root() campaign: Campaign, @Ctx() context: RequestContext) {
    return campaignMetricLoaders(context.loaders, context.manager, context.workspaceId).load(campaign.id, ['clickRateByLinkCategory']);
  }
}
