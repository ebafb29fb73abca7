import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { LinkRuleInput, LinkRulesUpdate, LinkRuleType } from '../schema/link-rule';
import type { RequestContext } from '../server/context';
import { listLinkRules, replaceLinkRules } from '../services/link-rules';

@Resolver()
export class LinkRuleResolver {
  @Query(() => [LinkRuleType], { description: 'The workspace’s link classification rules (the defaults until it sets its own).' })
  linkRules(@Ctx() context: RequestContext) {
    return listLinkRules(context.dataSource, context.workspaceId);
  }

  @Authorized('write')
  @Mutation(() => LinkRulesUpdate, { description: 'Replaces the link rules and re-applies them to every known link.' })
  updateLinkRules(@Arg('rules', () => [LinkRuleInput]) rules: LinkRuleInput[], @Ctx() context: RequestContext) {
    return replaceLinkRules(context.dataSource, context.workspaceId, rules);
  }
}
