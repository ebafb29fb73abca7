import { Arg, Args, Authorized, Ctx, Field, FieldResolver, Float, ID, InputType, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { EngagementTier, LifecycleStage } from '../domain/model';
import { breakdown } from '../domain/scoring';
import { TIER_ACTIONS, type TierSignals } from '../domain/tiers';
import { PageArgs } from '../schema/connection';
import { Contact } from '../schema/contact';
import { EngagementTierEnum, LifecycleStageEnum } from '../schema/enums';
import { BantInput, ScoreBreakdownItem, TierSignalsType, TimelineItemType } from '../schema/lead';
import { LeadOrderEnum } from '../schema/lead-enums';
import type { RequestContext } from '../server/context';
import { adjustScoreByHand, setLifecycleStageByHand } from '../services/engagement/manual';
import { engagementRulesOf } from '../services/engagement/rules-of';
import { leadTimeline } from '../services/engagement/timeline';
import { listLeads, type LeadOrder } from '../services/leads';
import type { Contact as ContactRow } from '../store/entities';
import { ContactConnection, pageComplexity } from './contact.resolver';
import { parseId } from './ids';

@InputType()
class LeadFilter {
  @Field(() => [LifecycleStageEnum], { nullable: true })
  stages?: LifecycleStage[] | null;

  @Field(() => [EngagementTierEnum], { nullable: true })
  tiers?: EngagementTier[] | null;

  @Field(() => Float, { nullable: true })
  scoreAtLeast?: number | null;

  @Field(() => ID, { nullable: true, description: 'Leads who received this campaign.' })
  campaignId?: string | null;

  @Field(() => Date, { nullable: true })
  lastActivityAfter?: Date | null;

  @Field(() => String, { nullable: true })
  email?: string | null;
}

const MANUAL_RULE_NAME = 'Manual adjustment';

/** Scoring, tier and lifecycle fields of a lead, the leads list, and the changes sales make by hand. */
@Resolver(() => Contact)
export class LeadResolver {
  @Query(() => ContactConnection, { description: 'Contacts at stage LEAD or beyond; newest first unless orderBy says otherwise.', complexity: pageComplexity })
  leads(
    @Args() page: PageArgs,
    @Arg('filter', () => LeadFilter, { nullable: true }) filter: LeadFilter | null,
    @Arg('orderBy', () => LeadOrderEnum, { defaultValue: 'CREATED' }) orderBy: LeadOrder,
    @Ctx() context: RequestContext,
  ) {
    const campaignId = filter?.campaignId ? parseId(filter.campaignId, 'campaign') : null;
    return listLeads(context.manager, context.workspaceId, { ...(filter ?? {}), campaignId }, orderBy, page);
  }

  @FieldResolver(() => Float, { description: 'Lead score: the points of its behaviour (with decay), as of the last refresh.' })
  score(@Root() contact: ContactRow) {
    return contact.score;
  }

  @FieldResolver(() => [ScoreBreakdownItem], { description: 'Where the score comes from, per rule, largest first.', complexity: 10 })
  async scoreBreakdown(@Root() contact: ContactRow, @Ctx() context: RequestContext): Promise<ScoreBreakdownItem[]> {
    const [ledger, settings] = await Promise.all([
      context.loaders.scoreLedgerByContact.load(contact.id),
      context.loaders.workspaceSettings.load(context.workspaceId),
    ]);
    const { ruleset } = engagementRulesOf(settings);
    const entries = ledger.map((row) => ({ contactId: String(row.contactId), ruleId: row.ruleId, eventId: String(row.eventId ?? ''), points: Number(row.points), at: row.at }));
    return breakdown(entries, new Date(), ruleset).map((row) => ({
      rule: row.ruleId,
      name: ruleset.rules.find((rule) => rule.id === row.ruleId)?.name ?? (row.ruleId === 'manual' ? MANUAL_RULE_NAME : null),
      points: Math.round(row.current * 1000) / 1000,
      awarded: row.awarded,
      entries: row.entries,
    }));
  }

  @FieldResolver(() => EngagementTierEnum, { description: 'Engagement tier over the workspace’s window (UNRATED: nothing delivered in it).' })
  tier(@Root() contact: ContactRow) {
    return contact.tier;
  }

  @FieldResolver(() => TierSignalsType, { nullable: true, description: 'The signals behind the tier; null until the contact is first rated.' })
  tierSignals(@Root() contact: ContactRow): TierSignalsType | null {
    return contact.tierSignals ? signalsForGraphQL(contact.tierSignals as unknown as TierSignals) : null;
  }

  @FieldResolver(() => Date, { nullable: true, description: 'Since when the lead has been in its tier.' })
  tierSince(@Root() contact: ContactRow) {
    return contact.tierSince;
  }

  @FieldResolver(() => String, { nullable: true, description: 'The recommended next action for its tier (metrics.md, "Engagement tiers").' })
  nextAction(@Root() contact: ContactRow) {
    return TIER_ACTIONS[contact.tier] ?? null;
  }

  @FieldResolver(() => [TimelineItemType], { description: 'Events, points, stage and tier changes, newest first.', complexity: ({ args }) => 1 + (args.first ?? 100) })
  timeline(@Root() contact: ContactRow, @Arg('first', () => Int, { defaultValue: 100, description: '1–500 items.' }) first: number, @Ctx() context: RequestContext) {
    return leadTimeline(context.manager, context.workspaceId, contact.id, Math.min(Math.max(first, 1), 500));
  }

  @Authorized('write')
  @Mutation(() => Contact, { description: 'Sets a lead’s lifecycle stage by hand (any direction, DISQUALIFIED included), with optional BANT answers; kept in its history.' })
  setLifecycleStage(
    @Arg('leadId', () => ID) leadId: string,
    @Arg('stage', () => LifecycleStageEnum) stage: LifecycleStage,
    @Arg('bant', () => BantInput, { nullable: true }) bant: BantInput | null,
    @Arg('note', () => String, { nullable: true }) note: string | null,
    @Ctx() context: RequestContext,
  ) {
    return setLifecycleStageByHand(context.dataSource, context.principal, parseId(leadId, 'lead'), { stage, bant, note }, context.leadEvents);
  }

  @Authorized('write')
  @Mutation(() => Contact, { description: 'Adds (or, negative, removes) points by hand; a ledger entry with its reason.' })
  adjustLeadScore(
    @Arg('leadId', () => ID) leadId: string,
    @Arg('points', () => Float) points: number,
    @Arg('reason') reason: string,
    @Ctx() context: RequestContext,
  ) {
    return adjustScoreByHand(context.dataSource, context.principal, parseId(leadId, 'lead'), points, reason, context.leadEvents);
  }
}

export function signalsForGraphQL(signals: TierSignals): TierSignalsType {
  return {
    click: signals.clicked, dwell: signals.readDeeply, reply: signals.replied, delivered: signals.delivered, clickedMessages: signals.clickedMessages,
    clickRate: signals.clickRate, deepReads: signals.deepReads, measuredReads: signals.measuredReads, averageReadSeconds: signals.averageReadSeconds,
    repliedMessages: signals.repliedMessages,
  };
}
