/**
 * One underlying pub/sub listener per (topic, workspace), fanned out to that workspace's subscribers. Dashboards
 * keep thousands of subscriptions open on one workspace: without this, each would be its own listener on the
 * event target (and, with Redis, each message would be decoded once per subscriber). The shared listener starts
 * with the first subscriber and stops with the last.
 */
import { Repeater } from '@graphql-yoga/subscription';

type Listen = (topic: string, workspaceId: number) => AsyncIterableIterator<unknown>;

interface Channel {
  receivers: Set<(item: unknown) => void>;
  source: AsyncIterableIterator<unknown>;
}

export interface SharedSubscriptions {
  subscribe(topic: string, workspaceId: number, accept?: (item: unknown) => boolean): AsyncIterableIterator<unknown>;
  /** Underlying listeners open now (tests and the service's metrics read it). */
  openChannels(): number;
}

export function sharedSubscriptions(listen: Listen): SharedSubscriptions {
  const channels = new Map<string, Channel>();

  const open = (key: string, topic: string, workspaceId: number): Channel => {
    const channel: Channel = { receivers: new Set(), source: listen(topic, workspaceId) };
    channels.set(key, channel);
    void (async () => {
      try {
        for await (const item of channel.source) for (const receive of channel.receivers) receive(item);
      } finally {
        if (channels.get(key) === channel) channels.delete(key);
      }
    })();
    return channel;
  };

  return {
    // A Repeater runs its executor on the first next(): like the underlying subscription, it listens from then on.
    subscribe: (topic, workspaceId, accept) =>
      new Repeater<unknown>(async (push, stop) => {
        const key = `${topic}\u0000${workspaceId}`;
        const channel = channels.get(key) ?? open(key, topic, workspaceId);
        // A subscriber's filter runs here, synchronously: an item it does not want never reaches its queue.
        const receive = accept ? (item: unknown) => void (accept(item) && push(item)) : (item: unknown) => void push(item);
        channel.receivers.add(receive);
        await stop;
        channel.receivers.delete(receive);
        if (!channel.receivers.size && channels.get(key) === channel) {
          channels.delete(key);
          await channel.source.return?.();
        }
      }),
    openChannels: () => channels.size,
  };
}
