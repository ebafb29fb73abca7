import type { MessageMetricId } from '../src/domain/metrics';
import { queryMetrics } from '../src/services/metrics';
import { refreshRollups } from '../src/services/metrics/rollups';
import { ensureWorkspace } from '../src/services/workspaces';
import { openStore } from '../src/store/data-source';
import { seconds, type Benchmark } from './harness';
import { freshDatabase } from './import-sendgrid';

/** The dashboard: 20 metrics of every campaign (the per-category CTR counts as one). */
const DASHBOARD_METRICS: MessageMetricId[] = [
  'sent', 'delivered', 'deliveryRate', 'hardBounceRate', 'softBounceRate', 'bounceRate', 'openRate', 'machineOpenRate', 'clickRate',
  'totalClickRate', 'clickToOpenRate', 'avgReadSeconds', 'readCompletionRate', 'replyRate', 'unsubscribeRate', 'complaintRate',
  'conversionRate', 'revenue', 'revenuePerEmail', 'clickRateByLinkCategory',
];

/**
 * A 100-campaign dashboard (20 metrics each) over 10 M engagement events on PostgreSQL, three ways in one run:
 * from the rollup tables (what `metrics` does), from a direct scan of the message table (its fallback), and from a
 * direct scan of the events (what a naive implementation would do). The data is generated with set-based SQL —
 * messages with their derived facts, four to five events per message — not through the importer: the importer
 * has its own benchmark, and this one measures reading.
 */
export const dashboardBenchmark: Benchmark = {
  name: 'dashboard',
  description: '100-campaign × 20-metric dashboard: rollups vs direct scans',
  async run({ databaseUrl, scale, log }) {
    const campaigns = 100;
    const messages = Math.round(2_950_000 * scale);
    const database = await freshDatabase(databaseUrl, 'funnelgraph_bench_dashboard');
    const store = await openStore({ databaseUrl: database });
    const { dataSource } = store;
    try {
      const workspaceId = (await ensureWorkspace(dataSource, 'dashboard')).workspace.id;
      log(`generating ${campaigns} campaigns and ${messages.toLocaleString('en-US')} messages …`);
      let started = Date.now();
      await dataSource.query(
        `INSERT INTO campaign (workspace_id, source, external_id, name, type, channel, sent_at)
         SELECT $1, 'sendgrid', 'c' || i, 'Campaign ' || i, (ARRAY['NEWSLETTER','PROMOTIONAL','NURTURE','TRANSACTIONAL'])[1 + i % 4], 'EMAIL',
                timestamptz '2026-01-01 08:00+00' + (i || ' days')::interval
         FROM generate_series(1, $2) AS i`,
        [workspaceId, campaigns],
      );
      // Facts drawn from a hash of the message number, so every run generates the same data.
      await dataSource.query(
        `INSERT INTO message (workspace_id, campaign_id, contact_id, channel, source, status, sent_at, delivered_at, first_human_open_at,
           human_opens, machine_opens, first_human_click_at, human_clicks, scanner_clicks, own_site_clicks, clicked_link_categories,
           read_seconds, replied, forwarded, unsubscribed, complained, converted, revenue, last_event_at)
         SELECT $1, c.id, 1 + i / $3, 'EMAIL', 'sendgrid',
           CASE WHEN r < 0.03 THEN 'HARD_BOUNCED' WHEN r < 0.05 THEN 'SOFT_BOUNCED' ELSE 'DELIVERED' END,
           c.sent_at + (i % 600 || ' seconds')::interval,
           CASE WHEN r >= 0.05 THEN c.sent_at + (i % 600 + 5 || ' seconds')::interval END,
           CASE WHEN r >= 0.05 AND r2 < 0.3 THEN c.sent_at + interval '1 hour' END,
           CASE WHEN r >= 0.05 AND r2 < 0.3 THEN 1 + i % 3 ELSE 0 END,
           CASE WHEN r >= 0.05 AND r2 >= 0.3 AND r2 < 0.5 THEN 1 ELSE 0 END,
           CASE WHEN r >= 0.05 AND r2 < 0.06 THEN c.sent_at + interval '2 hours' END,
           CASE WHEN r >= 0.05 AND r2 < 0.06 THEN 1 + i % 2 ELSE 0 END,
           CASE WHEN r >= 0.05 AND r2 BETWEEN 0.5 AND 0.52 THEN 1 ELSE 0 END,
           CASE WHEN r >= 0.05 AND r2 < 0.03 THEN 1 ELSE 0 END,
           CASE WHEN r >= 0.05 AND r2 < 0.06 THEN ARRAY[(ARRAY['PRODUCT','CASE_STUDY','INQUIRY','CONTENT'])[1 + i % 4]] ELSE '{}' END,
           CASE WHEN r >= 0.05 AND r2 < 0.15 THEN (i % 30)::double precision END,
           r >= 0.05 AND r2 < 0.01, r >= 0.05 AND r2 BETWEEN 0.2 AND 0.205, r >= 0.05 AND r2 BETWEEN 0.9 AND 0.903,
           r >= 0.05 AND r2 BETWEEN 0.95 AND 0.9505, r >= 0.05 AND r2 < 0.005, CASE WHEN r >= 0.05 AND r2 < 0.005 THEN 49.90 ELSE 0 END,
           c.sent_at + interval '2 hours'
         FROM (SELECT i, (hashint4(i) & 2147483647) / 2147483647.0 AS r, (hashint4(i * 7 + 3) & 2147483647) / 2147483647.0 AS r2
               FROM generate_series(1, $2) AS i) g
         JOIN campaign c ON c.workspace_id = $1 AND c.external_id = 'c' || (1 + g.i % $3)`,
        [workspaceId, messages, campaigns],
      );
      log(`  ${seconds(Date.now() - started)}; generating the events (SENT, DELIVERED or BOUNCED, OPENED, CLICKED, READ as the facts say) …`);
      started = Date.now();
      await dataSource.query(
        `INSERT INTO engagement_event (workspace_id, source, source_event_id, type, occurred_at, contact_id, message_id, campaign_id, is_machine, bounce_kind, read_seconds)
         SELECT m.workspace_id, 'sendgrid', m.id || ':' || e.type, e.type, m.sent_at, m.contact_id, m.id, m.campaign_id, e.machine, e.bounce, e.read_seconds
         FROM message m
         CROSS JOIN LATERAL (VALUES
           ('SENT', false, NULL::text, NULL::double precision, true),
           (CASE WHEN m.status = 'DELIVERED' THEN 'DELIVERED' ELSE 'BOUNCED' END, false, CASE m.status WHEN 'HARD_BOUNCED' THEN 'HARD' WHEN 'SOFT_BOUNCED' THEN 'SOFT' END, NULL, true),
           ('OPENED', m.first_human_open_at IS NULL, NULL, NULL, m.human_opens > 0 OR m.machine_opens > 0 OR m.id % 2 = 0),
           ('CLICKED', false, NULL, NULL, m.human_clicks > 0 OR m.id % 3 = 0),
           ('READ', false, NULL, m.read_seconds, m.read_seconds IS NOT NULL OR m.id % 5 = 0)
         ) AS e(type, machine, bounce, read_seconds, present)
         WHERE m.workspace_id = $1 AND e.present`,
        [workspaceId],
      );
      const [{ events }] = await dataSource.query('SELECT count(*)::int AS events FROM engagement_event WHERE workspace_id = $1', [workspaceId]);
      await dataSource.query('ANALYZE');
      log(`  ${Number(events).toLocaleString('en-US')} events in ${seconds(Date.now() - started)}; building the rollups …`);
      started = Date.now();
      await refreshRollups(dataSource.manager, workspaceId, 8);
      const buildMs = Date.now() - started;
      const [{ rows }] = await dataSource.query('SELECT count(*)::int AS rows FROM message_rollup WHERE workspace_id = $1', [workspaceId]);
      log(`  ${rows} rollup rows in ${seconds(buildMs)}`);
      await dataSource.query('ANALYZE message_rollup');

      const dashboard = (from: 'rollups' | 'messages') => queryMetrics(dataSource.manager, workspaceId, { groupBy: 'CAMPAIGN', metrics: DASHBOARD_METRICS, from });
      const check = await dashboard('rollups');
      if (check.length !== campaigns) throw new Error(`the dashboard has ${check.length} campaign rows, not ${campaigns}`);
      if (JSON.stringify(check) !== JSON.stringify(await dashboard('messages'))) throw new Error('rollups and the message table disagree');
      const rollupMs = await timed(() => dashboard('rollups'), 30);
      log(`  from rollups: median ${rollupMs.median.toFixed(1)} ms`);
      const messagesMs = await timed(() => dashboard('messages'), 3);
      log(`  direct scan of messages: median ${messagesMs.median.toFixed(0)} ms`);
      const eventsMs = await timed(() => dataSource.query(EVENT_SCAN, [workspaceId]), 3);
      log(`  direct scan of events: median ${eventsMs.median.toFixed(0)} ms`);
      const ms = (value: number) => `${value.toFixed(value < 100 ? 1 : 0)} ms`;
      return {
        name: 'dashboard',
        rows: [
          { measure: `direct scan of ${Number(events).toLocaleString('en-US')} events, 100 campaigns (baseline)`, value: `median ${ms(eventsMs.median)}`, ratio: '1.00' },
          { measure: `direct scan of ${messages.toLocaleString('en-US')} messages (metrics fallback)`, value: `median ${ms(messagesMs.median)}`, ratio: `${(eventsMs.median / messagesMs.median).toFixed(1)}×` },
          { measure: `from ${rows} rollup rows (metrics)`, value: `median ${ms(rollupMs.median)} · p95 ${ms(rollupMs.p95)}`, ratio: `${(eventsMs.median / rollupMs.median).toFixed(0)}× (${(messagesMs.median / rollupMs.median).toFixed(0)}× vs messages)` },
          { measure: 'building the rollups of every campaign', value: seconds(buildMs), ratio: '' },
        ],
        data: {
          campaigns, messages, events: Number(events), rollupRows: rows, metrics: DASHBOARD_METRICS.length, buildMs,
          rollupMs, messagesMs, eventsMs, speedupVsEvents: eventsMs.median / rollupMs.median, speedupVsMessages: messagesMs.median / rollupMs.median,
          target: { speedup: 20, ms: 100 }, metTarget: eventsMs.median / rollupMs.median >= 20 && rollupMs.median < 100,
        },
      };
    } finally {
      await store.close();
    }
  },
};

/** The naive dashboard: counts of distinct messages per event type per campaign, straight from the events. */
const EVENT_SCAN = `
SELECT campaign_id,
  count(DISTINCT message_id) FILTER (WHERE type = 'SENT') AS sent,
  count(DISTINCT message_id) FILTER (WHERE type = 'DELIVERED') AS delivered,
  count(DISTINCT message_id) FILTER (WHERE type = 'BOUNCED' AND bounce_kind = 'HARD') AS hard_bounced,
  count(DISTINCT message_id) FILTER (WHERE type = 'BOUNCED' AND bounce_kind = 'SOFT') AS soft_bounced,
  count(DISTINCT message_id) FILTER (WHERE type = 'OPENED' AND NOT is_machine) AS opened,
  count(DISTINCT message_id) FILTER (WHERE type = 'OPENED' AND is_machine) AS machine_opened,
  count(DISTINCT message_id) FILTER (WHERE type = 'CLICKED') AS clicked,
  count(*) FILTER (WHERE type = 'CLICKED') AS clicks,
  avg(read_seconds) FILTER (WHERE type = 'READ') AS read_seconds,
  count(DISTINCT message_id) FILTER (WHERE type = 'READ' AND read_seconds >= 8) AS read_deeply,
  count(DISTINCT message_id) FILTER (WHERE type = 'REPLIED') AS replied,
  count(DISTINCT message_id) FILTER (WHERE type = 'UNSUBSCRIBED') AS unsubscribed,
  count(DISTINCT message_id) FILTER (WHERE type = 'COMPLAINED') AS complained,
  count(DISTINCT message_id) FILTER (WHERE type = 'CONVERTED') AS converted,
  coalesce(sum(value) FILTER (WHERE type = 'CONVERTED'), 0) AS revenue
FROM engagement_event WHERE workspace_id = $1 AND campaign_id IS NOT NULL
GROUP BY campaign_id`;

async function timed(work: () => Promise<unknown>, runs: number): Promise<{ median: number; p95: number; runs: number }> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    await work();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], p95: times[Math.min(times.length - 1, Math.floor(times.length * 0.95))], runs };
}
