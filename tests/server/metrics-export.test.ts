/** GET /export/metrics.csv: the metrics query as CSV for BI tools, behind a read key. Story: tests/services/metrics/story.ts. */
import { parse } from 'csv-parse/sync';
import { importStory } from '../services/metrics/story';
import { startTestApi, workspaceWithKey, type TestApi } from '../support/server';
import { databaseKind } from '../support/store';

describe(`GET /export/metrics.csv on ${databaseKind()}`, () => {
  let api: TestApi;
  let key: string;
  beforeAll(async () => {
    api = await startTestApi();
    key = (await workspaceWithKey(api.store, 'acme', 'read')).key;
    await importStory(api.store.dataSource, 'acme');
  });
  afterAll(() => api.close());

  const get = (query: string, bearer: string | null = key) =>
    fetch(`http://127.0.0.1:${api.server.port}/export/metrics.csv?${query}`, { headers: bearer ? { authorization: `Bearer ${bearer}` } : {} });

  it('answers one CSV line per group with value, numerator and denominator of every metric', async () => {
    const response = await get('groupBy=day&metrics=sent,deliveryRate,avgReadSeconds&from=2026-03-01&to=2026-03-10&channel=email');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename=metrics.csv');
    const text = await response.text();
    expect(text.split('\r\n')[0]).toBe(
      'group_key,group_label,messages,sent_value,sent_numerator,sent_denominator,deliveryRate_value,deliveryRate_numerator,deliveryRate_denominator,' +
        'avgReadSeconds_value,avgReadSeconds_numerator,avgReadSeconds_denominator',
    );
    expect(parse(text, { from_line: 2 })).toEqual([
      ['2026-03-02', '2026-03-02', '10', '10', '10', '', '0.7', '7', '10', '7.5', '15', '2'],
      ['2026-03-09', '2026-03-09', '2', '2', '2', '', '1', '2', '2', '', '0', '0'], // no read measured: empty value, 0 / 0
    ]);
  });

  it('quotes campaign names and expands per-category metrics into a column set per category', async () => {
    const text = await (await get('groupBy=campaign&metrics=clickRateByLinkCategory&campaignType=NEWSLETTER')).text();
    const rows = parse(text, { columns: true }) as Array<Record<string, string>>;
    expect(rows.map((row) => [row.group_label, row.clickRateByLinkCategory_PRODUCT_numerator, row.clickRateByLinkCategory_PRODUCT_denominator])).toEqual([
      ['Spring, "launch"', '1', '6'],
      ['Autumn', '0', '2'],
    ]);
    expect(text).toContain('"Spring, ""launch"""');
    expect(Object.keys(rows[0])).toHaveLength(3 + 6 * 3);
  });

  it('serves every message metric, ungrouped, when none are named', async () => {
    const rows = parse(await (await get('source=sendgrid')).text(), { columns: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ group_key: 'ALL', messages: '2', openRate_value: '0.5', replyRate_value: '', replyRate_numerator: '' });
  });

  it('needs an API key, and answers 400 with what to fix for bad parameters', async () => {
    expect((await get('groupBy=day', null)).status).toBe(401);
    const cases: Array<[string, string]> = [
      ['groupBy=year', 'groupBy must be one of CAMPAIGN, DAY, WEEK, MONTH, CHANNEL, CAMPAIGN_TYPE, LINK_CATEGORY, SOURCE, LIST (got "YEAR")'],
      ['metrics=roi', '"roi" is a mixed metric, not counted over messages; this query serves message metrics only (roi is computed by metrics/spend-metrics.roi)'],
      ['from=yesterday', 'from is an ISO 8601 date or date-time, e.g. 2026-03-01 or 2026-03-01T00:00:00Z (got "yesterday")'],
      ['campaignIds=1,x', 'campaignIds takes comma-separated numeric ids (got "x")'],
      ['channel=fax', 'channel must be one of EMAIL, WHATSAPP (got "FAX")'],
    ];
    for (const [query, error] of cases) {
      const response = await get(query);
      expect([query, response.status, await response.json()]).toEqual([query, 400, { error }]);
    }
  });

  it('exports only the key’s own workspace', async () => {
    const other = await workspaceWithKey(api.store, 'globex', 'read');
    const rows = parse(await (await get('groupBy=campaign&metrics=sent', other.key)).text(), { columns: true });
    expect(rows).toEqual([]);
  });
});
