import { DEFAULT_TIER_SETTINGS, messagesInWindow, signalsOf, type RatedMessage } from '../../../src/domain/tiers';

const NOW = new Date('2025-06-30T12:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);

function message(overrides: Partial<RatedMessage> = {}): RatedMessage {
  return { status: 'DELIVERED', deliveredAt: daysAgo(1), statusAt: daysAgo(1), humanClicks: 0, readSeconds: null, replied: false, ...overrides };
}

describe('engagement signals', () => {
  it('count click, deep read and reply over delivered messages only', () => {
    const signals = signalsOf([
      message({ humanClicks: 3 }),
      message({ readSeconds: 8 }),
      message({ readSeconds: 4 }),
      message({ status: 'HARD_BOUNCED', humanClicks: 1, replied: true }),
    ]);
    expect(signals).toEqual({
      delivered: 3,
      clickedMessages: 1,
      clickRate: 1 / 3,
      measuredReads: 2,
      deepReads: 1,
      averageReadSeconds: 6,
      repliedMessages: 0,
      clicked: true,
      readDeeply: true,
      replied: false,
    });
  });

  it('can require a high unique CTR instead of any click', () => {
    const messages = [message({ humanClicks: 1 }), ...Array.from({ length: 9 }, () => message())];
    expect(signalsOf(messages).clicked).toBe(true);
    expect(signalsOf(messages, { ...DEFAULT_TIER_SETTINGS, clickRule: 'CLICK_RATE', highClickRate: 0.2 }).clicked).toBe(false);
    expect(signalsOf(messages, { ...DEFAULT_TIER_SETTINGS, clickRule: 'CLICK_RATE', highClickRate: 0.1 }).clicked).toBe(true);
  });

  it('can require an average read of deepReadSeconds instead of any deep read', () => {
    const messages = [message({ readSeconds: 9 }), message({ readSeconds: 3 })];
    expect(signalsOf(messages).readDeeply).toBe(true);
    expect(signalsOf(messages, { ...DEFAULT_TIER_SETTINGS, dwellRule: 'AVERAGE_READ' }).readDeeply).toBe(false);
    expect(signalsOf([message({ readSeconds: 9 }), message({ readSeconds: 7 })], { ...DEFAULT_TIER_SETTINGS, dwellRule: 'AVERAGE_READ' }).readDeeply).toBe(true);
  });

  it('take the last 90 days of delivered messages, dated by delivery or else by final status', () => {
    const inside = message({ deliveredAt: daysAgo(89) });
    const edge = message({ deliveredAt: daysAgo(90) });
    const old = message({ deliveredAt: daysAgo(120) });
    const provedByClick = message({ deliveredAt: null, statusAt: daysAgo(10) });
    const bounced = message({ status: 'SOFT_BOUNCED', deliveredAt: null, statusAt: daysAgo(5) });
    const future = message({ deliveredAt: new Date(NOW.getTime() + 1000) });
    expect(messagesInWindow([inside, edge, old, provedByClick, bounced, future], NOW)).toEqual([inside, provedByClick]);
    expect(messagesInWindow([old], NOW, { windowDays: 180 })).toEqual([old]);
  });
});
