/** Message-fact rows for metric tests: EMPTY_FACTS with the given facts changed. */
import { EMPTY_FACTS, type MessageFacts } from '../../../src/domain/messages';

export const T0 = new Date('2025-05-01T09:00:00Z');

export function facts(overrides: Partial<MessageFacts> = {}): MessageFacts {
  return { ...EMPTY_FACTS, clickedLinkCategories: [], ...overrides };
}

/** A delivered message, sent and delivered at T0, with the given facts. */
export function delivered(overrides: Partial<MessageFacts> = {}): MessageFacts {
  return facts({ status: 'DELIVERED', statusAt: T0, sentAt: T0, deliveredAt: T0, ...overrides });
}
