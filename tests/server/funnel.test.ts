/**
 * The funnel query and the recordSpend mutation over GraphQL: the story of tests/services/funnel/story.ts,
 * spend recorded by hand feeding the funnel, validation errors naming the field, write scope, workspace isolation.
 */
import { importFunnelStory } from '../services/funnel/story';
import { startTestApi, workspaceWithKey, type TestApi } from '../support/server';
import { databaseKind } from '../support/store';

const VALUE = '{ metric value numerator denominator unit reason }';
const FUNNEL = `query($mode: FunnelMode, $at: DateTimeISO, $breakdown: FunnelBreakdown) {
  funnel(from: "2026-03-01T00:00:00Z", to: "2026-04-01T00:00:00Z", mode: $mode, at: $at, breakdown: $breakdown) {
    dimension key label contacts
    stages { stage count conversionToNext { value numerator denominator reason } cumulativeConversion { value } medianDaysInStage ${VALUE} }
    spend ${VALUE} leads ${VALUE} costPerLead ${VALUE} customers ${VALUE} costPerAcquisition ${VALUE}
    revenue ${VALUE} roi ${VALUE} customerLifetimeValue ${VALUE} clvToCplRatio ${VALUE} clvToCacRatio ${VALUE} } }`;
const RECORD = `mutation($input: SpendInput!) { recordSpend(input: $input) { id source externalId channel campaignId periodStart periodEnd amount currency note } }`;

describe(`the funnel over GraphQL on ${databaseKind()}`, () => {
  let api: TestApi;
  let acme: { workspaceId: number; key: string };
  let reader: { workspaceId: number; key: string };
  let other: { workspaceId: number; key: string };
  beforeAll(async () => {
    api = await startTestApi();
    acme = await workspaceWithKey(api.store, 'acme', 'write');
    reader = await workspaceWithKey(api.store, 'acme', 'read');
    other = await workspaceWithKey(api.store, 'other', 'write');
    await importFunnelStory(api.store.dataSource, 'acme');
  });
  afterAll(() => api.close());

  const ask = async (query: string, variables: object = {}, key = acme.key) => {
    const response = await api.graphql(query, variables, key);
    expect(response.body.errors).toBeUndefined();
    return response.body.data;
  };
  const refusal = async (input: object, key = acme.key) => {
    const response = await api.graphql(RECORD, { input }, key);
    return response.body.errors?.[0];
  };
  const march = { periodStart: '2026-03-01T00:00:00Z', periodEnd: '2026-03-31T00:00:00Z', amount: 100, currency: 'EUR' };

  it('serves the cohort funnel by first-touch channel with rates, medians and money metrics', async () => {
    const data = await ask(FUNNEL, { at: '2026-05-01T00:00:00Z', breakdown: 'CHANNEL' });
    const [mail] = data.funnel;
    expect(data.funnel.map((group: { key: string }) => group.key)).toEqual(['EMAIL', 'WHATSAPP', 'NONE']);
    expect(mail).toMatchObject({ dimension: 'CHANNEL', key: 'EMAIL', label: 'EMAIL', contacts: 2 });
    expect(mail.stages[1]).toEqual({
      stage: 'LEAD', count: 2, conversionToNext: { value: 1, numerator: 2, denominator: 2, reason: null }, cumulativeConversion: { value: 1 },
      medianDaysInStage: { metric: 'medianDaysInStage', value: 7.5, numerator: null, denominator: 2, unit: 'DAYS', reason: null },
    });
    expect(mail.costPerLead).toEqual({ metric: 'costPerLead', value: 150, numerator: 300, denominator: 2, unit: 'MONEY_PER_LEAD', reason: null });
    expect(mail.roi).toMatchObject({ value: 3, numerator: 900, denominator: 300 });
    expect(data.funnel[2].spend).toMatchObject({ value: null, reason: 'no spend is recorded for this selection; record it with recordSpend' });
  });

  it('serves a snapshot at a date', async () => {
    const data = await ask(FUNNEL, { mode: 'SNAPSHOT', at: '2026-03-15T00:00:00Z' });
    expect(data.funnel[0].stages.map((stage: { count: number }) => stage.count)).toEqual([1, 2, 2, 0, 0, 0]);
  });

  it('records spend by hand as a manual row that the funnel then counts', async () => {
    const [chat] = await api.store.dataSource.query(`SELECT id FROM campaign WHERE workspace_id = $1 AND external_id = 'chat'`, [acme.workspaceId]);
    const data = await ask(RECORD, { input: { ...march, channel: 'WHATSAPP', campaignId: String(chat.id), amount: 49.5, currency: 'eur', note: 'ads' } });
    expect(data.recordSpend).toMatchObject({
      source: 'manual', channel: 'WHATSAPP', campaignId: String(chat.id), amount: 49.5, currency: 'EUR', note: 'ads',
      periodStart: '2026-03-01T00:00:00.000Z', periodEnd: '2026-03-31T00:00:00.000Z',
    });
    expect(data.recordSpend.externalId).toMatch(/^manual-[0-9a-f-]{36}$/);
    const funnel = await ask(FUNNEL, { at: '2026-05-01T00:00:00Z', breakdown: 'CAMPAIGN' });
    const chatGroup = funnel.funnel.find((group: { label: string }) => group.label === 'Chat');
    expect(chatGroup.spend.value).toBe(49.5);
    expect(chatGroup.costPerLead).toMatchObject({ value: 49.5, numerator: 49.5, denominator: 1 });
  });

  it('refuses bad spend with BAD_USER_INPUT naming the field', async () => {
    const cases: Array<[object, RegExp]> = [
      [{ ...march, amount: -1 }, /^amount must be an amount of money ≥ 0/],
      [{ ...march, currency: 'EURO' }, /^currency must be a 3-letter ISO 4217 code/],
      [{ ...march, periodEnd: '2026-02-01T00:00:00Z' }, /^periodEnd .* must not be before periodStart/],
      [{ ...march, campaignId: '999999' }, /^campaignId 999999 is not a campaign of this workspace/],
    ];
    for (const [input, message] of cases) {
      const error = await refusal(input);
      expect(error).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
      expect(error?.message).toMatch(message);
    }
  });

  it('keeps each workspace to its own campaigns, spend and funnel', async () => {
    const [spring] = await api.store.dataSource.query(`SELECT id FROM campaign WHERE workspace_id = $1 AND external_id = 'spring'`, [acme.workspaceId]);
    expect((await refusal({ ...march, campaignId: String(spring.id) }, other.key))?.message).toMatch(/is not a campaign of this workspace/);
    await ask(RECORD, { input: { ...march, amount: 7000 } }, other.key);
    const theirs = await ask(FUNNEL, {}, other.key);
    expect(theirs.funnel).toHaveLength(1);
    expect(theirs.funnel[0]).toMatchObject({ key: 'ALL', contacts: 0, spend: { value: 7000 }, costPerLead: { value: null } });
    const ours = await ask(FUNNEL, { at: '2026-05-01T00:00:00Z' }, reader.key);
    expect(ours.funnel[0].spend.value).toBe(449.5);
  });

  it('needs the write scope to record spend', async () => {
    const error = await refusal(march, reader.key);
    expect(error?.extensions?.code).toBe('FORBIDDEN');
  });
});
