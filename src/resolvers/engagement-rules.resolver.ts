import { Arg, Authorized, Ctx, Field, FieldResolver, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { EngagementTier } from '../domain/model';
import { Campaign } from '../schema/campaign';
import { EngagementTierEnum } from '../schema/enums';
import { RulesChangeType, ScoringRulesInput, ScoringRulesType, TierRulesInput, TierRulesType } from '../schema/engagement-rules';
import type { RequestContext } from '../server/context';
import { engagementRulesOf } from '../services/engagement/rules-of';
import { updateScoringRules, updateTierRules } from '../services/engagement/rules-update';
import { RulesChange } from '../store/entities';
import { scoringRulesFromInput, tierRulesFromInput } from './engagement-rules.input';

@ObjectType('TierCount', { description: 'How many leads who received a campaign are in a tier now.' })
class TierCount {
  @Field(() => EngagementTierEnum)
  tier!: EngagementTier;

  @Field(() => Int)
  count!: number;
}

/** The workspace's scoring and tier rules: read them, change them (admin), follow the re-rating a change starts. */
@Resolver()
export class EngagementRulesResolver {
  @Query(() => ScoringRulesType, { description: 'The lead scoring rules in force (the defaults until the workspace sets its own).' })
  async scoringRules(@Ctx() context: RequestContext): Promise<ScoringRulesType> {
    const { ruleset } = engagementRulesOf(await context.loaders.workspaceSettings.load(context.workspaceId));
    const copy = <T>(list: readonly T[] | undefined) => (list ? [...list] : undefined);
    const rules = ruleset.rules.map(({ conditions, ...rule }) => ({
      ...rule,
      conditions: conditions && {
        linkCategories: copy(conditions.linkCategories), campaignTypes: copy(conditions.campaignTypes),
        readClasses: copy(conditions.readClasses), bounceKinds: copy(conditions.bounceKinds),
      },
    }));
    return { rules, decay: ruleset.decay, mqlThreshold: ruleset.mqlThreshold };
  }

  @Query(() => TierRulesType, { description: 'The engagement tier rules in force.' })
  async tierRules(@Ctx() context: RequestContext): Promise<TierRulesType> {
    return engagementRulesOf(await context.loaders.workspaceSettings.load(context.workspaceId)).tiers;
  }

  @Query(() => [RulesChangeType], { description: 'Changes of the rules, newest first, with the progress of the re-rating each started.' })
  rulesChanges(@Arg('first', () => Int, { defaultValue: 20 }) first: number, @Ctx() context: RequestContext) {
    return context.manager.getRepository(RulesChange).find({ where: { workspaceId: context.workspaceId }, order: { id: 'DESC' }, take: Math.min(Math.max(first, 1), 100) });
  }

  @Authorized('admin')
  @Mutation(() => RulesChangeType, { description: 'Replaces the scoring rules and re-scores every contact of the workspace (in batches; recorded).' })
  updateScoringRules(@Arg('rules', () => ScoringRulesInput) rules: ScoringRulesInput, @Ctx() context: RequestContext) {
    return updateScoringRules(context.dataSource, context.principal, scoringRulesFromInput(rules), { bus: context.leadEvents });
  }

  @Authorized('admin')
  @Mutation(() => RulesChangeType, { description: 'Changes the tier rules and re-rates every contact of the workspace (in batches; recorded).' })
  async updateTierRules(@Arg('rules', () => TierRulesInput) rules: TierRulesInput, @Ctx() context: RequestContext) {
    const { settings } = engagementRulesOf(await context.loaders.workspaceSettings.load(context.workspaceId));
    return updateTierRules(context.dataSource, context.principal, tierRulesFromInput(rules, settings), { bus: context.leadEvents });
  }
}

@Resolver(() => Campaign)
export class CampaignTierResolver {
  @FieldResolver(() => [TierCount], { description: 'Leads who received the campaign, counted by their engagement tier now.' })
  tierCounts(@Root() campaign: Campaign, @Ctx() context: RequestContext) {
    return context.loaders.tierCountsByCampaign.load(campaign.id);
  }
}
