import { ApiKey } from './api-key';
import { Campaign, CampaignReport } from './campaign';
import { Contact, ContactIdentity, ContactMerge } from './contact';
import { ConnectorSetting } from './connector-setting';
import { ContactList, ListMembership, ListMembershipChange } from './contact-list';
import { Deal, Spend } from './deal';
import { EngagementEvent } from './engagement-event';
import { RulesChange, ScoreLedgerEntry, TierChangeRow } from './engagement';
import { ImportRun, RejectedRow } from './import-run';
import { LifecycleStageChange } from './lifecycle-stage-change';
import { Link, LinkRuleRow } from './link';
import { Message } from './message';
import { MetricAlert } from './metric-alert';
import { MessageRollup, MessageRollupDirty } from './message-rollup';
import { SyncCursor } from './sync-cursor';
import { VendorDailyStat } from './vendor-daily-stat';
import { Workspace } from './workspace';

export {
  ApiKey, Campaign, CampaignReport, Contact, ContactIdentity, ContactMerge, ContactList, ListMembership, ListMembershipChange,
  Deal, Spend, EngagementEvent, ImportRun, RejectedRow, LifecycleStageChange, Link, LinkRuleRow, Message, Workspace,
  ScoreLedgerEntry, TierChangeRow, RulesChange, ConnectorSetting, MetricAlert, MessageRollup, MessageRollupDirty, SyncCursor, VendorDailyStat,
};

export const ENTITIES = [
  Workspace, ApiKey, Contact, ContactIdentity, ContactMerge, Campaign, CampaignReport, Message, EngagementEvent, Link, LinkRuleRow,
  ContactList, ListMembership, ListMembershipChange, Deal, Spend, LifecycleStageChange, ImportRun, RejectedRow,
  ScoreLedgerEntry, TierChangeRow, RulesChange, ConnectorSetting, MetricAlert, MessageRollup, MessageRollupDirty, SyncCursor, VendorDailyStat,
];
