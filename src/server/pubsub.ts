/**
 * The pub/sub subscriptions travel on: in memory by default (one process), or Redis with REDIS_URL so that a
 * change ingested by one API instance reaches subscribers connected to another. Redis pub/sub is at-most-once;
 * what a subscriber misses while disconnected it gets back from the stored history (`leadTierChanged(after:)`).
 */
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { createPubSub } from '@graphql-yoga/subscription';
import { Redis } from 'ioredis';
import { setMaxListeners } from 'node:events';
import type { PubSub } from 'type-graphql';
import type { LeadEventBus, LeadTopic } from '../services/engagement/bus';
import { sharedSubscriptions } from './shared-subscriptions';

export interface EventPubSub extends LeadEventBus {
  kind: 'memory' | 'redis';
  /** Underlying listeners open now: one per (topic, workspace) with subscribers, however many subscribers. */
  openChannels(): number;
  /** The same channel, as type-graphql's buildSchema wants it. */
  pubSub: PubSub;
  close(): Promise<void>;
}

export interface PubSubOptions {
  /** redis://… → Redis; unset → in memory. */
  redisUrl?: string;
  /**
   * Prefix of every channel name: instances that serve the same database share it; deployments (or test runs)
   * sharing one Redis server for different databases must not.
   */
  channelPrefix?: string;
  onError?: (error: Error) => void;
}

export function createEventPubSub(options: PubSubOptions = {}): EventPubSub {
  const prefix = options.channelPrefix ?? 'funnelgraph';
  const topicOf = (topic: LeadTopic) => `${prefix}:${topic}`;
  if (!options.redisUrl) {
    // Every subscription of a workspace listens on one EventTarget type: thousands are expected, not a leak.
    const eventTarget = new EventTarget();
    setMaxListeners(0, eventTarget);
    const pubSub = createPubSub({ eventTarget: eventTarget as never });
    const shared = sharedSubscriptions((topic, workspaceId) => pubSub.subscribe(topic, workspaceId) as AsyncIterableIterator<unknown>);
    return {
      kind: 'memory',
      pubSub: pubSub as unknown as PubSub,
      publish: (topic, workspaceId, payload) => pubSub.publish(topicOf(topic), workspaceId, payload),
      subscribe: (topic, workspaceId, accept) => shared.subscribe(topicOf(topic), workspaceId, accept),
      openChannels: shared.openChannels,
      // In memory a listener is registered synchronously: nothing to wait for.
      ready: async () => undefined,
      close: async () => undefined,
    };
  }
  const publishClient = new Redis(options.redisUrl, { maxRetriesPerRequest: 3 });
  const subscribeClient = new Redis(options.redisUrl, { maxRetriesPerRequest: 3 });
  const report = options.onError ?? (() => undefined);
  publishClient.on('error', report);
  subscribeClient.on('error', report);
  const pubSub = createPubSub({ eventTarget: createRedisEventTarget({ publishClient, subscribeClient }) });
  const shared = sharedSubscriptions((topic, workspaceId) => pubSub.subscribe(topic, workspaceId) as AsyncIterableIterator<unknown>);
  return {
    kind: 'redis',
    pubSub: pubSub as unknown as PubSub,
    publish: (topic, workspaceId, payload) => pubSub.publish(topicOf(topic), workspaceId, payload),
    subscribe: (topic, workspaceId, accept) => shared.subscribe(topicOf(topic), workspaceId, accept),
    openChannels: shared.openChannels,
    // The event target sends SUBSCRIBE without waiting for it. Redis answers one connection's commands in order,
    // so once a PING sent after it is answered, every earlier SUBSCRIBE is in force.
    ready: async () => {
      await subscribeClient.ping();
    },
    async close() {
      await Promise.allSettled([publishClient.quit(), subscribeClient.quit()]);
    },
  };
}
