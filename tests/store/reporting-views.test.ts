/**
 * The reporting schema's views for BI tools (migrations/1795450000000-ReportingViews.ts), over records imported
 * through the real import path: campaign_day gives the hand-counted numerators and denominators, and equals the
 * metrics query grouped by day for the same campaign; funnel_stage_changes lists stage changes with their contact.
 */
import { runImport } from '../../src/connectors/sdk/import/run-import';
import { MESSAGE_METRIC_IDS } from '../../src/domain/metrics';
import { queryMetrics } from '../../src/services/metrics';
import { cellsOf } from '../../src/services/metrics/plan';
import { ensureWorkspace } from '../../src/services/workspaces';
import type { Store } from '../../src/store/data-source';
import { recordConnector, recordsFile } from '../support/record-connector';
import { databaseKind, openTestStore } from '../support/store';

let counter = 0;
const event = (campaign: string, person: string, type: string, occurredAt: string, extra: object = {}) => ({
  kind: 'event', sourceEventId: `${campaign}-${person}-${type}-${++counter}`, type, occurredAt,
  contact: { email: `${person}@example.com` }, campaignExternalId: campaign, channel: campaign === 'chat' ? 'WHATSAPP' : 'EMAIL', ...extra,
});

/**
 * News (EMAIL NEWSLETTER, sent 2 March 09:00 UTC):
 *   p sent 2 Mar 10:00, delivered, opened, clicked /pricing · q sent 2 Mar 23:30, hard bounce
 *   s delivered with no send event (dated by the campaign: 2 Mar) · r sent 3 Mar 00:10 UTC, delivered, replied
 * 2 Mar: messages 3, sent 3, delivered 2 (p s), deliveryRate 2 / 3, hardBounceRate 1 / 3, clickRate 1 / 2, replyRate 0 / 2.
 * 3 Mar: messages 1, sent 1, delivered 1, deliveryRate 1 / 1, clickRate 0 / 1, replyRate 1 / 1.
 * Chat (WHATSAPP PROMOTIONAL, sent 3 March): p delivered and read 12 s on 3 Mar: avgReadSeconds 12 / 1.
 */
const RECORDS = [
  { kind: 'campaign', externalId: 'news', name: 'News, "March"', type: 'NEWSLETTER', channel: 'EMAIL', sentAt: '2026-03-02T09:00:00Z' },
  { kind: 'campaign', externalId: 'chat', name: 'Chat', type: 'PROMOTIONAL', channel: 'WHATSAPP', sentAt: '2026-03-03T09:00:00Z' },
  event('news', 'p', 'SENT', '2026-03-02T10:00:00Z'),
  event('news', 'p', 'DELIVERED', '2026-03-02T10:01:00Z'),
  event('news', 'p', 'OPENED', '2026-03-02T11:00:00Z'),
  event('news', 'p', 'CLICKED', '2026-03-02T11:01:00Z', { url: 'https://acme.test/pricing' }),
  event('news', 'q', 'SENT', '2026-03-02T23:30:00Z'),
  event('news', 'q', 'BOUNCED', '2026-03-02T23:31:00Z', { bounceKind: 'HARD' }),
  event('news', 's', 'DELIVERED', '2026-03-02T12:00:00Z'),
  event('news', 'r', 'SENT', '2026-03-03T00:10:00Z'),
  event('news', 'r', 'DELIVERED', '2026-03-03T00:11:00Z'),
  event('news', 'r', 'REPLIED', '2026-03-03T08:00:00Z'),
  event('chat', 'p', 'SENT', '2026-03-03T10:00:00Z'),
  event('chat', 'p', 'DELIVERED', '2026-03-03T10:00:05Z'),
  event('chat', 'p', 'READ', '2026-03-03T10:05:00Z', { readSeconds: 12 }),
  { kind: 'lifecycle', contact: { email: 'p@example.com' }, stage: 'LEAD', at: '2026-03-04T00:00:00Z', cause: 'replied to chat' },
  { kind: 'lifecycle', contact: { email: 'p@example.com' }, stage: 'MQL', at: '2026-03-10T00:00:00Z', cause: 'scored' },
];

/** The view's column stem of a metric (cell): snake_case, a per-category metric suffixed with its category. */
const stem = (metric: string, category?: string) =>
  metric.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase() + (category ? `_${category.toLowerCase()}` : '');

describe(`the reporting views on ${databaseKind()}`, () => {
  let store: Store;
  let workspaceId: number;
  let reporting: string;
  beforeAll(async () => {
    store = await openTestStore();
    workspaceId = (await ensureWorkspace(store.dataSource, 'acme')).workspace.id;
    const summary = await runImport({ dataSource: store.dataSource, workspaceId, connector: recordConnector, files: [recordsFile('bi.ndjson', RECORDS)] });
    expect(summary.rejected).toEqual([]);
    const [{ schema }] = await store.dataSource.query(`SELECT current_schema() AS schema`);
    reporting = schema === 'public' ? 'reporting' : `${schema}_reporting`;
  });
  afterAll(async () => {
    // Test schemas are dropped by the store; their reporting schema beside them is ours to drop.
    if (reporting !== 'reporting') await store.dataSource.query(`DROP SCHEMA IF EXISTS "${reporting}" CASCADE`);
    await store.close();
  });

  const campaignDays = (): Promise<Array<Record<string, unknown>>> =>
    store.dataSource.query(`SELECT *, day::text AS day_text FROM "${reporting}".campaign_day WHERE workspace_id = $1 ORDER BY campaign_name DESC, day_text`, [workspaceId]);

  it('gives one row per campaign and UTC day with the hand-counted numerators and denominators', async () => {
    const rows = await campaignDays();
    const pick = (row: Record<string, unknown>) => [
      row.campaign_name, row.channel, row.type, row.source, row.day_text, row.messages, row.sent_numerator, row.delivered_numerator,
      row.delivery_rate_numerator, row.delivery_rate_denominator, row.hard_bounce_rate_numerator, row.hard_bounce_rate_denominator,
      row.click_rate_numerator, row.click_rate_denominator, row.reply_rate_numerator, row.reply_rate_denominator,
      row.avg_read_seconds_numerator, row.avg_read_seconds_denominator,
    ].map((value) => (typeof value === 'string' && /^\d+(\.\d+)?$/.test(value) ? Number(value) : value));
    expect(rows.map(pick)).toEqual([
      ['News, "March"', 'EMAIL', 'NEWSLETTER', 'generic', '2026-03-02', 3, 3, 2, 2, 3, 1, 3, 1, 2, 0, 2, 0, 0],
      ['News, "March"', 'EMAIL', 'NEWSLETTER', 'generic', '2026-03-03', 1, 1, 1, 1, 1, 0, 1, 0, 1, 1, 1, 0, 0],
      ['Chat', 'WHATSAPP', 'PROMOTIONAL', 'generic', '2026-03-03', 1, 1, 1, 1, 1, 0, 1, 0, 1, 0, 1, 12, 1],
    ]);
  });

  it('agrees with the metrics query grouped by day, for every message metric and link category', async () => {
    const [news] = await store.dataSource.query(`SELECT id FROM campaign WHERE workspace_id = $1 AND external_id = 'news'`, [workspaceId]);
    const served = await queryMetrics(store.dataSource.manager, workspaceId, { filter: { campaignIds: [Number(news.id)] }, groupBy: 'DAY' });
    const cells = MESSAGE_METRIC_IDS.flatMap((metric) => cellsOf(metric, 'DAY'));
    const fromMetrics = served.map((row) => ({
      day: row.group.key,
      messages: row.messages,
      parts: row.values.map((value, index) => [stem(cells[index].metric, cells[index].linkCategory), value.numerator, value.denominator]),
    }));
    const view = (await campaignDays()).filter((row) => Number(row.campaign_id) === Number(news.id));
    const fromView = view.map((row) => ({
      day: row.day_text,
      messages: Number(row.messages),
      parts: cells.map((cell) => {
        const name = stem(cell.metric, cell.linkCategory);
        const denominator = row[`${name}_denominator`];
        return [name, Number(row[`${name}_numerator`]), denominator === undefined ? null : Number(denominator)];
      }),
    }));
    // The query serves null (with a reason) where the source cannot supply an input; the view carries the raw
    // aggregate (0), so those cells are compared by their reason, the others part for part.
    const unsupplied = served[0].values.flatMap((value, index) => (value.numerator === null ? [stem(cells[index].metric, cells[index].linkCategory)] : []));
    expect(unsupplied).toEqual(['traffic_sessions']);
    const supplied = (rows: typeof fromView) => rows.map((row) => ({ ...row, parts: row.parts.filter(([name]) => !unsupplied.includes(name as string)) }));
    expect(supplied(fromView)).toEqual(supplied(fromMetrics));
    expect(fromView.flatMap((row) => row.parts.filter(([name]) => name === 'traffic_sessions'))).toEqual([['traffic_sessions', 0, null], ['traffic_sessions', 0, null]]);
    expect(fromView.map((row) => row.day)).toEqual(['2026-03-02', '2026-03-03']);
  });

  it('lists every lifecycle stage change with its contact', async () => {
    const rows = await store.dataSource.query(
      `SELECT email, from_stage, to_stage, at, cause, source, contact_id FROM "${reporting}".funnel_stage_changes WHERE workspace_id = $1 ORDER BY at`,
      [workspaceId],
    );
    const [p] = await store.dataSource.query(`SELECT id FROM contact WHERE workspace_id = $1 AND email = 'p@example.com'`, [workspaceId]);
    expect(rows.map((row: Record<string, unknown>) => ({ ...row, contact_id: Number(row.contact_id) }))).toEqual([
      expect.objectContaining({ email: 'p@example.com', to_stage: 'LEAD', at: new Date('2026-03-04T00:00:00Z'), cause: 'replied to chat', contact_id: Number(p.id) }),
      expect.objectContaining({ email: 'p@example.com', from_stage: 'LEAD', to_stage: 'MQL', at: new Date('2026-03-10T00:00:00Z'), cause: 'scored' }),
    ]);
  });
});
