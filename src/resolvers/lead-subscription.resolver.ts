import { Arg, Ctx, FieldResolver, Resolver, Root, Subscription } from 'type-graphql';
import type { LifecycleStage } from '../domain/model';
import { Contact } from '../schema/contact';
import { LeadStageChange, LeadStageChangeFilter, LeadTierChange, LeadTierChangeFilter } from '../schema/lead';
import { withFreshLoadersPerEvent, type RequestContext } from '../server/context';
import type { StageChangeNotice, TierChangeNotice } from '../services/engagement/changes';
import { subscribeStageChanges, subscribeTierChanges, type SubscriberScope } from '../services/engagement/subscriptions';
import { getContact } from '../services/contacts';
import { parseId } from './ids';
import { signalsForGraphQL } from './lead.resolver';

/** The subscriber's workspace comes from its API key (connectionParams), never from the arguments. */
function scopeOf(context: RequestContext): SubscriberScope {
  if (!context.leadEvents) throw new Error('lead subscriptions need the server’s pub/sub (they are served over graphql-ws only)');
  return { manager: context.manager, bus: context.leadEvents, workspaceId: context.workspaceId };
}

interface TierArgs {
  filter?: { tiers?: LeadTierChangeFilter['tiers']; campaignId?: string | null } | null;
  after?: string | null;
}

@Resolver(() => LeadTierChange)
export class LeadTierChangeResolver {
  @Subscription(() => LeadTierChange, {
    description:
      'Leads changing engagement tier in this workspace. With `after` (the cursor of the last change received), the stored changes since then are sent first, then live ones: nothing is missed across a reconnect.',
    subscribe: ({ args, context }) => {
      const { filter, after } = args as TierArgs;
      const campaignId = filter?.campaignId ? parseId(filter.campaignId, 'campaign') : null;
      return withFreshLoadersPerEvent(context as RequestContext, subscribeTierChanges(scopeOf(context as RequestContext), { tiers: filter?.tiers, campaignId }, after));
    },
  })
  leadTierChanged(
    @Root() notice: TierChangeNotice,
    @Arg('filter', () => LeadTierChangeFilter, { nullable: true }) _filter: LeadTierChangeFilter | null,
    @Arg('after', () => String, { nullable: true, description: 'Resume after this cursor.' }) _after: string | null,
  ): LeadTierChange {
    return {
      cursor: notice.cursor, leadId: notice.contactId, from: notice.from, to: notice.to, signals: signalsForGraphQL(notice.signals),
      reason: notice.reason, at: new Date(notice.at),
    };
  }

  @FieldResolver(() => Contact)
  lead(@Root() change: LeadTierChange, @Ctx() context: RequestContext) {
    return getContact(context.manager, context.workspaceId, change.leadId);
  }
}

@Resolver(() => LeadStageChange)
export class LeadStageChangeResolver {
  @Subscription(() => LeadStageChange, {
    description:
      'Leads changing lifecycle stage in this workspace: automatically (score, deals), by hand, or from a CRM’s imported history. With `after` (the cursor of the last change received), the stored changes since then are sent first, then live ones.',
    subscribe: ({ args, context }) => {
      const { filter, after } = args as { filter?: { stages?: LifecycleStage[] | null } | null; after?: string | null };
      return withFreshLoadersPerEvent(context as RequestContext, subscribeStageChanges(scopeOf(context as RequestContext), filter?.stages, after));
    },
  })
  leadStageChanged(
    @Root() notice: StageChangeNotice,
    @Arg('filter', () => LeadStageChangeFilter, { nullable: true }) _filter: LeadStageChangeFilter | null,
    @Arg('after', () => String, { nullable: true, description: 'Resume after this cursor.' }) _after: string | null,
  ): LeadStageChange {
    return { id: notice.id, cursor: notice.cursor ?? String(notice.id), leadId: notice.contactId, from: notice.from, to: notice.to, at: new Date(notice.at), cause: notice.cause, source: notice.source };
  }

  @FieldResolver(() => Contact)
  lead(@Root() change: LeadStageChange, @Ctx() context: RequestContext) {
    return getContact(context.manager, context.workspaceId, change.leadId);
  }
}
