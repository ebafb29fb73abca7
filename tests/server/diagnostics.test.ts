/**
 * Campaign diagnostics against the workspace's own baseline, read-class breakdowns and A/B comparisons over
 * GraphQL, on data imported through the SDK. Every expected figure is worked out by hand in the comments.
 */
import { importRecords } from '../support/engagement-records';
import { startTestApi, workspaceWithKey, type TestApi } from '../support/server';
import { databaseKind } from '../support/store';

const DAY = 86_400_000;
const START = Date.parse('2026-03-02T09:00:00Z');

/** A newsletter sent to `size` contacts on day `day`: `clicks` of them click, `bounces` hard-bounce, the rest deliver. */
function newsletter(id: string, day: number, options: { size?: number; clicks: number; bounces?: number; reads?: number[]; type?: string }): object[] {
  const { size = 100, clicks, bounces = 0, reads = [], type = 'NEWSLETTER' } = options;
  const at = (minutes: number) => new Date(START + day * DAY + minutes * 60_000).toISOString();
  const records: object[] = [{ kind: 'campaign', externalId: id, name: `Newsletter ${id}`, channel: 'EMAIL', type, sentAt: at(0) }];
  for (let n = 0; n < size; n++) {
    const contact = { email: `reader${n}@example.com` };
    const event = (type: string, minute: number, extra: object = {}) =>
      ({ kind: 'event', sourceEventId: `${id}/${n}/${type}`, type, occurredAt: at(minute), contact, campaignExternalId: id, ...extra });
    records.push({ kind: 'message', campaignExternalId: id, contact, channel: 'EMAIL', sentAt: at(0) });
    if (n < bounces) {
      records.push(event('BOUNCED', 1, { bounceKind: 'HARD' }));
      continue;
    }
    records.push(event('DELIVERED', 1));
    if (n >= size - clicks) records.push(event('CLICKED', 30, { url: 'https://example.com/offer' }));
    if (n - bounces < reads.length) records.push(event('READ', 20, { readSeconds: reads[n - bounces] }));
  }
  return records;
}

describe(`campaign diagnostics, read classes and A/B comparison over GraphQL on ${databaseKind()}`, () => {
  let api: TestApi;
  let acme: { workspaceId: number; key: string };
  const ids = new Map<string, string>();

  beforeAll(async () => {
    api = await startTestApi();
    acme = await workspaceWithKey(api.store, 'acme-diagnostics', 'read');
    await importRecords(api.store, acme.workspaceId, [
      // Past newsletters: click rates 5 %, 6 %, 5 %, 6 % of 100 delivered (median 5.5 %, MAD 0.5 pt → band
      // ± max(2 × 1.4826 × 0.5, 1) pt = ± 1.48 pt), all delivered.
      ...newsletter('n1', 0, { clicks: 5 }),
      ...newsletter('n2', 7, { clicks: 6 }),
      ...newsletter('n3', 14, { clicks: 5 }),
      ...newsletter('n4', 21, { clicks: 6 }),
      // The latest: 10 hard bounces (delivery 90 %), 1 click of 90 delivered (1.1 %), reads of 1 s, 5 s and 10 s.
      ...newsletter('n5', 28, { clicks: 1, bounces: 10, reads: [1, 5, 10] }),
      // A promotional campaign: a different type, so no history for the newsletters and none of its own.
      ...newsletter('p1', 3, { clicks: 40, type: 'PROMOTIONAL' }),
    ], { batchSize: 400 });
    const { body } = await api.graphql('{ campaigns(first: 20) { edges { node { id externalId } } } }', {}, acme.key);
    for (const edge of body.data.campaigns.edges) ids.set(edge.node.externalId, edge.node.id);
  });
  afterAll(() => api.close());

  const ask = async (query: string, variables: object = {}) => {
    const response = await api.graphql(query, variables, acme.key);
    expect(response.body.errors).toBeUndefined();
    return response.body.data;
  };

  it('diagnoses the latest newsletter against the earlier ones: delivery and CTR low with the advice, dwell and reply without history', async () => {
    const data = await ask('query($id: ID!) { campaign(id: $id) { diagnostics { metric value status advice reason baseline { median low high size } } } }', { id: ids.get('n5') });
    const [delivery, ctr, dwell, reply] = data.campaign.diagnostics;
    expect(delivery).toMatchObject({ metric: 'deliveryRate', value: 0.9, status: 'LOW', advice: expect.stringMatching(/list hygiene/) });
    expect(delivery.baseline).toMatchObject({ median: 1, size: 4 });
    expect(delivery.reason).toContain('90.0 % is under 95.0 %');
    expect(ctr).toMatchObject({ metric: 'clickRate', status: 'LOW', advice: expect.stringMatching(/subject, the link copy and the link position/) });
    expect(ctr.value).toBeCloseTo(1 / 90, 10);
    expect(ctr.baseline.median).toBeCloseTo(0.055, 10);
    expect(ctr.baseline.low).toBeCloseTo(0.055 - 2 * 1.4826 * 0.005, 6);
    expect(ctr.baseline.size).toBe(4);
    // Reads were measured on n5 only: the earlier newsletters give no dwell history.
    expect(dwell).toMatchObject({ metric: 'avgReadSeconds', status: 'NO_BASELINE', advice: null });
    expect(dwell.value).toBeCloseTo(16 / 3, 10);
    expect(reply).toMatchObject({ metric: 'replyRate', value: 0, status: 'OK' });
  });

  it('uses only earlier campaigns of the same type as history, and a page of campaigns costs a constant number of statements', async () => {
    const first = await ask('query($id: ID!) { campaign(id: $id) { diagnostics { metric status reason } } }', { id: ids.get('n1') });
    expect(first.campaign.diagnostics[1]).toEqual({ metric: 'clickRate', status: 'NO_BASELINE', reason: 'no baseline yet: it needs at least 3 past newsletter campaigns with a value (have 0)' });
    const promo = await ask('query($id: ID!) { campaign(id: $id) { diagnostics { metric status } } }', { id: ids.get('p1') });
    expect(promo.campaign.diagnostics[1]).toEqual({ metric: 'clickRate', status: 'NO_BASELINE' });

    const page = '{ campaigns(first: 20) { edges { node { externalId diagnostics { metric status } readClassBreakdown { readClass messages } } } } }';
    const statements = async (first: number) => {
      const before = api.store.queryCounter.count;
      await ask(page.replace('first: 20', `first: ${first}`));
      return api.store.queryCounter.count - before;
    };
    const data = await ask(page);
    const n4 = data.campaigns.edges.find((edge: any) => edge.node.externalId === 'n4').node;
    // n4's history is n1–n3 (5 %, 6 %, 5 %): 6 % lies within median 5 % ± 1.48 pt.
    expect(n4.diagnostics[1]).toEqual({ metric: 'clickRate', status: 'OK' });
    // Two campaigns or six: the same statements (campaign page, settings, timings, one metrics statement per type).
    expect(await statements(6)).toBe(await statements(2));
  });

  it('splits measured reads into glance, skim and deep read', async () => {
    const data = await ask('query($id: ID!) { campaign(id: $id) { readClassBreakdown { readClass messages measured share fromSeconds toSeconds } } }', { id: ids.get('n5') });
    expect(data.campaign.readClassBreakdown).toEqual([
      { readClass: 'GLANCE', messages: 1, measured: 3, share: 1 / 3, fromSeconds: 0, toSeconds: 2 },
      { readClass: 'SKIM', messages: 1, measured: 3, share: 1 / 3, fromSeconds: 2, toSeconds: 8 },
      { readClass: 'DEEP_READ', messages: 1, measured: 3, share: 1 / 3, fromSeconds: 8, toSeconds: null },
    ]);
    const none = await ask('query($id: ID!) { campaign(id: $id) { readClassBreakdown { messages share } } }', { id: ids.get('n1') });
    expect(none.campaign.readClassBreakdown).toEqual([{ messages: 0, share: null }, { messages: 0, share: null }, { messages: 0, share: null }]);
  });

  it('compares two campaigns on a rate with the two-proportion test at the chosen confidence level', async () => {
    const query = `query($a: ID!, $b: ID!, $metric: MetricId!, $level: Float) { compareCampaigns(a: $a, b: $b, metric: $metric, confidenceLevel: $level) {
      metric a { campaignId numerator denominator value } b { numerator denominator value } difference confidenceLevel interval { low high } z pValue verdict reason } }`;
    // p1 40/100 against n1 5/100: pooled 0.225, z = 0.35 / sqrt(0.225 × 0.775 × 0.02) = 5.9404…
    const data = await ask(query, { a: ids.get('n1'), b: ids.get('p1'), metric: 'clickRate', level: 0.99 });
    const result = data.compareCampaigns;
    expect(result).toMatchObject({ metric: 'clickRate', a: { campaignId: ids.get('n1'), numerator: 5, denominator: 100 }, b: { numerator: 40, denominator: 100 }, confidenceLevel: 0.99, verdict: 'B_HIGHER' });
    expect(result.difference).toBeCloseTo(0.35, 10);
    expect(result.z).toBeCloseTo(0.35 / Math.sqrt(0.225 * 0.775 * 0.02), 8);
    expect(result.pValue).toBeLessThan(1e-8);
    // Unpooled error sqrt(0.05×0.95/100 + 0.4×0.6/100) = 0.05454; z(0.995) = 2.5758 → 0.35 ± 0.14049.
    expect(result.interval.low).toBeCloseTo(0.35 - 2.5758293 * Math.sqrt((0.05 * 0.95 + 0.4 * 0.6) / 100), 5);
    expect(result.interval.high).toBeCloseTo(0.35 + 2.5758293 * Math.sqrt((0.05 * 0.95 + 0.4 * 0.6) / 100), 5);

    // n1 5/100 against n2 6/100: 5 and 6 clicks are enough data, and the difference could be chance.
    const close = (await ask(query, { a: ids.get('n1'), b: ids.get('n2'), metric: 'clickRate' })).compareCampaigns;
    expect(close).toMatchObject({ verdict: 'NO_SIGNIFICANT_DIFFERENCE', confidenceLevel: 0.95 });
    // n5 has 1 click: not enough data, no p-value claimed.
    const thin = (await ask(query, { a: ids.get('n1'), b: ids.get('n5'), metric: 'clickRate' })).compareCampaigns;
    expect(thin).toMatchObject({ verdict: 'NOT_ENOUGH_DATA', pValue: null, interval: null });
  });

  it('refuses metrics that are not message rates, bad levels, and campaigns of another workspace', async () => {
    const query = 'query($a: ID!, $b: ID!, $metric: MetricId!, $level: Float) { compareCampaigns(a: $a, b: $b, metric: $metric, confidenceLevel: $level) { verdict } }';
    const mean = await api.graphql(query, { a: ids.get('n1'), b: ids.get('n2'), metric: 'avgReadSeconds' }, acme.key);
    expect(mean.body.errors?.[0].message).toMatch(/avgReadSeconds is not a rate of messages/);
    const level = await api.graphql(query, { a: ids.get('n1'), b: ids.get('n2'), metric: 'clickRate', level: 95 }, acme.key);
    expect(level.body.errors?.[0].message).toMatch(/confidenceLevel lies strictly between 0 and 1/);
    const other = await workspaceWithKey(api.store, 'other-diagnostics', 'read');
    const foreign = await api.graphql(query, { a: ids.get('n1'), b: ids.get('n2'), metric: 'clickRate' }, other.key);
    expect(foreign.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
