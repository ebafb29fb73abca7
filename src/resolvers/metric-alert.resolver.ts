import { Arg, Args, Ctx, FieldResolver, ObjectType, Query, Resolver, Root, Subscription } from 'type-graphql';
import { Campaign } from '../schema/campaign';
import { Connection, PageArgs } from '../schema/connection';
import { MetricAlertFilterInput, MetricAlertType } from '../schema/metric-alert';
import { withFreshLoadersPerEvent, type RequestContext } from '../server/context';
import type { MetricAlert } from '../store/entities';
import { METRIC_ALERT_TOPIC } from '../services/engagement/bus';
import { replayThenLive } from '../services/engagement/live';
import { parseHistoryCursor } from '../services/engagement/tier-history';
import { alertMatches, alertsAfter, listMetricAlerts, openAlertsOf, type MetricAlertFilter, type MetricAlertNotice } from '../services/metrics/alerts';
import { parseId } from './ids';

@ObjectType()
class MetricAlertConnection extends Connection(MetricAlertType, 'MetricAlert') {}

function filterOf(input: MetricAlertFilterInput | null | undefined): MetricAlertFilter {
  return { campaignId: input?.campaignId ? parseId(input.campaignId, 'campaign') : null, kinds: input?.kinds, open: input?.open };
}

const fromRow = (row: MetricAlert): MetricAlertType => ({ ...row, cursor: String(row.id) });

@Resolver(() => MetricAlertType)
export class MetricAlertResolver {
  @Query(() => MetricAlertConnection, { description: 'Metric alerts of the workspace, newest first.' })
  async metricAlerts(@Arg('filter', () => MetricAlertFilterInput, { nullable: true }) filter: MetricAlertFilterInput | null, @Args() page: PageArgs, @Ctx() context: RequestContext) {
    const found = await listMetricAlerts(context.manager, context.workspaceId, filterOf(filter), page);
    return { ...found, edges: found.edges.map((edge) => ({ cursor: edge.cursor, node: fromRow(edge.node) })) };
  }

  @Subscription(() => MetricAlertType, {
    description: 'Metric alerts as they are raised in this workspace (after the import run that caused them). With `after`, the stored alerts since that cursor come first.',
    subscribe: ({ args, context }) => {
      const request = context as RequestContext;
      if (!request.leadEvents) throw new Error('metricAlert is served over graphql-ws only');
      const { filter, after } = args as { filter?: MetricAlertFilterInput | null; after?: string | null };
      const wanted = filterOf(filter);
      const matches = (notice: MetricAlertNotice) => notice.workspaceId === request.workspaceId && alertMatches(notice, wanted);
      return withFreshLoadersPerEvent(request, replayThenLive<MetricAlertNotice>({
        live: () => request.leadEvents!.subscribe(METRIC_ALERT_TOPIC, request.workspaceId, (notice) => matches(notice as MetricAlertNotice)),
        ready: () => request.leadEvents!.ready(),
        replay: (from) => alertsAfter(request.manager, request.workspaceId, from, wanted),
        cursorOf: (notice) => notice.id,
        matches,
        after: parseHistoryCursor(after, 'alert'),
      }));
    },
  })
  metricAlert(
    @Root() notice: MetricAlertNotice,
    @Arg('filter', () => MetricAlertFilterInput, { nullable: true }) _filter: MetricAlertFilterInput | null,
    @Arg('after', () => String, { nullable: true, description: 'Resume after this cursor.' }) _after: string | null,
  ): MetricAlertType {
    return { ...notice, raisedAt: new Date(notice.raisedAt), clearedAt: null };
  }
}

@Resolver(() => Campaign)
export class CampaignAlertResolver {
  @FieldResolver(() => [MetricAlertType], { description: 'The campaign’s open metric alerts, newest first.' })
  async alerts(@Root() campaign: Campaign, @Ctx() context: RequestContext) {
    return (await openAlertsOf(context.loaders, context.manager, context.workspaceId, campaign.id)).map(fromRow);
  }
}
