/**
 * The funnel service on the hand-counted story (story.ts): cohort and snapshot stage counts, a skipped stage
 * counted as entered, first-touch breakdowns, money metrics with null + reason, the seed's CPL example and
 * workspace isolation.
 */
import { queryFunnel, type FunnelGroup, type FunnelQuery } from '../../../src/services/funnel';
import type { Store } from '../../../src/store/data-source';
import { databaseKind, openTestStore } from '../../support/store';
import { importFunnelStory, importSeedExample } from './story';

const MARCH = { from: new Date('2026-03-01T00:00:00Z'), to: new Date('2026-04-01T00:00:00Z') };
const MAY = new Date('2026-05-01T00:00:00Z');

const counts = (group: FunnelGroup) => group.stages.map((stage) => stage.count);
const parts = (rate: { numerator: number; denominator: number } | null) => (rate ? [rate.numerator, rate.denominator] : null);

describe(`the funnel service on ${databaseKind()}`, () => {
  let store: Store;
  let acme: number;
  let seed: number;
  beforeAll(async () => {
    store = await openTestStore();
    acme = await importFunnelStory(store.dataSource, 'acme');
    seed = await importSeedExample(store.dataSource, 'seed');
  });
  afterAll(() => store.close());

  const funnel = (workspaceId: number, query: Partial<FunnelQuery> = {}) =>
    queryFunnel(store.dataSource.manager, workspaceId, { ...MARCH, mode: 'COHORT', at: MAY, breakdown: 'NONE', ...query });

  it('follows the March cohort onward, counting a skipped stage as entered at the later stage', async () => {
    const [all] = await funnel(acme);
    expect(all).toMatchObject({ key: 'ALL', contacts: 4 });
    // a, b, c, e entered LEAD in March (d in February); b's skipped MQL counts; a's deal made it OPPORTUNITY and CUSTOMER.
    expect(counts(all)).toEqual([4, 4, 2, 2, 1, 1]);
    expect(all.stages.map((stage) => parts(stage.conversionToNext))).toEqual([[4, 4], [2, 4], [2, 2], [1, 2], [1, 1], null]);
    expect(all.stages.map((stage) => stage.cumulativeConversion.value)).toEqual([1, 1, 0.5, 0.5, 0.25, 0.25]);
  });

  it('times only observed stages: the median days leave skipped stages out', async () => {
    const [all] = await funnel(acme);
    // SUBSCRIBER a 1 Feb → 5 Mar = 32; LEAD a 5, b 10 (left at its implied MQL); MQL a 10 (b's was skipped); SQL a 12; OPPORTUNITY a 10.
    expect(all.stages.map((stage) => [stage.medianDaysInStage.value, stage.medianDaysInStage.denominator])).toEqual([
      [32, 1], [7.5, 2], [10, 1], [12, 1], [10, 1], [null, null],
    ]);
    expect(all.stages[5].medianDaysInStage.reason).toMatch(/last stage/);
  });

  it('computes CPL, cost per acquisition, revenue, ROI and CLV of the cohort from spend and won deals', async () => {
    const [all] = await funnel(acme);
    expect([all.spend.value, all.leads.value, all.costPerLead.value, all.customers.value, all.costPerAcquisition.value]).toEqual([400, 4, 100, 1, 400]);
    expect(all.revenue.value).toBe(1200);
    expect(all.roi).toMatchObject({ value: 2, numerator: 800, denominator: 400 });
    // a: customer since 11 April, followed to May: [1200, 0] over 2 months → 600 a month × 2 months.
    expect(all.customerLifetimeValue).toMatchObject({ value: 1200, numerator: 1200, denominator: 1 });
    expect(all.clvToCplRatio.value).toBe(12);
    expect(all.clvToCacRatio.value).toBe(3);
  });

  it('counts contacts in each stage at a date in snapshot mode', async () => {
    const [all] = await funnel(acme, { mode: 'SNAPSHOT', at: new Date('2026-03-15T00:00:00Z') });
    // At 15 March: f SUBSCRIBER; b, c LEAD; a, d MQL; e has no stage yet.
    expect(all.contacts).toBe(5);
    expect(counts(all)).toEqual([1, 2, 2, 0, 0, 0]);
    expect(all.stages.map((stage) => parts(stage.conversionToNext))).toEqual([[4, 5], [2, 4], [0, 2], [0, 0], [0, 0], null]);
    expect(all.stages[3].conversionToNext?.reason).toBe('no contact reached SQL in this selection');
    // LEAD: a 5 days, d 25 Feb → 12 Mar = 15 days; b's implied MQL (16 Mar) is after the snapshot.
    expect(all.stages[1].medianDaysInStage).toMatchObject({ value: 10, denominator: 2 });
    // New leads by 15 March: a, b, c (e's is later); no customer, no revenue yet.
    expect(all.leads.value).toBe(3);
    expect(all.costPerLead).toMatchObject({ value: 400 / 3, numerator: 400, denominator: 3 });
    expect(all.revenue).toMatchObject({ value: null, reason: 'no won deal with an amount belongs to these contacts' });
    expect(all.roi.value).toBeNull();
    expect(all.costPerAcquisition.reason).toMatch(/no new customers/);
  });

  it('breaks the cohort down by first-touch channel, with null and a reason where spend or revenue is missing', async () => {
    const groups = await funnel(acme, { breakdown: 'CHANNEL' });
    expect(groups.map((group) => [group.key, group.contacts, counts(group)])).toEqual([
      ['EMAIL', 2, [2, 2, 2, 2, 1, 1]],
      ['WHATSAPP', 1, [1, 1, 0, 0, 0, 0]],
      ['NONE', 1, [1, 1, 0, 0, 0, 0]],
    ]);
    const [mail, whatsapp, none] = groups;
    expect([mail.spend.value, mail.costPerLead.value, mail.costPerAcquisition.value, mail.roi.value, mail.clvToCplRatio.value]).toEqual([300, 150, 300, 3, 8]);
    expect(whatsapp.costPerLead.value).toBe(100);
    expect(whatsapp.revenue).toMatchObject({ value: null, reason: expect.any(String) });
    expect(whatsapp.customerLifetimeValue.value).toBeNull();
    expect(none.spend).toMatchObject({ value: null, reason: 'no spend is recorded for this selection; record it with recordSpend' });
    expect(none.costPerLead.value).toBeNull();
  });

  it('breaks down by first-touch source and campaign; spend for no campaign falls in NONE', async () => {
    const bySource = await funnel(acme, { breakdown: 'SOURCE' });
    expect(bySource.map((group) => [group.key, group.contacts, group.spend.value])).toEqual([['generic', 3, 300], ['NONE', 1, 100]]);
    const byCampaign = await funnel(acme, { breakdown: 'CAMPAIGN' });
    expect(byCampaign.map((group) => [group.label, group.contacts, group.spend.value])).toEqual([['Spring', 2, 300], ['Chat', 1, null], ['no message sent', 1, 100]]);
  });

  it('reproduces the seed example: 5000 of spend over 250 new leads is a CPL of 20', async () => {
    const [all] = await funnel(seed);
    expect(all.costPerLead).toMatchObject({ value: 20, numerator: 5000, denominator: 250, unit: 'MONEY_PER_LEAD', reason: null });
  });

  it('sees only the asked workspace', async () => {
    const [all] = await funnel(seed);
    expect(all.contacts).toBe(250);
    expect(all.revenue.value).toBeNull();
    // Neither workspace's 250 leads nor 5000 of spend leak into the other's funnel.
    const [story] = await funnel(acme);
    expect([story.contacts, story.spend.value]).toEqual([4, 400]);
  });

  it('refuses a period that ends before it starts', async () => {
    await expect(funnel(acme, { from: MARCH.to, to: MARCH.from })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});
