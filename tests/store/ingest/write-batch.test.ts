import { runImport } from '../../../src/connectors/sdk/import/run-import';
import { ensureWorkspace } from '../../../src/services/workspaces';
import type { Store } from '../../../src/store/data-source';
import { recordConnector, recordsFile } from '../../support/record-connector';
import { databaseKind, openTestStore } from '../../support/store';

const email = 'Ada@Example.com ';
const event = (id: string, type: string, at: string, extra: object = {}) => ({
  kind: 'event', sourceEventId: id, type, occurredAt: at, contact: { email }, campaignExternalId: 'spring', channel: 'EMAIL', ...extra,
});

describe(`the connector SDK writer on ${databaseKind()}`, () => {
  let store: Store;
  let workspaceId: number;
  beforeEach(async () => {
    store = await openTestStore();
    workspaceId = (await ensureWorkspace(store.dataSource, 'acme')).workspace.id;
  });
  afterEach(() => store.close());

  const importRecords = (records: object[], options: { batchSize?: number; strict?: boolean } = {}) =>
    runImport({ dataSource: store.dataSource, workspaceId, connector: recordConnector, files: [recordsFile('records.ndjson', records)], ...options });
  const messageRow = async () => (await store.dataSource.query('SELECT * FROM message WHERE workspace_id = $1', [workspaceId]))[0];

  const story = [
    event('e1', 'SENT', '2026-03-01T10:00:00Z'),
    event('e2', 'DEFERRED', '2026-03-01T10:00:05Z'),
    event('e3', 'DELIVERED', '2026-03-01T10:01:00Z'),
    event('e4', 'OPENED', '2026-03-01T10:01:01Z', { isMachine: true }),
    event('e5', 'CLICKED', '2026-03-01T10:01:01.500Z', { url: 'https://acme.test/pricing' }),
    event('e6', 'OPENED', '2026-03-01T12:00:00Z'),
    event('e7', 'CLICKED', '2026-03-01T12:00:10Z', { url: 'https://acme.test/case-studies/x' }),
    event('e8', 'CLICKED', '2026-03-01T12:05:00Z', { url: 'https://acme.test/case-studies/x' }),
  ];

  it('derives a message’s facts from its events: human and machine opens, scanner clicks, categories', async () => {
    const summary = await importRecords(story);
    expect(summary.rejected).toEqual([]);
    expect(summary.counts.event).toEqual({ new: 8, updated: 0, unchanged: 0 });
    const message = await messageRow();
    expect(message).toMatchObject({
      status: 'DELIVERED', human_opens: 1, machine_opens: 1, human_clicks: 2, scanner_clicks: 1, clicked_link_categories: ['CASE_STUDY'],
    });
    expect(message.first_human_open_at.toISOString()).toBe('2026-03-01T12:00:00.000Z');
    const [contact] = await store.dataSource.query('SELECT email FROM contact WHERE workspace_id = $1', [workspaceId]);
    expect(contact.email).toBe('ada@example.com');
  });

  it('gives the same facts whatever order the events arrive in, and across several imports', async () => {
    await importRecords([...story].reverse().slice(0, 4), { batchSize: 2 });
    await importRecords([...story].reverse().slice(4));
    const reversed = await messageRow();
    const other = await openTestStore();
    try {
      const otherWorkspace = (await ensureWorkspace(other.dataSource, 'acme')).workspace.id;
      await runImport({ dataSource: other.dataSource, workspaceId: otherWorkspace, connector: recordConnector, files: [recordsFile('a.ndjson', story)] });
      const [inOrder] = await other.dataSource.query('SELECT * FROM message');
      const strip = ({ id, updated_at, ...facts }: Record<string, unknown>) => facts;
      expect(strip(reversed)).toEqual(strip(inOrder));
    } finally {
      await other.close();
    }
  });

  it('re-importing the same file changes nothing and counts duplicates', async () => {
    await importRecords(story);
    const before = await store.dataSource.query('SELECT * FROM message');
    const second = await importRecords(story);
    expect(second.imported).toBe(0);
    expect(second.duplicates).toBe(8);
    expect(await store.dataSource.query('SELECT * FROM message')).toEqual(before);
    expect((await store.dataSource.query('SELECT count(*)::int AS n FROM engagement_event'))[0].n).toBe(8);
  });

  it('a read receipt implies delivery, and a status never moves back', async () => {
    await importRecords([event('r1', 'READ', '2026-03-02T10:00:00Z', { channel: 'WHATSAPP' }), event('r0', 'SENT', '2026-03-02T09:00:00Z', { channel: 'WHATSAPP' })]);
    expect(await messageRow()).toMatchObject({ status: 'DELIVERED' });
    await importRecords([event('r2', 'DELIVERED', '2026-03-02T09:30:00Z', { channel: 'WHATSAPP' })]);
    const message = await messageRow();
    expect(message.status).toBe('DELIVERED');
    expect(message.delivered_at.toISOString()).toBe('2026-03-02T09:30:00.000Z');
  });

  it('one person known by e-mail in one source and by phone and id in another becomes one contact', async () => {
    await importRecords([{ kind: 'contact', ref: { email: 'ada@example.com' }, firstName: 'Ada' }]);
    await importRecords([{ kind: 'contact', ref: { externalId: 'crm-7', phone: '+44 7700 900123' }, company: 'Acme' }]);
    expect((await store.dataSource.query('SELECT count(*)::int AS n FROM contact WHERE merged_into_id IS NULL'))[0].n).toBe(2);
    await importRecords([{ kind: 'contact', ref: { externalId: 'crm-7', email: 'ADA@example.com' } }]);
    const live = await store.dataSource.query('SELECT first_name, company, email, phone FROM contact WHERE merged_into_id IS NULL');
    expect(live).toEqual([{ first_name: 'Ada', company: 'Acme', email: 'ada@example.com', phone: '+447700900123' }]);
    expect((await store.dataSource.query('SELECT count(*)::int AS n FROM contact_merge'))[0].n).toBe(1);
  });

  it('attributes a contact-level conversion to the last clicked message within the window, whichever arrives first', async () => {
    await importRecords([{ kind: 'event', sourceEventId: 'c1', type: 'CONVERTED', occurredAt: '2026-03-05T00:00:00Z', contact: { email }, value: 1200.5 }]);
    expect((await messageRow())).toBeUndefined();
    await importRecords(story);
    const message = await messageRow();
    expect(message).toMatchObject({ converted: true, revenue: 1200.5 });
  });

  it('rejects a record that names no usable contact and keeps the good ones, with file and line', async () => {
    const summary = await importRecords([event('ok', 'SENT', '2026-03-01T10:00:00Z'), { ...event('bad', 'SENT', '2026-03-01T10:00:00Z'), contact: { email: 'not-an-email' } }, { reject: '"timestamp" is not a date' }]);
    expect(summary.rejected).toEqual([
      { file: 'records.ndjson', line: 3, field: 'reject', reason: '"timestamp" is not a date' },
      expect.objectContaining({ file: 'records.ndjson', line: 2, field: 'contact' }),
    ]);
    const rows = await store.dataSource.query('SELECT file, line, field FROM rejected_row ORDER BY line');
    expect(rows).toEqual([{ file: 'records.ndjson', line: 2, field: 'contact' }, { file: 'records.ndjson', line: 3, field: 'reject' }]);
    expect((await store.dataSource.query('SELECT count(*)::int AS n FROM engagement_event'))[0].n).toBe(1);
  });

  it('with --strict a rejected row fails the whole file and nothing is written', async () => {
    const summary = await importRecords([event('ok', 'SENT', '2026-03-01T10:00:00Z'), { reject: 'bad row' }], { strict: true });
    expect(summary.status).toBe('FAILED');
    expect((await store.dataSource.query('SELECT count(*)::int AS n FROM engagement_event'))[0].n).toBe(0);
    expect((await store.dataSource.query('SELECT count(*)::int AS n FROM rejected_row'))[0].n).toBe(1);
  });

  it('keeps list history and derives each membership’s current status from its latest change', async () => {
    const member = (status: string, at: string) => ({ kind: 'membership', listExternalId: 'main', contact: { email }, status, at });
    await importRecords([member('UNSUBSCRIBED', '2026-02-01T00:00:00Z'), member('SUBSCRIBED', '2026-01-01T00:00:00Z')]);
    const [membership] = await store.dataSource.query('SELECT status, subscribed_at FROM list_membership');
    expect(membership.status).toBe('UNSUBSCRIBED');
    expect(membership.subscribed_at.toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });

  it('stage history keeps every change with its from-stage, whatever order it arrives in', async () => {
    const stage = (s: string, at: string) => ({ kind: 'lifecycle', contact: { email }, stage: s, at, cause: 'test' });
    await importRecords([stage('SQL', '2026-03-01T00:00:00Z')]);
    await importRecords([stage('LEAD', '2026-01-01T00:00:00Z'), stage('MQL', '2026-02-01T00:00:00Z')]);
    const history = await store.dataSource.query('SELECT from_stage, to_stage FROM lifecycle_stage_change ORDER BY at');
    expect(history).toEqual([{ from_stage: null, to_stage: 'LEAD' }, { from_stage: 'LEAD', to_stage: 'MQL' }, { from_stage: 'MQL', to_stage: 'SQL' }]);
    expect((await store.dataSource.query('SELECT lifecycle_stage FROM contact'))[0].lifecycle_stage).toBe('SQL');
  });

  it('a message the source counts as delivered unless bounced becomes DELIVERED when a later record says so, and a bounce still wins', async () => {
    const message = (extra: object) => ({ kind: 'message', campaignExternalId: 'mc', contact: { email }, channel: 'EMAIL', ...extra });
    await importRecords([message({})]);
    expect((await messageRow()).status).toBe('PENDING');
    await importRecords([message({ deliveredUnlessBounced: true })]);
    expect(await messageRow()).toMatchObject({ status: 'DELIVERED', delivered_unless_bounced: true, delivered_at: null });
    await importRecords([{ ...event('b1', 'BOUNCED', '2026-03-01T10:00:00Z', { bounceKind: 'SOFT' }), campaignExternalId: 'mc' }]);
    expect((await messageRow()).status).toBe('SOFT_BOUNCED');
  });
});
