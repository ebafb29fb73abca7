import { performance } from 'node:perf_hooks';
import { startServer, type RunningServer } from '../src/server/app';
import { createLogger } from '../src/server/logger';
import { createEventPubSub } from '../src/server/pubsub';
import { createApiKey } from '../src/services/api-keys';
import { ensureWorkspace } from '../src/services/workspaces';
import { openStore } from '../src/store/data-source';
import type { Benchmark, BenchOptions } from './harness';
import { freshDatabase } from './import-sendgrid';
import { countingPubSub, openTierSubscriber, percentiles, type TierSubscriber } from './lead-push-clients';

const BATCH = 250;
const IDLE_CHANGES = 100;
const DAY = 86_400_000;

/**
 * Live lead-tier pushes: a real server on 127.0.0.1, real graphql-ws clients. Each change is one small upload
 * (POST /imports, generic NDJSON: a delivery and a human click for a new contact → UNRATED to ENGAGED); the
 * latency runs from just before the upload to the subscriber's message. Baseline, same socket, same run: the
 * round trip of `{ __typename }`. Then K idle subscriptions in the same workspace (filtered to CORE, so every
 * publish visits them and none is sent) and the same push latency while they are all open.
 */
export const leadPushBenchmark: Benchmark = {
  name: 'lead-push',
  description: 'live leadTierChanged push latency over graphql-ws, alone and with K idle subscriptions',
  async run(options) {
    const changes = Math.max(50, Math.round(1_000 * options.scale));
    const idleCount = Math.max(200, Math.round(5_000 * options.scale));
    const database = await freshDatabase(options.databaseUrl, 'funnelgraph_bench_push');
    const store = await openStore({ databaseUrl: database });
    const pubSub = countingPubSub(createEventPubSub({ channelPrefix: `bench-push-${process.pid}` }));
    let server: RunningServer | null = null;
    try {
      server = await startServer({ store, port: 0, host: '127.0.0.1', pubSub, logger: createLogger('silent') });
      const { workspace } = await ensureWorkspace(store.dataSource, 'bench-push');
      const { key } = await createApiKey(store.dataSource, workspace.id, 'admin');
      return await measure(server, key, pubSub.waitForLive, { changes, idleCount }, options);
    } finally {
      await server?.close();
      await pubSub.close();
      await store.close();
    }
  },
};

async function measure(server: RunningServer, key: string, waitForLive: (count: number, timeoutMs?: number) => Promise<void>,
  counts: { changes: number; idleCount: number }, { log }: BenchOptions) {
  const watcher = openTierSubscriber(server.wsUrl, key);
  const idle: TierSubscriber[] = [];
  let lead = 0;
  const pushOnce = async () => {
    const n = ++lead;
    const arrived = watcher.next().then((change) => ({ change, at: performance.now() }));
    const started = performance.now();
    const [response, { change, at }] = await Promise.all([upload(server, key, n), arrived]);
    if (!response.ok) throw new Error(`upload ${n} answered ${response.status}: ${await response.text()}`);
    await response.arrayBuffer();
    if (change.to !== 'ENGAGED') throw new Error(`lead ${n} moved to ${change.to}, expected ENGAGED: the bench's rows no longer make one tier change`);
    return at - started;
  };
  const pings = async (count: number) => {
    const samples: number[] = [];
    for (let i = 0; i < count; i++) {
      const started = performance.now();
      await watcher.ping();
      samples.push(performance.now() - started);
    }
    return percentiles(samples);
  };
  try {
    await waitForLive(1);
    for (let i = 0; i < 10; i++) await watcher.ping(); // warm-up, not counted
    await pushOnce();
    const baseline = await pings(counts.changes);
    log(`baseline ws round trip p50 ${baseline.p50.toFixed(2)} ms`);
    const alone: number[] = [];
    for (let i = 0; i < counts.changes; i++) alone.push(await pushOnce());
    const push = percentiles(alone);
    log(`push alone p50 ${push.p50.toFixed(1)} ms, p99 ${push.p99.toFixed(1)} ms`);

    const rssBefore = process.memoryUsage().rss;
    const openStarted = performance.now();
    for (let opened = 0; opened < counts.idleCount; opened += BATCH) {
      const batch = Math.min(BATCH, counts.idleCount - opened);
      for (let i = 0; i < batch; i++) idle.push(openTierSubscriber(server.wsUrl, key, { tiers: ['CORE'] }));
      await waitForLive(1 + idle.length);
    }
    const openMs = performance.now() - openStarted;
    const rssAfter = process.memoryUsage().rss;
    log(`${idle.length} idle subscriptions open in ${(openMs / 1000).toFixed(1)} s, rss ${mib(rssBefore)} → ${mib(rssAfter)}`);
    const crowdedBaseline = await pings(IDLE_CHANGES);
    const crowded: number[] = [];
    for (let i = 0; i < IDLE_CHANGES; i++) crowded.push(await pushOnce());
    const pushCrowded = percentiles(crowded);
    const leaked = idle.reduce((sum, subscriber) => sum + subscriber.unread(), 0);
    if (leaked) throw new Error(`${leaked} changes reached idle subscriptions filtered to CORE`);
    log(`push with ${idle.length} idle p50 ${pushCrowded.p50.toFixed(1)} ms, p99 ${pushCrowded.p99.toFixed(1)} ms`);

    const ms = (value: number) => `${value.toFixed(1)} ms`;
    const figures = (p: { p50: number; p99: number; max: number }) => `p50 ${ms(p.p50)} · p99 ${ms(p.p99)} · max ${ms(p.max)}`;
    const ratio = (p: { p50: number }, base: { p50: number }) => `${(p.p50 / base.p50).toFixed(1)} (p50)`;
    return {
      name: 'lead-push',
      rows: [
        { measure: `ws round trip of { __typename } ×${counts.changes} (baseline)`, value: figures(baseline), ratio: '1.00' },
        { measure: `upload → pushed tier change ×${counts.changes}`, value: figures(push), ratio: ratio(push, baseline) },
        { measure: `ws round trip with ${idle.length} idle open`, value: figures(crowdedBaseline), ratio: ratio(crowdedBaseline, baseline) },
        { measure: `upload → push with ${idle.length} idle open ×${IDLE_CHANGES}`, value: figures(pushCrowded), ratio: ratio(pushCrowded, baseline) },
        { measure: `rss before → after ${idle.length} idle (client+server)`, value: `${mib(rssBefore)} → ${mib(rssAfter)} · ${((rssAfter - rssBefore) / idle.length / 1024).toFixed(1)} KiB each`, ratio: '' },
      ],
      data: {
        changes: counts.changes, idleSubscriptions: idle.length, idleChanges: IDLE_CHANGES, baselineMs: baseline, pushMs: push,
        crowdedBaselineMs: crowdedBaseline, pushWithIdleMs: pushCrowded, openIdleMs: openMs, rssBefore, rssAfter,
        target: { idleSubscriptions: 5_000, p99Ms: 100 }, metTarget: idle.length >= 5_000 && pushCrowded.p99 <= 100,
      },
    };
  } finally {
    for (let i = 0; i < idle.length; i += BATCH) await Promise.all(idle.slice(i, i + BATCH).map((subscriber) => subscriber.close()));
    await watcher.close();
  }
}

/** One small generic NDJSON file: a delivery and a human click a day ago for a new contact, so its tier moves once. */
function upload(server: RunningServer, key: string, n: number): Promise<Response> {
  const at = (minutes: number) => new Date(Date.now() - DAY + minutes * 60_000).toISOString();
  const contact = `lead-${n}@bench.example`;
  const rows = [
    { id: `d${n}`, type: 'delivered', contact, timestamp: at(0), campaign: 'bench' },
    { id: `c${n}`, type: 'clicked', contact, timestamp: at(1), campaign: 'bench', url: 'https://bench.example/pricing' },
  ];
  return fetch(server.url.replace('/graphql', `/imports?source=generic&filename=lead-${n}.ndjson`), {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/x-ndjson' },
    body: rows.map((row) => JSON.stringify(row)).join('\n') + '\n',
  });
}

const mib = (bytes: number) => `${Math.round(bytes / 1024 ** 2)} MiB`;
