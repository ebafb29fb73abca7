/**
 * "Replay, then live" with no gap and no duplicate at the seam. The live subscription is opened first and
 * buffered; then the stored history after the subscriber's cursor is replayed; then the buffer is drained and
 * live delivery continues, skipping anything already sent by the replay. A change committed while the replay
 * runs is therefore in the replay, in the buffer, or both — never in neither, never sent twice.
 */
import { Repeater } from '@graphql-yoga/subscription';

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
    const live = options.live();
    const pending: P[] = [];
    let wake = null as (() => void) | null;
    let liveEnded = false;
    let stopped = false;
    const pump = (async () => {
      try {
        for await (const item of live) {
          // A change this subscriber did not ask for is dropped here, without waking its delivery loop: with
          // thousands of subscribers on one workspace, most changes match few of them.
          if (options.matches(item as P) === false) continue;
          pending.push(item as P);
          wake?.();
        }
      } finally {
        liveEnded = true;
        wake?.();
      }
    })();
    void stop.then(() => {
      stopped = true;
      void live.return?.();
      wake?.();
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
      while (!stopped) {
        const item = pending.shift();
        if (item === undefined) {
          if (liveEnded) break;
          await new Promise<void>((resolve) => (wake = resolve));
          wake = null;
          continue;
        }
        const cursor = options.cursorOf(item);
        if ((options.after !== null && cursor <= options.after) || replayed.has(cursor)) continue;
        if (await options.matches(item)) await push(item);
      }
    } finally {
      stop();
      void live.return?.();
      await pump;
    }
  });
}
