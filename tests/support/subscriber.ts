import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { EventPubSub } from '../../src/server/pubsub';

/** A real graphql-ws client subscribed to one operation, collecting what it receives. */
export interface Subscriber<T> {
  received: T[];
  errors: unknown[];
  /** Resolves with everything received once there are at least `count` items (rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<T[]>;
  close(): Promise<void>;
}

export function subscribe<T = any>(wsUrl: string, key: string, query: string, variables: Record<string, unknown> = {}): Subscriber<T> {
  const client: Client = createClient({ url: wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${key}` }, retryAttempts: 0 });
  const received: T[] = [];
  const errors: unknown[] = [];
  const waiters = new Set<() => void>();
  const unsubscribe = client.subscribe<T>({ query, variables }, {
    next: (value) => {
      if (value.errors) errors.push(value.errors);
      else received.push(value.data as T);
      waiters.forEach((wake) => wake());
    },
    error: (error) => {
      errors.push(error);
      waiters.forEach((wake) => wake());
    },
    complete: () => undefined,
  });
  return {
    received,
    errors,
    waitFor(count, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (errors.length) finish(() => reject(new Error(`subscription failed: ${JSON.stringify(errors)}`)));
          else if (received.length >= count) finish(() => resolve([...received]));
        };
        const timer = setTimeout(() => finish(() => reject(new Error(`received ${received.length} of ${count} within ${timeoutMs} ms: ${JSON.stringify(received)}`))), timeoutMs);
        const finish = (settle: () => void) => {
          clearTimeout(timer);
          waiters.delete(check);
          settle();
        };
        waiters.add(check);
        check();
      });
    },
    async close() {
      unsubscribe();
      await client.dispose();
    },
  };
}

/**
 * An EventPubSub that counts subscriptions gone live: a subscription calls ready() after it starts listening,
 * so once the count is reached, whatever is published next reaches it. Tests wait for that instead of sleeping.
 */
export function observedPubSub(inner: EventPubSub): EventPubSub & { waitForLiveSubscriptions(count: number, timeoutMs?: number): Promise<void> } {
  let live = 0;
  const waiters = new Set<() => void>();
  return {
    ...inner,
    ready: async () => {
      await inner.ready();
      live++;
      waiters.forEach((wake) => wake());
    },
    waitForLiveSubscriptions(count, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${live} of ${count} subscriptions live within ${timeoutMs} ms`)), timeoutMs);
        const check = () => {
          if (live < count) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve();
        };
        waiters.add(check);
        check();
      });
    },
  };
}

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
