import type { NonEmptyArray } from 'type-graphql';
import { CampaignResolver } from './campaign.resolver';
import { ContactResolver } from './contact.resolver';
import { ImportResolver } from './import.resolver';
import { LinkRuleResolver } from './link-rule.resolver';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const RESOLVERS: NonEmptyArray<Function> = [CampaignResolver, ContactResolver, ImportResolver, LinkRuleResolver];
