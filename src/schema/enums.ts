import { registerEnumType } from 'type-graphql';
import {
  API_KEY_SCOPES, CAMPAIGN_TYPES, CHANNELS, DEAL_STATUSES, DELIVERY_STATUSES, ENGAGEMENT_EVENT_TYPES, ENGAGEMENT_TIERS,
  LIFECYCLE_STAGES, LINK_CATEGORIES, LIST_MEMBERSHIP_STATUSES,
} from '../domain/model';

/** GraphQL enums are generated from the domain's vocabularies: one list of words, no copies. */
function enumOf<T extends string>(words: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(words.map((word) => [word, word])) as { [K in T]: K };
}

export const ChannelEnum = enumOf(CHANNELS);
export const CampaignTypeEnum = enumOf(CAMPAIGN_TYPES);
export const DeliveryStatusEnum = enumOf(DELIVERY_STATUSES);
export const LifecycleStageEnum = enumOf(LIFECYCLE_STAGES);
export const LinkCategoryEnum = enumOf(LINK_CATEGORIES);
export const EngagementEventTypeEnum = enumOf(ENGAGEMENT_EVENT_TYPES);
export const EngagementTierEnum = enumOf(ENGAGEMENT_TIERS);
export const DealStatusEnum = enumOf(DEAL_STATUSES);
export const ListMembershipStatusEnum = enumOf(LIST_MEMBERSHIP_STATUSES);
export const ApiKeyScopeEnum = enumOf(API_KEY_SCOPES);

registerEnumType(ChannelEnum, { name: 'Channel', description: 'The channel a campaign is sent on.' });
registerEnumType(CampaignTypeEnum, { name: 'CampaignType', description: 'Campaign type; baselines are kept per type.' });
registerEnumType(DeliveryStatusEnum, { name: 'DeliveryStatus', description: 'Final delivery status of a message (exactly one).' });
registerEnumType(LifecycleStageEnum, { name: 'LifecycleStage', description: 'SUBSCRIBER → LEAD → MQL → SQL → OPPORTUNITY → CUSTOMER, plus DISQUALIFIED.' });
registerEnumType(LinkCategoryEnum, { name: 'LinkCategory', description: 'Category of a link, from the workspace link rules.' });
registerEnumType(EngagementEventTypeEnum, { name: 'EngagementEventType', description: 'Type of an engagement event in the unified ledger.' });
registerEnumType(EngagementTierEnum, { name: 'EngagementTier', description: 'Engagement tier of a lead (metrics.md, "Engagement tiers").' });
registerEnumType(DealStatusEnum, { name: 'DealStatus' });
registerEnumType(ListMembershipStatusEnum, { name: 'ListMembershipStatus' });
registerEnumType(ApiKeyScopeEnum, { name: 'ApiKeyScope' });
