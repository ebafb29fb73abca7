import type { NonEmptyArray } from 'type-graphql';
import { CampaignResolver } from './campaign.resolver';
import { ConnectorResolver } from './connector.resolver';
import { ContactResolver } from './contact.resolver';
import { DiagnosticsResolver } from './diagnostics.resolver';
import { FunnelResolver } from './funnel.resolver';
import { CampaignTierResolver, EngagementRulesResolver } from './engagement-rules.resolver';
import { ImportProgressResolver } from './import-progress.resolver';
import { ImportResolver } from './import.resolver';
import { LeadStageChangeResolver, LeadTierChangeResolver } from './lead-subscription.resolver';
import { LeadResolver } from './lead.resolver';
import { LinkRuleResolver } from './link-rule.resolver';
import { CampaignAlertResolver, MetricAlertResolver } from './metric-alert.resolver';
import { MetricsResolver } from './metrics.resolver';
import { SpendResolver } from './spend.resolver';
import { VendorStatsResolver } from './vendor-stats.resolver';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const RESOLVERS: NonEmptyArray<Function> = [CampaignResolver, ContactResolver, ImportResolver, LinkRuleResolver, MetricsResolver,
  LeadResolver, LeadTierChangeResolver, LeadStageChangeResolver, EngagementRulesResolver, CampaignTierResolver,
  ImportProgressResolver, FunnelResolver, SpendResolver, ConnectorResolver, DiagnosticsResolver,
  MetricAlertResolver, CampaignAlertResolver, VendorStatsResolver];
