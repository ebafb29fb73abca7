/**
 * "Catch up, then live" with no gap and no duplicate at the seam. The live subscription is opened first and
 * buffered; then the subscriber catches up from storage; then the buffer is drained and live delivery continues,
 * skipping anything the catch-up already covered. A change committed during the catch-up is therefore in the
 * catch-up, in the buffer, or both — never in neither, never sent twice.
 */
import { Repeater } from '@graphql-yoga/subscription';

export interface BufferedLive<P> {
  /** The next buffered item, waiting for one; undefined once the stream has ended or been closed. */
  take(): Promise<P | undefined>;
  close(): Promise<void>;
}

/**
 * Listens to `live` at once and buffers the items `keep` accepts until they are taken. An item nobody asked for
 * is dropped where it arrives, without waking the consumer: with thousands of subscribers on one workspace,
 * most changes match few of them.
 */
export function openBufferedLive<P>(live: AsyncIterableIterator<unknown>, keep: (item: P) => boolean): BufferedLive<P> {
  const pending: P[] = [];
  let wake = null as (() => void) | null;
  let ended = false;
  const pump = (async () => {
    try {
      for await (const item of live) {
        if (!keep(item as P)) continue;
        pending.push(item as P);
        wake?.();
      }
    } finally {
      ended = true;
      wake?.();
    }
  })();
  return {
    async take() {
      for (;;) {
        if (pending.length) return pending.shift();
        if (ended) return undefined;
        await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
      }
    },
    async close() {
      ended = true;
      wake?.();
      await live.return?.();
      await pump;
    },
  };
}

export interface ReplayThenLiveOptions<P> {
  /** Opens the live stream (it must start listening on its first next()). */
  live: () => AsyncIterableIterator<unknown>;
  /** Resolves once the live stream receives everything published after this call. */
  ready: () => Promise<void>;
  /** The stored history with cursors after `after`, in cursor order; not called without a cursor. */
  replay: (after: number) => AsyncIterable<P>;
  cursorOf: (item: P) => number;
  /** Live items the subscriber did not ask for (the replay applies the same filter in SQL). */
  matches: (item: P) => boolean | Promise<boolean>;
  after: number | null;
}

export function replayThenLive<P>(options: ReplayThenLiveOptions<P>): AsyncIterableIterator<P> {
  return new Repeater<P>(async (push, stop) => {
    // A synchronous "no" drops the item at once; an asynchronous answer is awaited below.
    const live = openBufferedLive<P>(options.live(), (item) => options.matches(item) !== false);
    let stopped = false;
    void stop.then(() => {
      stopped = true;
      void live.close();
    });
    try {
      await options.ready();
      const replayed = new Set<number>();
      if (options.after !== null) {
        for await (const item of options.replay(options.after)) {
          if (stopped) break;
          replayed.add(options.cursorOf(item));
          await push(item);
        }
      }
      for (let item = await live.take(); item !== undefined && !stopped; item = await live.take()) {
        const cursor = options.cursorOf(item);
        if ((options.after !== null && cursor <= options.after) || replayed.has(cursor)) continue;
        if (await options.matches(item)) await push(item);
      }
    } finally {
      stop();
      await live.close();
    }
  });
}
