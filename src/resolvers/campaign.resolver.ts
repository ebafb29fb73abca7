import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { CampaignType as CampaignTypeWord, Channel } from '../domain/model';
import { Campaign, CampaignCounts, ContactListType } from '../schema/campaign';
import { Connection, PageArgs } from '../schema/connection';
import { CampaignTypeEnum, ChannelEnum } from '../schema/enums';
import type { RequestContext } from '../server/context';
import { getCampaign, listCampaigns } from '../services/campaigns';
import { parseId } from './ids';

@InputType()
class CampaignFilter {
  @Field(() => ChannelEnum, { nullable: true })
  channel?: Channel;

  @Field(() => CampaignTypeEnum, { nullable: true })
  type?: CampaignTypeWord;

  @Field(() => String, { nullable: true })
  source?: string;

  @Field(() => Date, { nullable: true })
  sentAfter?: Date;

  @Field(() => Date, { nullable: true })
  sentBefore?: Date;
}

@ObjectType()
class CampaignConnection extends Connection(Campaign, 'Campaign') {}

@Resolver(() => Campaign)
export class CampaignResolver {
  @Query(() => CampaignConnection, { description: 'Campaigns of the workspace, newest first.', complexity: ({ args, childComplexity }) => 1 + (args.first ?? 50) * childComplexity })
  campaigns(@Args() page: PageArgs, @Arg('filter', () => CampaignFilter, { nullable: true }) filter: CampaignFilter | null, @Ctx() context: RequestContext) {
    return listCampaigns(context.manager, context.workspaceId, filter ?? {}, page);
  }

  @Query(() => Campaign)
  campaign(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext) {
    return getCampaign(context.manager, context.workspaceId, parseId(id, 'campaign'));
  }

  @FieldResolver(() => ContactListType, { nullable: true })
  list(@Root() campaign: Campaign, @Ctx() context: RequestContext) {
    return campaign.listId === null ? null : context.loaders.listById.load(campaign.listId);
  }

  @FieldResolver(() => CampaignCounts, { description: 'Message counts (unique messages, human-only opens and clicks).' })
  counts(@Root() campaign: Campaign, @Ctx() context: RequestContext) {
    return context.loaders.campaignCounts.load(campaign.id);
  }
}
