import { startTestApi, testPubSub, workspaceWithKey, type TestApi } from '../support/server';
import { databaseKind } from '../support/store';
import { observedPubSub, pause, subscribe } from '../support/subscriber';

const TIER_CHANGES = `subscription($filter: LeadTierChangeFilter, $after: String) {
  leadTierChanged(filter: $filter, after: $after) { cursor from to reason signals { click dwell reply delivered } lead { email } }
}`;

/** Generic connector rows (its NDJSON kind), dated relative to now: tiers rate the last 90 days. */
const DAY = 86_400_000;
const at = (daysAgo: number, minutes = 0) => new Date(Date.now() - daysAgo * DAY + minutes * 60_000).toISOString();
const row = (id: string, type: string, contact: string, timestamp: string, extra: object = {}) => ({ id, type, contact, timestamp, campaign: 'nurture', ...extra });

describe(`lead tier changes pushed over graphql-ws, on ${databaseKind()} with ${process.env.REDIS_URL ? 'Redis' : 'in-memory'} pub/sub`, () => {
  const pubSub = observedPubSub(testPubSub());
  let api: TestApi;
  let alpha: { workspaceId: number; key: string };
  let bravo: { workspaceId: number; key: string };
  let subscriptions = 0;
  const upload = async (key: string, rows: object[]) => {
    const response = await fetch(api.server.url.replace('/graphql', '/imports?source=generic&filename=events.ndjson'), {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/x-ndjson' },
      body: rows.map((r) => JSON.stringify(r)).join('\n') + '\n',
    });
    const text = await response.text();
    return { status: response.status, body: response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text };
  };
  const subscribeLive = async (key: string, variables: Record<string, unknown> = {}) => {
    const subscriber = subscribe(api.server.wsUrl, key, TIER_CHANGES, variables);
    await pubSub.waitForLiveSubscriptions(++subscriptions);
    return subscriber;
  };
  const changesOf = (received: any[]) => received.map((data) => data.leadTierChanged);

  beforeAll(async () => {
    api = await startTestApi({ pubSub });
    alpha = await workspaceWithKey(api.store, 'alpha');
    bravo = await workspaceWithKey(api.store, 'bravo');
  });
  afterAll(() => api.close());

  it('pushes a lead’s LOW → POTENTIAL → CORE exactly, in order, with its signals; another workspace’s subscriber gets nothing', async () => {
    const lead = 'lead@alpha.example';
    expect((await upload(alpha.key, [row('d1', 'delivered', lead, at(2)), row('d2', 'delivered', 'other@alpha.example', at(2), { campaign: 'other' })])).status).toBe(200);
    const campaigns = await api.graphql('{ campaigns(first: 10) { edges { node { id externalId } } } }', {}, alpha.key);
    const campaignId = (name: string) => campaigns.body.data.campaigns.edges.find((edge: any) => edge.node.externalId === name).node.id;

    const all = await subscribeLive(alpha.key);
    const coreOnly = await subscribeLive(alpha.key, { filter: { tiers: ['CORE'] } });
    const otherCampaign = await subscribeLive(alpha.key, { filter: { campaignId: campaignId('other') } });
    const nurture = await subscribeLive(alpha.key, { filter: { campaignId: campaignId('nurture') } });
    const otherWorkspace = await subscribeLive(bravo.key);
    try {
      await upload(alpha.key, [row('c1', 'clicked', lead, at(1), { url: 'https://alpha.example/case-study' }), row('r1', 'read', lead, at(1, 1), { read_seconds: 25 })]);
      await upload(alpha.key, [row('p1', 'replied', lead, at(0, -30))]);
      await all.waitFor(2);
      await pause(300);

      const [potential, core] = changesOf(all.received);
      expect(all.received).toHaveLength(2);
      expect(potential).toEqual({
        cursor: expect.stringMatching(/^\d+$/), from: 'LOW', to: 'POTENTIAL',
        reason: 'clicked 1, read 1 deeply of 1 delivered messages in the last 90 days',
        signals: { click: true, dwell: true, reply: false, delivered: 1 }, lead: { email: lead },
      });
      expect(core).toEqual({
        cursor: expect.stringMatching(/^\d+$/), from: 'POTENTIAL', to: 'CORE',
        reason: 'replied to 1, clicked 1, read 1 deeply of 1 delivered messages in the last 90 days',
        signals: { click: true, dwell: true, reply: true, delivered: 1 }, lead: { email: lead },
      });
      expect(Number(core.cursor)).toBeGreaterThan(Number(potential.cursor));
      expect(changesOf(coreOnly.received).map((change) => [change.from, change.to])).toEqual([['POTENTIAL', 'CORE']]);
      expect(changesOf(nurture.received)).toEqual([potential, core]);
      expect(otherCampaign.received).toEqual([]);
      expect(otherWorkspace.received).toEqual([]);
      expect([all, coreOnly, otherCampaign, nurture, otherWorkspace].flatMap((s) => s.errors)).toEqual([]);
    } finally {
      await Promise.all([all, coreOnly, otherCampaign, nurture, otherWorkspace].map((s) => s.close()));
    }
  });

  it('a subscriber that reconnects with its last cursor gets exactly the three changes it missed, then live ones', async () => {
    const first = await subscribeLive(alpha.key);
    await upload(alpha.key, [row('rc-d1', 'delivered', 'r1@alpha.example', at(3))]);
    const [seen] = changesOf(await first.waitFor(1));
    expect(seen).toMatchObject({ from: 'UNRATED', to: 'LOW', lead: { email: 'r1@alpha.example' } });
    await first.close();

    await upload(alpha.key, [row('rc-d2', 'delivered', 'r2@alpha.example', at(3))]);
    await upload(alpha.key, [row('rc-d3', 'delivered', 'r3@alpha.example', at(3))]);
    await upload(alpha.key, [row('rc-c1', 'clicked', 'r1@alpha.example', at(2), { url: 'https://alpha.example/product' })]);

    const again = await subscribeLive(alpha.key, { after: seen.cursor });
    try {
      const missed = changesOf(await again.waitFor(3));
      expect(missed.map((change) => [change.lead.email, change.from, change.to])).toEqual([
        ['r2@alpha.example', 'UNRATED', 'LOW'],
        ['r3@alpha.example', 'UNRATED', 'LOW'],
        ['r1@alpha.example', 'LOW', 'ENGAGED'],
      ]);
      await upload(alpha.key, [row('rc-p2', 'replied', 'r2@alpha.example', at(1))]);
      await again.waitFor(4);
      await pause(300);
      const all = changesOf(again.received);
      expect(all).toHaveLength(4);
      expect(all[3]).toMatchObject({ from: 'LOW', to: 'ENGAGED', lead: { email: 'r2@alpha.example' }, signals: { reply: true } });
      const cursors = all.map((change) => Number(change.cursor));
      expect(cursors).toEqual([...cursors].sort((a, b) => a - b));
      expect(new Set(cursors).size).toBe(4);
      expect(cursors[0]).toBeGreaterThan(Number(seen.cursor));
    } finally {
      await again.close();
    }
  });

  it('publishes nothing for a batch that rolled back', async () => {
    const subscriber = await subscribeLive(alpha.key);
    try {
      // The NUL byte in the unknown type ends up in the rejected row's reason, which PostgreSQL refuses to store:
      // the batch (with its tier change for poison@) rolls back.
      const failed = await upload(alpha.key, [row('pz-d1', 'delivered', 'poison@alpha.example', at(1)), { type: 'bad\u0000type', contact: 'x@alpha.example' }]);
      expect(failed.status).toBe(500);
      await upload(alpha.key, [row('pz-d2', 'delivered', 'after@alpha.example', at(1))]);
      const [next] = changesOf(await subscriber.waitFor(1));
      await pause(200);
      expect(subscriber.received).toHaveLength(1);
      expect(next).toMatchObject({ from: 'UNRATED', to: 'LOW', lead: { email: 'after@alpha.example' } });
      const poisoned = await api.graphql('{ leads: contacts(first: 5, filter: { email: "poison@alpha.example" }) { totalCount } }', {}, alpha.key);
      expect(poisoned.body.data.leads.totalCount).toBe(0);
    } finally {
      await subscriber.close();
    }
  });

  it('pushes stage changes, automatic and by hand, to the workspace’s subscribers of those stages', async () => {
    const stages = subscribe(api.server.wsUrl, alpha.key, 'subscription { leadStageChanged(filter: { stages: [MQL, SQL] }) { from to cause source lead { email } } }');
    await pubSub.waitForLiveSubscriptions(++subscriptions);
    try {
      const email = 'stage@alpha.example';
      await upload(alpha.key, [row('st-d1', 'delivered', email, at(2))]);
      const { body } = await upload(alpha.key, [1, 2, 3, 4, 5].map((n) => ({ id: `st-f${n}`, type: 'form_submitted', contact: email, timestamp: at(1, n) })));
      expect(body.status).toBe('SUCCEEDED');
      const lead = await api.graphql('query($e: String) { contacts(first: 1, filter: { email: $e }) { edges { node { id lifecycleStage score } } } }', { e: email }, alpha.key);
      const node = lead.body.data.contacts.edges[0].node;
      // A subscriber is not promoted by score; made a LEAD by hand, its score makes it an MQL at once.
      expect(node).toMatchObject({ lifecycleStage: 'SUBSCRIBER', score: 50 });
      const set = (stage: string) => api.graphql(`mutation($id: ID!) { setLifecycleStage(leadId: $id, stage: ${stage}) { lifecycleStage } }`, { id: node.id }, alpha.key);
      expect((await set('LEAD')).body.data.setLifecycleStage.lifecycleStage).toBe('MQL');
      // An earlier open arriving late re-words the MQL's cause, but is no new change.
      await upload(alpha.key, [row('st-o1', 'opened', email, at(0, -5))]);
      await set('SQL');
      await set('DISQUALIFIED');
      await stages.waitFor(2);
      await pause(200);
      expect(stages.received.map((data: any) => data.leadStageChanged)).toEqual([
        { from: 'LEAD', to: 'MQL', cause: 'score 50 reached the MQL threshold 50', source: 'scoring', lead: { email } },
        { from: 'MQL', to: 'SQL', cause: 'set by hand', source: 'manual', lead: { email } },
      ]);
    } finally {
      await stages.close();
    }
  });

  it('a stage subscriber that reconnects with its last cursor gets exactly the three stage changes it missed, then live ones', async () => {
    const email = 'cursor-stage@alpha.example';
    await upload(alpha.key, [row('cs-d1', 'delivered', email, at(2))]);
    const found = await api.graphql('query($e: String) { contacts(first: 1, filter: { email: $e }) { edges { node { id } } } }', { e: email }, alpha.key);
    const leadId = found.body.data.contacts.edges[0].node.id;
    const set = async (stage: string) => {
      const result = await api.graphql(`mutation($id: ID!) { setLifecycleStage(leadId: $id, stage: ${stage}) { lifecycleStage } }`, { id: leadId }, alpha.key);
      expect(result.body.errors).toBeUndefined();
    };
    const STAGES = 'subscription($after: String) { leadStageChanged(after: $after) { cursor from to source lead { email } } }';
    const first = subscribe(api.server.wsUrl, alpha.key, STAGES);
    await pubSub.waitForLiveSubscriptions(++subscriptions);
    await set('LEAD');
    const [seen] = (await first.waitFor(1)).map((data: any) => data.leadStageChanged);
    expect(seen).toMatchObject({ from: null, to: 'LEAD', source: 'manual', lead: { email } });
    await first.close();

    await set('SQL');
    await set('DISQUALIFIED');
    await set('LEAD');

    const again = subscribe(api.server.wsUrl, alpha.key, STAGES, { after: seen.cursor });
    await pubSub.waitForLiveSubscriptions(++subscriptions);
    try {
      const missed = (await again.waitFor(3)).map((data: any) => data.leadStageChanged);
      expect(missed.map((change: any) => [change.from, change.to])).toEqual([['LEAD', 'SQL'], ['SQL', 'DISQUALIFIED'], ['DISQUALIFIED', 'LEAD']]);
      await set('SQL');
      await again.waitFor(4);
      await pause(300);
      const all = again.received.map((data: any) => data.leadStageChanged);
      expect(all).toHaveLength(4);
      expect(all[3]).toMatchObject({ from: 'LEAD', to: 'SQL', source: 'manual' });
      const cursors = all.map((change: any) => Number(change.cursor));
      expect(cursors).toEqual([...cursors].sort((a, b) => a - b));
      expect(new Set(cursors).size).toBe(4);
      expect(cursors[0]).toBeGreaterThan(Number(seen.cursor));
    } finally {
      await again.close();
    }
  });

  it('pushes the stage history a CRM export brings, once: a re-import of the same file pushes nothing', async () => {
    const csv = [
      '"Record ID","Email","Lifecycle Stage","Create Date","Became a Lead Date","Became a Marketing Qualified Lead Date","Became a Sales Qualified Lead Date"',
      '"7001","crm-one@alpha.example","Sales Qualified Lead","2024-01-02 10:00","2024-01-02 10:00","2024-02-03 11:00","2024-03-04 12:00"',
      '"7002","crm-two@alpha.example","Lead","2024-01-05 09:00","2024-01-05 09:00","","",',
    ].join('\n') + '\n';
    const importCsv = async () => {
      const response = await fetch(api.server.url.replace('/graphql', '/imports?source=hubspot&filename=contacts.csv'), {
        method: 'POST', headers: { authorization: `Bearer ${alpha.key}`, 'content-type': 'text/csv' }, body: csv,
      });
      expect(response.status).toBe(200);
      return (await response.json()) as { status: string };
    };
    const stages = subscribe(api.server.wsUrl, alpha.key, 'subscription { leadStageChanged { cursor from to source at lead { email } } }');
    const otherWorkspace = subscribe(api.server.wsUrl, bravo.key, 'subscription { leadStageChanged { to } }');
    subscriptions += 2;
    await pubSub.waitForLiveSubscriptions(subscriptions);
    try {
      expect((await importCsv()).status).toBe('SUCCEEDED');
      await stages.waitFor(4);
      await pause(300);
      const changes = stages.received.map((data: any) => data.leadStageChanged);
      expect(changes.map((change: any) => [change.lead.email, change.from, change.to, change.source])).toEqual([
        ['crm-one@alpha.example', null, 'LEAD', 'hubspot'],
        ['crm-one@alpha.example', 'LEAD', 'MQL', 'hubspot'],
        ['crm-one@alpha.example', 'MQL', 'SQL', 'hubspot'],
        ['crm-two@alpha.example', null, 'LEAD', 'hubspot'],
      ]);
      expect(changes[2].at).toBe('2024-03-04T12:00:00.000Z');
      expect((await importCsv()).status).toBe('SUCCEEDED');
      await pause(500);
      expect(stages.received).toHaveLength(4);
      expect(otherWorkspace.received).toEqual([]);
    } finally {
      await Promise.all([stages.close(), otherWorkspace.close()]);
    }
  });

  it('refuses an `after` that is not a cursor, and a connection without a valid key', async () => {
    const bad = subscribe(api.server.wsUrl, alpha.key, TIER_CHANGES, { after: 'yesterday' });
    await expect(bad.waitFor(1)).rejects.toThrow(/must be the cursor of a tier change you received/);
    await bad.close();
    const stranger = subscribe(api.server.wsUrl, 'fg_1_nope', TIER_CHANGES);
    await expect(stranger.waitFor(1)).rejects.toThrow(/subscription failed/);
    await stranger.close();
  });
});
