import { LEAD_TOPICS } from '../../../src/services/engagement/bus';
import { replayThenLive } from '../../../src/services/engagement/live';
import { createEventPubSub } from '../../../src/server/pubsub';

/** Items are just cursors here: what matters is which arrive, in which order, how often. */
type Item = { cursor: number };

function setUp(replayed: (after: number, publish: (cursor: number) => void) => AsyncIterable<Item>, after: number | null = 0) {
  const bus = createEventPubSub();
  const publish = (cursor: number) => bus.publish(LEAD_TOPICS.tier, 1, { cursor });
  const stream = replayThenLive<Item>({
    live: () => bus.subscribe(LEAD_TOPICS.tier, 1),
    ready: () => bus.ready(),
    replay: (from) => replayed(from, publish),
    cursorOf: (item) => item.cursor,
    matches: (item) => item.cursor % 100 !== 99,
    after,
  });
  const take = async (count: number) => {
    const items: number[] = [];
    for (let i = 0; i < count; i++) items.push(((await stream.next()).value as Item).cursor);
    return items;
  };
  return { publish, stream, take };
}

describe('replay, then live, at the seam', () => {
  it('sends a change committed while the replay runs once, whether the replay saw it or not', async () => {
    const { publish, stream, take } = setUp(async function* (after, publishLive) {
      expect(after).toBe(3);
      yield { cursor: 4 };
      publishLive(5); // committed and published while replaying; the replay's next page sees it too
      publishLive(6); // committed after the replay's query: only live has it
      yield { cursor: 5 };
    }, 3);
    const first = take(4);
    await new Promise((resolve) => setImmediate(resolve));
    publish(7);
    expect(await first).toEqual([4, 5, 6, 7]);
    await stream.return?.();
  });

  it('skips live changes at or before the cursor, and those the filter does not match', async () => {
    const { publish, stream, take } = setUp(async function* () {}, 10);
    const next = take(2);
    await new Promise((resolve) => setImmediate(resolve));
    for (const cursor of [9, 10, 11, 199, 12]) publish(cursor);
    expect(await next).toEqual([11, 12]);
    await stream.return?.();
  });

  it('without a cursor, sends only what happens after it started listening', async () => {
    const replay = jest.fn(async function* () {});
    const { publish, stream, take } = setUp(replay, null);
    const next = take(1);
    await new Promise((resolve) => setImmediate(resolve));
    publish(1);
    expect(await next).toEqual([1]);
    expect(replay).not.toHaveBeenCalled();
    await stream.return?.();
  });

  it('ends promptly when the subscriber leaves, even with nothing to send', async () => {
    const { stream } = setUp(async function* () {});
    const pending = stream.next();
    await new Promise((resolve) => setImmediate(resolve));
    await stream.return?.();
    expect(await pending).toEqual({ done: true, value: undefined });
  });
});
