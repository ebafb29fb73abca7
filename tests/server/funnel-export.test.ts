/**
 * GET /export/funnel.csv: the funnel query as CSV for BI tools, behind a read key. The story and its hand-counted
 * numbers: tests/services/funnel/story.ts (March 2026 cohort, followed to 1 May).
 */
import { parse } from 'csv-parse/sync';
import { importFunnelStory } from '../services/funnel/story';
import { startTestApi, workspaceWithKey, type TestApi } from '../support/server';
import { databaseKind } from '../support/store';

const MARCH = 'from=2026-03-01&to=2026-04-01';

describe(`GET /export/funnel.csv on ${databaseKind()}`, () => {
  let api: TestApi;
  let key: string;
  beforeAll(async () => {
    api = await startTestApi();
    key = (await workspaceWithKey(api.store, 'acme', 'read')).key;
    await importFunnelStory(api.store.dataSource, 'acme');
  });
  afterAll(() => api.close());

  const get = (query: string, bearer: string | null = key) =>
    fetch(`http://127.0.0.1:${api.server.port}/export/funnel.csv?${query}`, { headers: bearer ? { authorization: `Bearer ${bearer}` } : {} });
  const rowsOf = async (query: string, bearer?: string) =>
    parse(await (await get(query, bearer)).text(), { columns: true }) as Array<Record<string, string>>;

  it('answers one CRLF line per group × stage with counts, rates with their parts, medians and the group’s money', async () => {
    const response = await get(`${MARCH}&at=2026-05-01T00:00:00Z&breakdown=channel`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename=funnel.csv');
    const text = await response.text();
    expect(text.split('\r\n')[0]).toBe(
      'dimension,group_key,group_label,contacts,stage,count,conversionToNext_value,conversionToNext_numerator,conversionToNext_denominator,' +
        'cumulativeConversion_value,cumulativeConversion_numerator,cumulativeConversion_denominator,medianDaysInStage,' +
        ['spend', 'leads', 'costPerLead', 'customers', 'costPerAcquisition', 'revenue', 'roi', 'customerLifetimeValue', 'clvToCplRatio', 'clvToCacRatio']
          .map((metric) => `${metric}_value,${metric}_numerator,${metric}_denominator`).join(','),
    );
    const rows = parse(text, { columns: true }) as Array<Record<string, string>>;
    expect(rows.map((row) => `${row.group_key} ${row.stage} ${row.count}`)).toEqual(
      ['EMAIL', 'WHATSAPP', 'NONE'].flatMap((group, index) =>
        ['SUBSCRIBER', 'LEAD', 'MQL', 'SQL', 'OPPORTUNITY', 'CUSTOMER'].map((stage, rank) => `${group} ${stage} ${[[2, 2, 2, 2, 1, 1], [1, 1, 0, 0, 0, 0], [1, 1, 0, 0, 0, 0]][index][rank]}`)),
    );
    // The EMAIL cohort is a and b (d became a lead in February). Stages: b skipped SUBSCRIBER and MQL (counted as
    // entered with the later stage, untimed); only a got a deal (OPPORTUNITY 1 Apr, CUSTOMER 11 Apr).
    // Medians: SUBSCRIBER a 1 Feb → 5 Mar = 32; LEAD a 5, b 10 → 7.5; MQL a 10 → 20 Mar = 10; SQL a 20 Mar → 1 Apr = 12
    // (b still there); OPPORTUNITY a 1 → 11 Apr = 10; CUSTOMER is the end. Money: March spend 300 (S1; S3 is
    // February's), leads 2 → CPL 150, one customer → CPA 300, revenue 1200 → ROI (1200 − 300) / 300 = 3.
    const columns = ['conversionToNext_value', 'conversionToNext_numerator', 'conversionToNext_denominator', 'cumulativeConversion_value',
      'cumulativeConversion_numerator', 'cumulativeConversion_denominator', 'medianDaysInStage'];
    expect(rows.slice(0, 6).map((row) => [row.dimension, row.group_label, row.contacts, ...columns.map((column) => row[column])])).toEqual([
      ['CHANNEL', 'EMAIL', '2', '1', '2', '2', '1', '2', '2', '32'],
      ['CHANNEL', 'EMAIL', '2', '1', '2', '2', '1', '2', '2', '7.5'],
      ['CHANNEL', 'EMAIL', '2', '1', '2', '2', '1', '2', '2', '10'],
      ['CHANNEL', 'EMAIL', '2', '0.5', '1', '2', '1', '2', '2', '12'],
      ['CHANNEL', 'EMAIL', '2', '1', '1', '1', '0.5', '1', '2', '10'],
      ['CHANNEL', 'EMAIL', '2', '', '', '', '0.5', '1', '2', ''],
    ]);
    for (const row of rows.slice(0, 6)) {
      expect(row).toMatchObject({
        spend_value: '300', spend_numerator: '300', spend_denominator: '',
        leads_value: '2', costPerLead_value: '150', costPerLead_numerator: '300', costPerLead_denominator: '2',
        customers_value: '1', costPerAcquisition_value: '300', costPerAcquisition_numerator: '300', costPerAcquisition_denominator: '1',
        revenue_value: '1200', roi_value: '3', roi_numerator: '900', roi_denominator: '300',
      });
    }
    // Nobody in the NONE group has spend: empty fields (null), never 0.
    expect(rows[12]).toMatchObject({ group_label: 'no message sent', spend_value: '', costPerLead_value: '', roi_value: '' });
  });

  it('serves a snapshot at a date, ungrouped, with mode and breakdown in any case', async () => {
    const rows = await rowsOf(`${MARCH}&mode=snapshot&at=2026-03-15&breakdown=None`);
    expect(rows.map((row) => [row.dimension, row.group_key, row.stage, row.count])).toEqual([
      ['NONE', 'ALL', 'SUBSCRIBER', '1'], ['NONE', 'ALL', 'LEAD', '2'], ['NONE', 'ALL', 'MQL', '2'],
      ['NONE', 'ALL', 'SQL', '0'], ['NONE', 'ALL', 'OPPORTUNITY', '0'], ['NONE', 'ALL', 'CUSTOMER', '0'],
    ]);
  });

  it('needs an API key, and answers 400 with what to fix for bad parameters', async () => {
    expect((await get(MARCH, null)).status).toBe(401);
    expect((await get(MARCH, 'fg_not-a-key')).status).toBe(401);
    const cases: Array<[string, string]> = [
      ['to=2026-04-01', 'from is required: an ISO 8601 date or date-time, e.g. 2026-03-01 or 2026-03-01T00:00:00Z'],
      ['from=yesterday&to=2026-04-01', 'from is an ISO 8601 date or date-time, e.g. 2026-03-01 or 2026-03-01T00:00:00Z (got "yesterday")'],
      [`${MARCH}&at=soon`, 'at is an ISO 8601 date or date-time, e.g. 2026-03-01 or 2026-03-01T00:00:00Z (got "soon")'],
      ['from=2026-04-01&to=2026-03-01', 'from (2026-04-01T00:00:00.000Z) must be before to (2026-03-01T00:00:00.000Z); to is exclusive'],
      [`${MARCH}&mode=weekly`, 'mode must be one of COHORT, SNAPSHOT (got "WEEKLY")'],
      [`${MARCH}&breakdown=list`, 'breakdown must be one of NONE, CHANNEL, SOURCE, CAMPAIGN (got "LIST")'],
    ];
    for (const [query, error] of cases) {
      const response = await get(query);
      expect([query, response.status, await response.json()]).toEqual([query, 400, { error }]);
    }
  });

  it('exports only the key’s own workspace', async () => {
    const other = await workspaceWithKey(api.store, 'globex', 'read');
    const rows = await rowsOf(`${MARCH}&at=2026-05-01`, other.key);
    expect(rows.map((row) => [row.group_key, row.contacts, row.count])).toEqual(Array.from({ length: 6 }, () => ['ALL', '0', '0']));
  });
});
