import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { EventPubSub } from '../src/server/pubsub';

/** What the benchmark subscribes to: only the cursor and the new tier, so the push path is measured, not lead loading. */
export const TIER_SUBSCRIPTION = 'subscription($filter: LeadTierChangeFilter) { leadTierChanged(filter: $filter) { cursor to } }';

export interface TierSubscriber {
  client: Client;
  /** Resolves with the next change pushed to this subscriber (rejects after `timeoutMs`). */
  next(timeoutMs?: number): Promise<{ cursor: string; to: string }>;
  /** A trivial query over the same socket: the transport's own round trip, the baseline. */
  ping(): Promise<void>;
  /** Changes received and not yet taken by next(): an idle subscriber must keep this at 0. */
  unread(): number;
  close(): Promise<void>;
}

/** One graphql-ws connection (its own socket) with one leadTierChanged subscription. */
export function openTierSubscriber(wsUrl: string, key: string, filter: object | null = null): TierSubscriber {
  const client = createClient({ url: wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${key}` }, retryAttempts: 0, lazy: false });
  const queue: Array<{ cursor: string; to: string }> = [];
  let waiter: ((failure?: Error) => void) | null = null;
  let failure: Error | null = null;
  const unsubscribe = client.subscribe<{ leadTierChanged: { cursor: string; to: string } }>({ query: TIER_SUBSCRIPTION, variables: { filter } }, {
    next: (value) => {
      if (value.errors?.length) failure = new Error(`subscription error: ${JSON.stringify(value.errors)}`);
      else if (value.data) queue.push(value.data.leadTierChanged);
      waiter?.();
    },
    error: (error) => {
      failure = error instanceof Error ? error : new Error(`subscription failed: ${JSON.stringify(error)}`);
      waiter?.();
    },
    complete: () => undefined,
  });
  return {
    client,
    next(timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => settle(), timeoutMs);
        const settle = () => {
          clearTimeout(timer);
          waiter = null;
          if (failure) reject(failure);
          else if (queue.length) resolve(queue.shift()!);
          else reject(new Error(`no tier change pushed within ${timeoutMs} ms`));
        };
        if (failure || queue.length) settle();
        else waiter = settle;
      });
    },
    ping: () =>
      new Promise<void>((resolve, reject) => {
        client.subscribe({ query: '{ __typename }' }, { next: () => undefined, error: reject, complete: resolve });
      }),
    unread: () => queue.length,
    async close() {
      unsubscribe();
      await client.dispose();
    },
  };
}

/**
 * The server's pub/sub, counting subscriptions gone live (a subscription calls ready() once it listens): the
 * benchmark waits for that count instead of sleeping, so nothing published afterwards can be missed.
 */
export function countingPubSub(inner: EventPubSub): EventPubSub & { waitForLive(count: number, timeoutMs?: number): Promise<void> } {
  let live = 0;
  let wake: (() => void) | null = null;
  return {
    ...inner,
    ready: async () => {
      await inner.ready();
      live++;
      wake?.();
    },
    async waitForLive(count, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      while (live < count) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`${live} of ${count} subscriptions live within ${timeoutMs} ms`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, Math.min(left, 1_000));
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    },
  };
}

/** Latency figures of a sample, in ms. */
export function percentiles(samples: number[]): { p50: number; p99: number; max: number; count: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { p50: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1], count: sorted.length };
}
