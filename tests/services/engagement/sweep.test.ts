import { startServer } from '../../../src/server/app';
import { sweepEngagement } from '../../../src/services/engagement/sweep';
import { ensureWorkspace } from '../../../src/services/workspaces';
import type { Store } from '../../../src/store/data-source';
import { campaignEvents, importRecords, siteEvents } from '../../support/engagement-records';
import { recordingBus } from '../../support/lead-events';
import { testPubSub, workspaceWithKey } from '../../support/server';
import { databaseKind, openTestStore } from '../../support/store';
import { subscribe } from '../../support/subscriber';

const DAY = 86_400_000;
const T0 = new Date('2026-06-01T00:00:00Z');
const after = (days: number) => new Date(T0.getTime() + days * DAY);

describe(`the engagement sweep, on ${databaseKind()}`, () => {
  let store: Store;
  const q = (sql: string, params: unknown[] = []) => store.dataSource.query(sql, params) as Promise<any[]>;
  const contact = async (email: string) => (await q('SELECT score, tier, tier_rated_at FROM contact WHERE email = $1', [email]))[0];

  beforeAll(async () => {
    store = await openTestStore();
  });
  afterAll(() => store.close());

  it('re-rates a contact once a message ages out of its window, and only then', async () => {
    const { workspace } = await ensureWorkspace(store.dataSource, 'sweep');
    const bus = recordingBus();
    await importRecords(store, workspace.id, [
      ...campaignEvents('old@example.com', 'march', after(-80), [{ type: 'DELIVERED', minute: 0 }, { type: 'CLICKED', minute: 10, url: 'https://example.com/p' }]),
      ...campaignEvents('old@example.com', 'may', after(-10), [{ type: 'DELIVERED', minute: 0 }]),
    ], { now: T0 });
    expect(await contact('old@example.com')).toMatchObject({ tier: 'ENGAGED', tier_rated_at: T0 });

    expect(await sweepEngagement(store.dataSource, bus, after(5))).toEqual({ contactsRefreshed: 0, tierChanges: 0, stageChanges: 0 });
    expect(await sweepEngagement(store.dataSource, bus, after(15))).toEqual({ contactsRefreshed: 1, tierChanges: 1, stageChanges: 0 });
    expect(await contact('old@example.com')).toMatchObject({ tier: 'LOW', tier_rated_at: after(15) });
    expect(bus.published.map((p) => [p.topic, p.payload.from, p.payload.to, p.payload.reason])).toEqual([
      ['LEAD_TIER_CHANGED', 'ENGAGED', 'LOW', 'no click, deep read or reply of 1 delivered messages in the last 90 days'],
    ]);
    expect(await sweepEngagement(store.dataSource, bus, after(16))).toEqual({ contactsRefreshed: 0, tierChanges: 0, stageChanges: 0 });
    expect(await sweepEngagement(store.dataSource, bus, after(81))).toEqual({ contactsRefreshed: 1, tierChanges: 1, stageChanges: 0 });
    expect((await contact('old@example.com')).tier).toBe('UNRATED');
  });

  it('re-scores contacts with points when the workspace’s points decay', async () => {
    const { workspace } = await ensureWorkspace(store.dataSource, 'decay');
    await q(`UPDATE workspace SET settings = '{"scoreDecay": {"kind": "HALF_LIFE", "days": 10}}'::jsonb WHERE id = $1`, [workspace.id]);
    await importRecords(store, workspace.id, siteEvents('fading@example.com', T0, [{ type: 'FORM_SUBMITTED', minute: 0 }]), { now: T0 });
    expect((await contact('fading@example.com')).score).toBe(10);
    await sweepEngagement(store.dataSource, undefined, after(10));
    expect((await contact('fading@example.com')).score).toBe(5);
    await sweepEngagement(store.dataSource, undefined, after(20));
    expect((await contact('fading@example.com')).score).toBe(2.5);
  });

  it('runs on the server’s interval, pushes what it changes, and stops with the server', async () => {
    const { workspaceId, key } = await workspaceWithKey(store, 'scheduled');
    const now = Date.now();
    // Rated two days ago, on a message delivered 91 days ago: in the window then, out of it now.
    await importRecords(store, workspaceId, campaignEvents('aging@example.com', 'spring', new Date(now - 91 * DAY), [{ type: 'DELIVERED', minute: 0 }]), { now: new Date(now - 2 * DAY) });
    expect((await contact('aging@example.com')).tier).toBe('LOW');
    // Resuming after the LOW change: the sweep may run before the subscription is live, the replay covers that.
    const [{ cursor }] = await q('SELECT max(id)::text AS cursor FROM tier_change WHERE workspace_id = $1', [workspaceId]);
    const pubSub = testPubSub();
    const server = await startServer({ store, port: 0, host: '127.0.0.1', pubSub, sweepIntervalMs: 50 });
    const subscriber = subscribe(server.wsUrl, key, 'subscription($after: String) { leadTierChanged(after: $after) { from to lead { email } } }', { after: cursor });
    try {
      const [data] = await subscriber.waitFor(1);
      expect(data.leadTierChanged).toEqual({ from: 'LOW', to: 'UNRATED', lead: { email: 'aging@example.com' } });
    } finally {
      await subscriber.close();
      await server.close();
      await pubSub.close();
    }
  });
});
