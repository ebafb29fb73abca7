/**
 * The three engagement signals of a contact (click, dwell, reply) over its delivered messages in the window.
 */
import type { MessageFacts } from '../messages';
import { DEFAULT_TIER_SETTINGS, type TierSettings } from './settings';

const DAY_MS = 86_400_000;

/** The facts a rating needs: a message row (a contact's message, with its facts). */
export type RatedMessage = Pick<MessageFacts, 'status' | 'deliveredAt' | 'statusAt' | 'humanClicks' | 'readSeconds' | 'replied'>;

export interface TierSignals {
  /** Delivered messages in the window; 0 means the contact cannot be rated. */
  delivered: number;
  clickedMessages: number;
  /** Unique CTR over the window, null when nothing was delivered. */
  clickRate: number | null;
  measuredReads: number;
  deepReads: number;
  /** Mean read seconds over messages with a measurement, null when none was measured. */
  averageReadSeconds: number | null;
  repliedMessages: number;
  clicked: boolean;
  readDeeply: boolean;
  replied: boolean;
}

/**
 * The delivered messages of the window (now − windowDays, now]: dated by delivery, or by the moment the status
 * became final when the source sent no delivered event (a click or read proved delivery).
 */
export function messagesInWindow<M extends RatedMessage>(
  messages: readonly M[],
  now: Date,
  settings: Pick<TierSettings, 'windowDays'> = DEFAULT_TIER_SETTINGS,
): M[] {
  const start = now.getTime() - settings.windowDays * DAY_MS;
  return messages.filter((message) => {
    if (message.status !== 'DELIVERED') return false;
    const at = (message.deliveredAt ?? message.statusAt)?.getTime();
    return at !== undefined && at > start && at <= now.getTime();
  });
}

/** Signals of the messages given (already cut to the window); messages not delivered are ignored. */
export function signalsOf(messages: readonly RatedMessage[], settings: TierSettings = DEFAULT_TIER_SETTINGS): TierSignals {
  const delivered = messages.filter((message) => message.status === 'DELIVERED');
  const clickedMessages = delivered.filter((message) => message.humanClicks > 0).length;
  const reads = delivered.map((message) => message.readSeconds).filter((seconds): seconds is number => seconds !== null);
  const deepReads = reads.filter((seconds) => seconds >= settings.deepReadSeconds).length;
  const repliedMessages = delivered.filter((message) => message.replied).length;
  const clickRate = delivered.length > 0 ? clickedMessages / delivered.length : null;
  const averageReadSeconds = reads.length > 0 ? [...reads].sort((a, b) => a - b).reduce((sum, s) => sum + s, 0) / reads.length : null;

  const clicked = clickedMessages > 0 && (settings.clickRule === 'ANY_CLICK' || (clickRate as number) >= settings.highClickRate);
  const readDeeply =
    settings.dwellRule === 'ANY_DEEP_READ' ? deepReads > 0 : averageReadSeconds !== null && averageReadSeconds >= settings.deepReadSeconds;
  return {
    delivered: delivered.length,
    clickedMessages,
    clickRate,
    measuredReads: reads.length,
    deepReads,
    averageReadSeconds,
    repliedMessages,
    clicked,
    readDeeply,
    replied: repliedMessages > 0,
  };
}
