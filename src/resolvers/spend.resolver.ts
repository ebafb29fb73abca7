import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { SpendInput, SpendType } from '../schema/spend';
import type { RequestContext } from '../server/context';
import { recordSpend } from '../services/funnel';
import { parseId } from './ids';

@Resolver()
export class SpendResolver {
  @Authorized('write')
  @Mutation(() => SpendType, { description: 'Records marketing spend by hand (source manual); the funnel’s CPL, CPA and ROI use it.' })
  recordSpend(@Arg('input', () => SpendInput) input: SpendInput, @Ctx() context: RequestContext) {
    const campaignId = input.campaignId != null ? parseId(input.campaignId, 'campaign') : null;
    return recordSpend(context.manager, context.workspaceId, { ...input, campaignId });
  }
}
