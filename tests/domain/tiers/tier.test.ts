import { DEFAULT_TIER_SETTINGS, TIER_ACTIONS, signalsOf, tierChange, tierOf, type RatedMessage, type TierSignals } from '../../../src/domain/tiers';

function signals(clicked: boolean, readDeeply: boolean, replied: boolean, delivered = 4): TierSignals {
  return {
    delivered,
    clickedMessages: clicked ? 1 : 0,
    clickRate: delivered ? (clicked ? 1 : 0) / delivered : null,
    measuredReads: readDeeply ? 1 : 0,
    deepReads: readDeeply ? 1 : 0,
    averageReadSeconds: readDeeply ? 12 : null,
    repliedMessages: replied ? 1 : 0,
    clicked,
    readDeeply,
    replied,
  };
}

describe('the tier of a contact', () => {
  // Every combination of the three signals, plus nothing delivered (spec "Engagement tiers").
  it.each([
    [true, true, true, 'CORE'],
    [true, false, true, 'CORE'],
    [false, true, true, 'CORE'],
    [true, true, false, 'POTENTIAL'],
    [false, false, true, 'ENGAGED'],
    [true, false, false, 'ENGAGED'],
    [false, true, false, 'ENGAGED'],
    [false, false, false, 'LOW'],
  ])('clicked %p, read deeply %p, replied %p → %s', (clicked, readDeeply, replied, tier) => {
    expect(tierOf(signals(clicked, readDeeply, replied))).toBe(tier);
  });

  it.each([
    [true, true, true, 'CORE'],
    [true, false, true, 'CORE'],
    [false, true, true, 'CORE'],
    [true, true, false, 'POTENTIAL'],
    [false, false, true, 'ENGAGED'],
    [true, false, false, 'ENGAGED'],
    [false, true, false, 'ENGAGED'],
    [false, false, false, 'LOW'],
  ])('from messages: clicked %p, read deeply %p, replied %p → %s', (clicked, readDeeply, replied, tier) => {
    // Each signal on its own message, next to a delivered message with a skim (4 s) and no click or reply.
    const base: RatedMessage = { status: 'DELIVERED', deliveredAt: new Date(0), statusAt: new Date(0), humanClicks: 0, readSeconds: 4, replied: false };
    const messages: RatedMessage[] = [base];
    if (clicked) messages.push({ ...base, humanClicks: 1 });
    if (readDeeply) messages.push({ ...base, readSeconds: 8 });
    if (replied) messages.push({ ...base, replied: true });
    expect(tierOf(signalsOf(messages))).toBe(tier);
  });

  it('is UNRATED when nothing was delivered in the window, whatever else is known', () => {
    expect(tierOf(signals(false, false, false, 0))).toBe('UNRATED');
    expect(tierOf({ delivered: 0, clicked: true, readDeeply: true, replied: true })).toBe('UNRATED');
  });

  it('comes with the recommended action of the spec', () => {
    expect(TIER_ACTIONS.CORE).toBe('Follow up first, within a day.');
    expect(TIER_ACTIONS.POTENTIAL).toBe('Keep nurturing with in-depth content, case studies and proposals.');
    expect(TIER_ACTIONS.ENGAGED).toBe('Send light content; ask a question to draw a reply.');
    expect(TIER_ACTIONS.LOW).toBe('Improve the content or send less often.');
    expect(TIER_ACTIONS.UNRATED).toBeNull();
  });

  it('changes as an event with its cause, and not at all when it stays the same', () => {
    const message = (humanClicks: number, readSeconds: number | null, replied: boolean): RatedMessage => ({
      status: 'DELIVERED', deliveredAt: new Date(0), statusAt: new Date(0), humanClicks, readSeconds, replied,
    });
    const core = signalsOf([message(2, 3, false), message(0, 10, true), message(0, null, false)], DEFAULT_TIER_SETTINGS);
    expect(tierChange('POTENTIAL', core, 90)).toEqual({
      from: 'POTENTIAL',
      to: 'CORE',
      cause: 'replied to 1, clicked 1, read 1 deeply of 3 delivered messages in the last 90 days',
      action: 'Follow up first, within a day.',
    });
    expect(tierChange('CORE', core, 90)).toBeNull();
    expect(tierChange(null, signalsOf([]), 90)).toEqual({ from: null, to: 'UNRATED', cause: 'nothing delivered in the last 90 days', action: null });
    expect(tierChange('CORE', signalsOf([message(0, 1, false)]), 90)!.cause).toBe('no click, deep read or reply of 1 delivered messages in the last 90 days');
  });
});
