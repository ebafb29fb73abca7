/**
 * The metrics service over a hand-counted story imported through the real import path (story.ts says what
 * every message went through). Every expected number below is counted by hand from those records.
 */
import { queryMetrics, type MetricRow, type ServedValue } from '../../../src/services/metrics';
import type { Store } from '../../../src/store/data-source';
import { databaseKind, openTestStore } from '../../support/store';
import { contactIdOf, idOf, importStory } from './story';

/** A value as [metric(/category), numerator, denominator, value]. */
const entry = (v: ServedValue) => [v.linkCategory ? `${v.metric}/${v.linkCategory}` : v.metric, v.numerator, v.denominator, v.value];
const byMetric = (row: MetricRow) => Object.fromEntries(row.values.map((v) => [v.linkCategory ? `${v.metric}/${v.linkCategory}` : v.metric, v]));

describe(`message metrics served from SQL on ${databaseKind()}`, () => {
  let store: Store;
  let acme: number;
  const query = (q: Parameters<typeof queryMetrics>[2], workspaceId = acme) => queryMetrics(store.dataSource.manager, workspaceId, q);
  beforeAll(async () => {
    store = await openTestStore();
    acme = await importStory(store.dataSource, 'acme');
  });
  afterAll(() => store.close());

  it('serves every message metric of the spring campaign exactly as counted by hand', async () => {
    const spring = await idOf(store.dataSource, acme, 'campaign', 'spring');
    const [row] = await query({ filter: { campaignIds: [spring] } });
    expect(row.group).toEqual({ dimension: null, key: 'ALL', label: 'All messages' });
    expect(row.messages).toBe(10);
    expect(row.values.map(entry)).toEqual([
      ['sent', 10, null, 10],
      ['delivered', 6, null, 6],
      ['deliveryRate', 7, 10, 0.7], // (10 sent − 1 hard − 1 soft − 1 dropped) / 10 sent; g (PENDING) is not bounced
      ['hardBounceRate', 1, 10, 0.1],
      ['softBounceRate', 1, 10, 0.1],
      ['bounceRate', 2, 10, 0.2],
      ['openRate', 4, 6, 4 / 6], // a opened, b clicked without an open, h and i read; c's machine open does not count
      ['machineOpenRate', 1, 6, 1 / 6],
      ['scannerClickRate', 0, 6, 0],
      ['clickRate', 2, 6, 2 / 6],
      ['totalClickRate', 3, 6, 3 / 6], // a's two human clicks and b's; a's scanner click 1 s after delivery is left out
      ['clickToOpenRate', 2, 4, 2 / 4],
      ['clickRateByLinkCategory/PRODUCT', 1, 6, 1 / 6],
      ['clickRateByLinkCategory/CASE_STUDY', 1, 6, 1 / 6],
      ['clickRateByLinkCategory/INQUIRY', 0, 6, 0],
      ['clickRateByLinkCategory/CONTENT', 0, 6, 0],
      ['clickRateByLinkCategory/UNSUBSCRIBE', 0, 6, 0],
      ['clickRateByLinkCategory/OTHER', 0, 6, 0],
      ['avgReadSeconds', 15, 2, 7.5],
      ['readCompletionRate', 1, 2, 0.5],
      ['replyRate', 1, 6, 1 / 6],
      ['forwardRate', 0, 6, 0],
      ['unsubscribeRate', 0, 6, 0],
      ['complaintRate', 0, 6, 0],
      ['conversionRate', 0, 6, 0],
      ['clickToConversionRate', 0, 2, 0],
      ['revenue', 0, null, 0],
      ['revenuePerEmail', 0, 10, 0],
      ['trafficSessions', 3, null, 3], // human clicks on acme.test, the workspace's own site
    ]);
    expect(row.values.every((value) => value.reason === null)).toBe(true);
    expect(row.ctr).toMatchObject({ metric: 'clickRate', numerator: 2, denominator: 6 });
  });

  it('counts a message with a human click but no recorded open as opened, and one with machine opens only as not opened', async () => {
    const b = await contactIdOf(store.dataSource, acme, 'b');
    const c = await contactIdOf(store.dataSource, acme, 'c');
    const spring = await idOf(store.dataSource, acme, 'campaign', 'spring');
    const metrics = ['openRate', 'machineOpenRate', 'clickToOpenRate'];
    const [clicked] = await query({ filter: { campaignIds: [spring], contactIds: [b] }, metrics });
    expect(clicked.values.map(entry)).toEqual([['openRate', 1, 1, 1], ['machineOpenRate', 0, 1, 0], ['clickToOpenRate', 1, 1, 1]]);
    const [machine] = await query({ filter: { campaignIds: [spring], contactIds: [c] }, metrics });
    expect(machine.values.map(entry)).toEqual([['openRate', 0, 1, 0], ['machineOpenRate', 1, 1, 1], ['clickToOpenRate', 0, 0, null]]);
    expect(machine.values[2].reason).toBe('no delivered messages opened by a human in this selection, so Click-to-open rate is undefined');
  });

  it('is null with a reason when a denominator is 0, and when the sources of the group cannot supply an input', async () => {
    const rows = await query({ groupBy: 'CAMPAIGN', metrics: ['avgReadSeconds', 'replyRate', 'revenue', 'trafficSessions'] });
    const [, summer, autumn] = rows.map(byMetric);
    expect(summer.avgReadSeconds).toMatchObject({
      value: null, numerator: 0, denominator: 0, reason: 'no messages with a read-time measurement in this selection, so Average read time is undefined',
    });
    expect(summer.revenue).toMatchObject({ value: 250.5, reason: null }); // the site conversion, attributed to a's click
    expect(autumn.avgReadSeconds).toMatchObject({
      value: null, numerator: null, denominator: null,
      reason: "Average read time needs read-time measurements, which none of this selection's sources (sendgrid) supply",
    });
    expect(autumn.replyRate.reason).toBe("Reply rate needs reply or inquiry events, which none of this selection's sources (sendgrid) supply");
    expect(autumn.revenue.value).toBeNull();
    expect(autumn.trafficSessions).toMatchObject({ value: 0, reason: null });
  });

  it('says which setting to make when the workspace has no own site domains', async () => {
    const initech = await importStory(store.dataSource, 'initech');
    await store.dataSource.query(`UPDATE workspace SET settings = '{}'::jsonb WHERE id = $1`, [initech]);
    const [row] = await query({ metrics: ['trafficSessions'] }, initech);
    expect(row.values[0]).toMatchObject({
      value: null, reason: `Email-driven site traffic needs the workspace's own site domains: set "siteDomains" in the workspace settings`,
    });
  });

  it('groups by campaign, in send order, labelled by name', async () => {
    const rows = await query({ groupBy: 'CAMPAIGN', metrics: ['sent', 'deliveryRate', 'conversionRate'] });
    expect(rows.map((row) => [row.group.label, row.messages, ...row.values.map((v) => v.value)])).toEqual([
      ['Spring, "launch"', 10, 10, 0.7, 0],
      ['Summer', 2, 2, 1, 0.5],
      ['Autumn', 2, 2, 1, null],
    ]);
    expect(rows[0].group.key).toBe(String(await idOf(store.dataSource, acme, 'campaign', 'spring')));
  });

  it('groups by day, week and month of the send time, falling back to the campaign’s', async () => {
    const shape = (rows: MetricRow[]) => rows.map((row) => [row.group.key, row.group.label, row.values[0].value]);
    // j has no send event: its campaign was sent on 2 March, so it counts on that day although delivered on the 3rd.
    expect(shape(await query({ groupBy: 'DAY', metrics: ['sent'] }))).toEqual([
      ['2026-03-02', '2026-03-02', 10], ['2026-03-09', '2026-03-09', 2], ['2026-03-16', '2026-03-16', 2],
    ]);
    expect(shape(await query({ groupBy: 'WEEK', metrics: ['sent'] }))).toEqual([
      ['2026-03-02', '2026-W10', 10], ['2026-03-09', '2026-W11', 2], ['2026-03-16', '2026-W12', 2],
    ]);
    expect(shape(await query({ groupBy: 'MONTH', metrics: ['sent'] }))).toEqual([['2026-03-01', '2026-03', 14]]);
  });

  it('groups by link category with the per-category metric, and says why other metrics are not broken down so', async () => {
    const rows = await query({ groupBy: 'LINK_CATEGORY', metrics: ['clickRateByLinkCategory', 'openRate'] });
    expect(rows.map((row) => [row.group.key, row.group.label, ...entry(row.values[0])])).toEqual([
      ['PRODUCT', 'Product', 'clickRateByLinkCategory/PRODUCT', 1, 10, 0.1], // a (spring)
      ['CASE_STUDY', 'Case study', 'clickRateByLinkCategory/CASE_STUDY', 1, 10, 0.1], // b (spring)
      ['INQUIRY', 'Inquiry', 'clickRateByLinkCategory/INQUIRY', 0, 10, 0],
      ['CONTENT', 'Content', 'clickRateByLinkCategory/CONTENT', 1, 10, 0.1], // a (summer)
      ['UNSUBSCRIBE', 'Unsubscribe', 'clickRateByLinkCategory/UNSUBSCRIBE', 0, 10, 0],
      ['OTHER', 'Other', 'clickRateByLinkCategory/OTHER', 0, 10, 0],
    ]);
    expect(rows[0].values[1]).toMatchObject({ metric: 'openRate', value: null });
    expect(rows[0].values[1].reason).toMatch(/^Open rate is not broken down by link category; group it by campaign, /);
  });

  it('groups by list, channel, campaign type and source', async () => {
    const keys = async (groupBy: 'LIST' | 'CHANNEL' | 'CAMPAIGN_TYPE' | 'SOURCE') =>
      (await query({ groupBy, metrics: ['sent'] })).map((row) => [row.group.key, row.group.label, row.values[0].value]);
    const list = await idOf(store.dataSource, acme, 'contact_list', 'L1');
    expect(await keys('LIST')).toEqual([[String(list), 'Customers', 10], ['NONE', 'no list', 4]]);
    expect(await keys('CHANNEL')).toEqual([['EMAIL', 'EMAIL', 14]]);
    expect(await keys('CAMPAIGN_TYPE')).toEqual([['NEWSLETTER', 'NEWSLETTER', 12], ['PROMOTIONAL', 'PROMOTIONAL', 2]]);
    expect(await keys('SOURCE')).toEqual([['generic', 'generic', 12], ['sendgrid', 'sendgrid', 2]]);
  });

  it('filters by send date (from inclusive, to exclusive), channel, type, source and list', async () => {
    const sent = async (filter: object) => (await query({ filter, metrics: ['sent'] }))[0].values[0].value;
    expect(await sent({ from: new Date('2026-03-09T00:00:00Z') })).toBe(4);
    expect(await sent({ to: new Date('2026-03-02T09:30:00Z') })).toBe(1); // only j, dated by its campaign (09:00)
    expect(await sent({ from: new Date('2026-03-02T09:00:00Z'), to: new Date('2026-03-16T00:00:00Z') })).toBe(12);
    expect(await sent({ channel: 'WHATSAPP' })).toBe(0);
    expect(await sent({ campaignType: 'PROMOTIONAL' })).toBe(2);
    expect(await sent({ source: 'sendgrid' })).toBe(2);
    expect(await sent({ listId: await idOf(store.dataSource, acme, 'contact_list', 'L1') })).toBe(10);
  });

  it('reports the click rate the workspace calls CTR, and always serves both', async () => {
    const rows = await query({ metrics: ['clickRate', 'totalClickRate'], filter: { source: 'generic' } });
    expect(rows[0].ctr).toMatchObject({ metric: 'clickRate', numerator: 3, denominator: 8 });
    await store.dataSource.query(`UPDATE workspace SET settings = settings || '{"ctrMode":"TOTAL"}'::jsonb WHERE id = $1`, [acme]);
    try {
      const [total] = await query({ metrics: ['clickRate', 'totalClickRate'], filter: { source: 'generic' } });
      expect(total.ctr).toMatchObject({ metric: 'totalClickRate', numerator: 4, denominator: 8, value: 0.5 });
      expect(total.values.map(entry)).toEqual([['clickRate', 3, 8, 3 / 8], ['totalClickRate', 4, 8, 0.5]]);
    } finally {
      await store.dataSource.query(`UPDATE workspace SET settings = settings - 'ctrMode' WHERE id = $1`, [acme]);
    }
  });

  it('serves an empty selection as zero counts and null rates ungrouped, and as no rows grouped', async () => {
    const [row] = await query({ filter: { from: new Date('2030-01-01T00:00:00Z') }, metrics: ['sent', 'deliveryRate'] });
    expect(row.values.map(entry)).toEqual([['sent', 0, null, 0], ['deliveryRate', 0, 0, null]]);
    expect(row.values[1].reason).toBe('no messages sent in this selection, so Delivery rate is undefined');
    expect(await query({ filter: { from: new Date('2030-01-01T00:00:00Z') }, groupBy: 'DAY' })).toEqual([]);
    expect(await query({ filter: { from: new Date('2030-01-01T00:00:00Z') }, groupBy: 'LINK_CATEGORY' })).toEqual([]);
  });

  it('sees only the asking workspace: another workspace’s data and ids change nothing', async () => {
    const before = await query({ groupBy: 'CAMPAIGN' });
    const globex = await importStory(store.dataSource, 'globex');
    expect(await query({ groupBy: 'CAMPAIGN' })).toEqual(before);
    const theirs = await idOf(store.dataSource, globex, 'campaign', 'spring');
    expect(await query({ filter: { campaignIds: [theirs] }, groupBy: 'CAMPAIGN' })).toEqual([]);
  });

  it('refuses non-message metrics, unknown ids and an empty date range with messages that say what to do', async () => {
    await expect(query({ metrics: ['costPerLead'] })).rejects.toThrow(
      '"costPerLead" is a mixed metric, not counted over messages; this query serves message metrics only (costPerLead is computed by metrics/spend-metrics.costPerLead)',
    );
    await expect(query({ metrics: ['ctr'] })).rejects.toThrow('unknown metric "ctr"; message metrics: sent, delivered,');
    await expect(query({ filter: { from: new Date('2026-03-02'), to: new Date('2026-03-01') } })).rejects.toThrow('must be before to');
    await expect(query({ groupBy: 'YEAR' as never })).rejects.toThrow('groupBy must be one of CAMPAIGN, DAY');
  });
});
