/**
 * Metric alerts end to end: an upload through the generic connector makes a campaign's delivery fall under 95 %;
 * the alerts are stored, pushed to a real graphql-ws subscriber of the workspace (and nobody else's), raised once
 * however often the file is re-imported, and cleared when later data lifts the campaign back over its limits.
 */
import { startTestApi, testPubSub, workspaceWithKey, type TestApi } from '../support/server';
import { databaseKind } from '../support/store';
import { observedPubSub, pause, subscribe } from '../support/subscriber';

const ALERTS = 'subscription($after: String) { metricAlert(after: $after) { cursor kind metric value threshold message campaignId } }';
const at = (minutes: number) => new Date(Date.parse('2026-11-02T09:00:00Z') + minutes * 60_000).toISOString();

/** NDJSON rows of the generic connector: contacts from..to-1 of campaign `spring`, the first `bounced` hard-bouncing. */
function rows(from: number, to: number, bounced = 0): string {
  const lines: string[] = [];
  for (let n = from; n < to; n++) {
    const type = n - from < bounced ? 'bounced' : 'delivered';
    lines.push(JSON.stringify({ type, contact: `buyer${n}@alpha.example`, timestamp: at(n % 50), campaign: 'spring', ...(type === 'bounced' ? { bounce_kind: 'hard' } : {}) }));
  }
  return lines.join('\n') + '\n';
}

describe(`metric alerts raised on import and pushed over graphql-ws, on ${databaseKind()} with ${process.env.REDIS_URL ? 'Redis' : 'in-memory'} pub/sub`, () => {
  const pubSub = observedPubSub(testPubSub());
  let api: TestApi;
  let alpha: { workspaceId: number; key: string };
  let bravo: { workspaceId: number; key: string };
  beforeAll(async () => {
    api = await startTestApi({ pubSub });
    alpha = await workspaceWithKey(api.store, 'alerts-alpha');
    bravo = await workspaceWithKey(api.store, 'alerts-bravo');
  });
  afterAll(() => api.close());

  const upload = async (body: string) => {
    const response = await fetch(api.server.url.replace('/graphql', '/imports?source=generic&filename=events.ndjson'), {
      method: 'POST', headers: { authorization: `Bearer ${alpha.key}`, 'content-type': 'application/x-ndjson' }, body,
    });
    expect(response.status).toBe(200);
    const summary = (await response.json()) as { status: string; warnings?: string[] };
    expect(summary).toMatchObject({ status: 'SUCCEEDED' });
    expect(summary.warnings).toBeUndefined();
  };
  const alertsQuery = async (open: boolean) => {
    const { body } = await api.graphql('query($open: Boolean) { metricAlerts(filter: { open: $open }) { totalCount edges { node { kind metric clearedAt } } } }', { open }, alpha.key);
    expect(body.errors).toBeUndefined();
    return body.data.metricAlerts;
  };

  it('raises delivery and bounce alerts once, pushes them to the workspace only, and clears them when the campaign recovers', async () => {
    const subscriber = subscribe(api.server.wsUrl, alpha.key, ALERTS);
    const stranger = subscribe(api.server.wsUrl, bravo.key, ALERTS);
    await pubSub.waitForLiveSubscriptions(2);
    try {
      // 100 messages, 6 hard bounces: delivery 94 % (< 95 %), bounce rate 6 % (≥ the 5 % ceiling).
      const file = rows(0, 100, 6);
      await upload(file);
      const received = (await subscriber.waitFor(2)).map((data: any) => data.metricAlert);
      expect(received.map((alert: any) => [alert.kind, alert.metric, alert.value, alert.threshold])).toEqual([
        ['DELIVERY_BELOW_FLOOR', 'deliveryRate', 0.94, 0.95],
        ['BOUNCE_SPIKE', 'bounceRate', 0.06, 0.05],
      ]);
      expect(received[0].message).toMatch(/delivery rate 94.0 % is under 95.0 %: clean the list/);

      await upload(file);
      await pause(300);
      expect(subscriber.received).toHaveLength(2);
      expect(stranger.received).toEqual([]);
      expect((await alertsQuery(true)).totalCount).toBe(2);
      const campaign = await api.graphql(`query($id: ID!) { campaign(id: $id) { alerts { kind } } }`, { id: received[0].campaignId }, alpha.key);
      expect(campaign.body.data.campaign.alerts.map((alert: any) => alert.kind).sort()).toEqual(['BOUNCE_SPIKE', 'DELIVERY_BELOW_FLOOR']);

      // 30 more delivered: 124 of 130 delivered (95.4 %), bounces 4.6 % — both conditions are gone.
      await upload(rows(100, 130));
      expect((await alertsQuery(true)).totalCount).toBe(0);
      const cleared = await alertsQuery(false);
      expect(cleared.totalCount).toBe(2);
      expect(cleared.edges.every((edge: any) => edge.node.clearedAt !== null)).toBe(true);

      // A subscriber that reconnects after the first alert gets the second one replayed.
      const again = subscribe(api.server.wsUrl, alpha.key, ALERTS, { after: received[0].cursor });
      const [replayed] = (await again.waitFor(1)).map((data: any) => data.metricAlert);
      expect(replayed).toEqual(received[1]);
      await again.close();
    } finally {
      await Promise.all([subscriber.close(), stranger.close()]);
    }
  });
});
