import { startServer, type RunningServer } from '../../src/server/app';
import { createEventPubSub, type EventPubSub } from '../../src/server/pubsub';
import type { Store } from '../../src/store/data-source';
import { workspaceWithKey } from '../support/server';
import { databaseKind, openTestStore } from '../support/store';
import { observedPubSub, subscribe } from '../support/subscriber';

const REDIS_URL = process.env.REDIS_URL;
const describeWithRedis = REDIS_URL ? describe : describe.skip;

describeWithRedis(`two API instances sharing Redis pub/sub, on ${databaseKind()}`, () => {
  const channelPrefix = `test-instances-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  let store: Store;
  let first: RunningServer;
  let second: RunningServer;
  let firstPubSub: ReturnType<typeof observedPubSub>;
  let secondPubSub: EventPubSub;
  let alpha: { workspaceId: number; key: string };

  beforeAll(async () => {
    store = await openTestStore();
    firstPubSub = observedPubSub(createEventPubSub({ redisUrl: REDIS_URL, channelPrefix }));
    secondPubSub = createEventPubSub({ redisUrl: REDIS_URL, channelPrefix });
    first = await startServer({ store, port: 0, host: '127.0.0.1', pubSub: firstPubSub });
    second = await startServer({ store, port: 0, host: '127.0.0.1', pubSub: secondPubSub });
    alpha = await workspaceWithKey(store, 'alpha');
  });
  afterAll(async () => {
    await first.close();
    await second.close();
    await Promise.all([firstPubSub.close(), secondPubSub.close()]);
    await store.close();
  });

  it('a change ingested through the second instance reaches a subscriber connected to the first', async () => {
    expect(firstPubSub.kind).toBe('redis');
    const subscriber = subscribe(first.wsUrl, alpha.key, 'subscription { leadTierChanged { cursor from to lead { email } } }');
    await firstPubSub.waitForLiveSubscriptions(1);
    try {
      const response = await fetch(second.url.replace('/graphql', '/imports?source=generic&filename=events.ndjson'), {
        method: 'POST',
        headers: { authorization: `Bearer ${alpha.key}` },
        body: `${JSON.stringify({ id: 'x1', type: 'delivered', contact: 'far@alpha.example', timestamp: new Date(Date.now() - 3_600_000).toISOString(), campaign: 'c' })}\n`,
      });
      expect(response.status).toBe(200);
      const [data] = await subscriber.waitFor(1);
      expect(data.leadTierChanged).toEqual({ cursor: expect.stringMatching(/^\d+$/), from: 'UNRATED', to: 'LOW', lead: { email: 'far@alpha.example' } });
    } finally {
      await subscriber.close();
    }
  });
});
