import fc from 'fast-check';
import { deriveMessageFacts, type FactEvent } from '../../../src/domain/messages';

const at = (minute: number, second = 0) => new Date(Date.UTC(2026, 0, 1, 10, minute, second));
let counter = 0;
const event = (type: FactEvent['type'], when: Date, extra: Partial<FactEvent> = {}): FactEvent => ({ sourceEventId: `e${++counter}`, type, occurredAt: when, ...extra });

describe('deriving a message’s facts from its events', () => {
  it('deferred then delivered is DELIVERED, at the delivery time', () => {
    const facts = deriveMessageFacts([event('SENT', at(0)), event('DEFERRED', at(1)), event('DELIVERED', at(5))]);
    expect(facts).toMatchObject({ status: 'DELIVERED', statusAt: at(5), sentAt: at(0), deliveredAt: at(5) });
  });

  it('a hard bounce after delivery wins; a dropped message is DROPPED whatever else arrives', () => {
    expect(deriveMessageFacts([event('DELIVERED', at(1)), event('BOUNCED', at(2), { bounceKind: 'HARD' })]).status).toBe('HARD_BOUNCED');
    expect(deriveMessageFacts([event('DROPPED', at(1)), event('BOUNCED', at(2), { bounceKind: 'HARD' })]).status).toBe('DROPPED');
  });

  it('a soft bounce gives way to evidence of delivery (a retried message that arrived); alone it stays SOFT_BOUNCED', () => {
    expect(deriveMessageFacts([event('BOUNCED', at(1), { bounceKind: 'SOFT' })]).status).toBe('SOFT_BOUNCED');
    expect(deriveMessageFacts([event('BOUNCED', at(1), { bounceKind: 'SOFT' }), event('OPENED', at(9))]).status).toBe('DELIVERED');
    expect(deriveMessageFacts([event('FAILED', at(1))]).status).toBe('SOFT_BOUNCED');
  });

  it('a read receipt implies delivery and counts as the human open of its channel', () => {
    const facts = deriveMessageFacts([event('SENT', at(0)), event('READ', at(7))]);
    expect(facts).toMatchObject({ status: 'DELIVERED', deliveredAt: at(7), firstHumanOpenAt: at(7), readSeconds: null });
  });

  it('a human click counts as a human open even with no open recorded; machine opens stay apart', () => {
    const facts = deriveMessageFacts([event('DELIVERED', at(0)), event('OPENED', at(1), { isMachine: true }), event('CLICKED', at(30), { linkCategory: 'PRODUCT' })]);
    expect(facts).toMatchObject({ humanOpens: 0, machineOpens: 1, humanClicks: 1, firstHumanOpenAt: at(30), clickedLinkCategories: ['PRODUCT'] });
  });

  it('a click within two seconds of delivery, or flagged by the source, is a link scanner’s', () => {
    const facts = deriveMessageFacts([
      event('DELIVERED', at(0, 0)),
      event('CLICKED', at(0, 1), { linkCategory: 'INQUIRY' }),
      event('CLICKED', at(5), { isMachine: true }),
      event('CLICKED', at(6), { linkCategory: 'CASE_STUDY', ownSite: true }),
    ]);
    expect(facts).toMatchObject({ scannerClicks: 2, humanClicks: 1, ownSiteClicks: 1, clickedLinkCategories: ['CASE_STUDY'] });
  });

  it('keeps the longest measured read, from read-time rows or from an open that carries one', () => {
    expect(deriveMessageFacts([event('READ', at(1), { readSeconds: 3 }), event('OPENED', at(2), { readSeconds: 9.4 }), event('READ', at(3), { readSeconds: 1 })]).readSeconds).toBe(9.4);
  });

  it('replies, inquiries, forwards, unsubscribes, complaints and conversions with their revenue', () => {
    const facts = deriveMessageFacts([
      event('FORM_SUBMITTED', at(1)), event('FORWARDED', at(2)), event('UNSUBSCRIBED', at(3)), event('COMPLAINED', at(4)),
      event('CONVERTED', at(5), { value: 100.1 }), event('CONVERTED', at(6), { value: 0.2 }),
    ]);
    expect(facts).toMatchObject({ replied: true, forwarded: true, unsubscribed: true, complained: true, converted: true, revenue: 100.3 });
  });

  it('gives the same facts for the same events in any order', () => {
    const types: FactEvent['type'][] = ['SENT', 'DELIVERED', 'OPENED', 'CLICKED', 'BOUNCED', 'READ', 'REPLIED', 'CONVERTED', 'DEFERRED'];
    const eventArbitrary = fc.record({
      type: fc.constantFrom(...types),
      second: fc.integer({ min: 0, max: 600 }),
      isMachine: fc.boolean(),
      bounceKind: fc.constantFrom('HARD' as const, 'SOFT' as const),
      readSeconds: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
      value: fc.option(fc.integer({ min: 0, max: 1000 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(eventArbitrary, { maxLength: 12 }), fc.integer(), (drafts, seed) => {
        const events = drafts.map((draft, index) => ({ ...draft, sourceEventId: `p${index}`, occurredAt: new Date(Date.UTC(2026, 0, 1) + draft.second * 1000) }));
        const shuffled = [...events].sort((a, b) => ((a.second * 7919 + seed) % 101) - ((b.second * 7919 + seed) % 101) || a.sourceEventId.localeCompare(b.sourceEventId));
        expect(deriveMessageFacts(shuffled)).toEqual(deriveMessageFacts(events));
      }),
    );
  });
});

describe('a source that counts sent-and-not-bounced as delivered (Mailchimp)', () => {
  const assumed = { scannerWindowSeconds: 2, deliveredUnlessBounced: true };
  it('makes a message with no delivery event DELIVERED, with no delivery time', () => {
    expect(deriveMessageFacts([], assumed)).toMatchObject({ status: 'DELIVERED', statusAt: null, deliveredAt: null });
    expect(deriveMessageFacts([])).toMatchObject({ status: 'PENDING' });
  });
  it('still lets a bounce or a drop decide', () => {
    expect(deriveMessageFacts([event('BOUNCED', at(1), { bounceKind: 'SOFT' })], assumed).status).toBe('SOFT_BOUNCED');
    expect(deriveMessageFacts([event('BOUNCED', at(1), { bounceKind: 'HARD' })], assumed).status).toBe('HARD_BOUNCED');
  });
});
