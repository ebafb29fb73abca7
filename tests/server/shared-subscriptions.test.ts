import { createEventPubSub } from '../../src/server/pubsub';
import { LEAD_TOPICS } from '../../src/services/engagement/bus';

/** Reads `count` items from a subscription, failing after a while instead of hanging. */
async function take(iterator: AsyncIterableIterator<unknown>, count: number): Promise<unknown[]> {
  const items: unknown[] = [];
  const deadline = setTimeout(() => void iterator.return?.(), 5_000);
  for await (const item of iterator) {
    items.push(item);
    if (items.length === count) break;
  }
  clearTimeout(deadline);
  return items;
}

describe(`one pub/sub listener per workspace and topic, on ${process.env.REDIS_URL ? 'Redis' : 'in-memory'} pub/sub`, () => {
  const bus = createEventPubSub({ redisUrl: process.env.REDIS_URL, channelPrefix: `shared-test-${process.pid}-${Date.now()}` });
  afterAll(() => bus.close());

  it('fans one listener out to every subscriber of a workspace, keeps workspaces apart, and closes it with the last subscriber', async () => {
    const alpha = Array.from({ length: 50 }, () => bus.subscribe(LEAD_TOPICS.tier, 1));
    const bravo = bus.subscribe(LEAD_TOPICS.tier, 2);
    const alphaStages = bus.subscribe(LEAD_TOPICS.stage, 1);
    // A subscriber's own filter runs where a change arrives: it only ever sees what it accepts.
    const onlySecond = bus.subscribe(LEAD_TOPICS.tier, 1, (payload) => (payload as { n: unknown }).n === 2);
    // Subscriptions listen from their first next(): start reading, then wait until the listeners are in force.
    const reads = alpha.map((subscription) => take(subscription, 2));
    const bravoRead = take(bravo, 1);
    const stageRead = take(alphaStages, 1);
    const secondRead = take(onlySecond, 1);
    await bus.ready();
    expect(bus.openChannels()).toBe(3);

    bus.publish(LEAD_TOPICS.tier, 1, { n: 1 });
    bus.publish(LEAD_TOPICS.tier, 2, { n: 'b' });
    bus.publish(LEAD_TOPICS.stage, 1, { n: 's' });
    bus.publish(LEAD_TOPICS.tier, 1, { n: 2 });

    for (const items of await Promise.all(reads)) expect(items).toEqual([{ n: 1 }, { n: 2 }]);
    expect(await bravoRead).toEqual([{ n: 'b' }]);
    expect(await stageRead).toEqual([{ n: 's' }]);
    expect(await secondRead).toEqual([{ n: 2 }]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(bus.openChannels()).toBe(0);

    // A new subscriber after all left opens a fresh listener that still works.
    const late = bus.subscribe(LEAD_TOPICS.tier, 1);
    const lateRead = take(late, 1);
    await bus.ready();
    bus.publish(LEAD_TOPICS.tier, 1, { n: 3 });
    expect(await lateRead).toEqual([{ n: 3 }]);
  });
});
