/**
 * Which breakdown group a contact or a spend row belongs to. Contacts are grouped by their first touch (the
 * campaign of their earliest message); spend by its own channel or campaign, and by its campaign's source.
 */
import type { FirstTouch, FunnelBreakdown, SpendRow } from './types';

export const UNGROUPED = 'ALL';
/** Contacts never sent a message, and spend recorded for no campaign (or channel), fall here. */
export const NO_TOUCH = 'NONE';

export interface GroupKey {
  key: string;
  label: string;
}

export function contactGroup(breakdown: FunnelBreakdown, touch: FirstTouch | undefined): GroupKey {
  if (breakdown === 'NONE') return { key: UNGROUPED, label: 'all contacts' };
  if (!touch) return { key: NO_TOUCH, label: 'no message sent' };
  if (breakdown === 'CHANNEL') return { key: touch.channel, label: touch.channel };
  if (breakdown === 'SOURCE') return { key: touch.source, label: touch.source };
  return { key: String(touch.campaignId), label: touch.campaignName };
}

export function spendGroup(breakdown: FunnelBreakdown, spend: SpendRow): GroupKey {
  if (breakdown === 'NONE') return { key: UNGROUPED, label: 'all contacts' };
  const none = { key: NO_TOUCH, label: breakdown === 'CHANNEL' ? 'no channel' : 'no campaign' };
  if (breakdown === 'CHANNEL') return spend.channel ? { key: spend.channel, label: spend.channel } : none;
  if (breakdown === 'SOURCE') return spend.campaignSource ? { key: spend.campaignSource, label: spend.campaignSource } : none;
  return spend.campaignId !== null ? { key: String(spend.campaignId), label: spend.campaignName ?? String(spend.campaignId) } : none;
}

/** Campaign ids in number order, channels and sources alphabetically; NONE last. */
export function compareKeys(a: string, b: string): number {
  if (a === NO_TOUCH || b === NO_TOUCH) return a === b ? 0 : a === NO_TOUCH ? 1 : -1;
  const numeric = /^\d+$/.test(a) && /^\d+$/.test(b);
  return numeric ? Number(a) - Number(b) : a < b ? -1 : a > b ? 1 : 0;
}
