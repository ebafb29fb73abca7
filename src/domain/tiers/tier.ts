/**
 * Tier of a contact from its signals (spec "Engagement tiers"). CORE, POTENTIAL and LOW are the seed's three
 * tiers; ENGAGED and UNRATED cover the combinations it leaves open, so every case has exactly one tier.
 */
import type { EngagementTier } from '../model';
import type { TierSignals } from './signals';

export const TIER_ACTIONS: Readonly<Record<EngagementTier, string | null>> = {
  CORE: 'Follow up first, within a day.',
  POTENTIAL: 'Keep nurturing with in-depth content, case studies and proposals.',
  ENGAGED: 'Send light content; ask a question to draw a reply.',
  LOW: 'Improve the content or send less often.',
  UNRATED: null,
};

export function tierOf(signals: Pick<TierSignals, 'delivered' | 'clicked' | 'readDeeply' | 'replied'>): EngagementTier {
  if (signals.delivered === 0) return 'UNRATED';
  const { clicked, readDeeply, replied } = signals;
  if (replied && (clicked || readDeeply)) return 'CORE';
  if (clicked && readDeeply) return 'POTENTIAL';
  if (replied || clicked || readDeeply) return 'ENGAGED';
  return 'LOW';
}

/** The signals behind a tier in words, stored as the cause of a tier change. */
export function tierCause(signals: TierSignals, windowDays: number): string {
  if (signals.delivered === 0) return `nothing delivered in the last ${windowDays} days`;
  const seen = [
    signals.replied ? `replied to ${signals.repliedMessages}` : null,
    signals.clicked ? `clicked ${signals.clickedMessages}` : null,
    signals.readDeeply ? `read ${signals.deepReads} deeply` : null,
  ].filter((part): part is string => part !== null);
  const behaviour = seen.length > 0 ? seen.join(', ') : 'no click, deep read or reply';
  return `${behaviour} of ${signals.delivered} delivered messages in the last ${windowDays} days`;
}

export interface TierChange {
  from: EngagementTier | null;
  to: EngagementTier;
  cause: string;
  action: string | null;
}

/** The tier change to record and push, or null when the tier stays the same. */
export function tierChange(previous: EngagementTier | null, signals: TierSignals, windowDays: number): TierChange | null {
  const to = tierOf(signals);
  if (to === previous) return null;
  return { from: previous, to, cause: tierCause(signals, windowDays), action: TIER_ACTIONS[to] };
}
