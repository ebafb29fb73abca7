import { sendgridConnector } from '../../../src/connectors/sendgrid';
import { runImport } from '../../../src/connectors/sdk/import/run-import';
import { ensureWorkspace } from '../../../src/services/workspaces';
import type { Store } from '../../../src/store/data-source';
import { recordConnector, recordsFile } from '../../support/record-connector';
import { databaseKind, openTestStore } from '../../support/store';
import { dumpDomain } from '../../support/dump';

const sendgridEvents = [
  { email: 'ada@example.com', event: 'processed', sg_event_id: 's1', sg_message_id: 'm1.f', singlesend_id: 'launch', singlesend_name: 'Launch', timestamp: 1767261600 },
  { email: 'ada@example.com', event: 'delivered', sg_event_id: 's2', sg_message_id: 'm1.f', singlesend_id: 'launch', singlesend_name: 'Launch', timestamp: 1767261605 },
].map((event) => JSON.stringify(event)).join('\n');
const readRow = { kind: 'event', sourceEventId: 'r1', type: 'READ', occurredAt: '2026-01-01T10:30:00Z', contact: { email: 'ada@example.com' }, campaignExternalId: 'singlesend:launch', campaignSource: 'sendgrid', readSeconds: 12 };

describe(`a record naming another source's campaign (${databaseKind()})`, () => {
  const stores: Store[] = [];
  afterAll(() => Promise.all(stores.map((store) => store.close())));

  async function importBoth(order: 'read-first' | 'sendgrid-first') {
    const store = await openTestStore();
    stores.push(store);
    const workspaceId = (await ensureWorkspace(store.dataSource, 'acme')).workspace.id;
    const read = () => runImport({ dataSource: store.dataSource, workspaceId, connector: recordConnector, files: [recordsFile('reads.ndjson', [readRow])] });
    const sendgrid = () =>
      runImport({ dataSource: store.dataSource, workspaceId, connector: sendgridConnector, files: [{ name: 'events.ndjson', open: () => (async function* () { yield Buffer.from(sendgridEvents); })() }] });
    if (order === 'read-first') {
      await read();
      await sendgrid();
    } else {
      await sendgrid();
      await read();
    }
    return store;
  }

  it('lands on that campaign’s message, whichever file comes first, and the vendor’s file names the campaign', async () => {
    const first = await importBoth('read-first');
    const second = await importBoth('sendgrid-first');
    const campaigns = await first.dataSource.query('SELECT source, external_id, name FROM campaign');
    expect(campaigns).toEqual([{ source: 'sendgrid', external_id: 'singlesend:launch', name: 'Launch' }]);
    const [message] = await first.dataSource.query('SELECT status, read_seconds, sent_at FROM message');
    expect(message).toMatchObject({ status: 'DELIVERED', read_seconds: 12 });
    expect(await dumpDomain(first.dataSource)).toEqual(await dumpDomain(second.dataSource));
  });
});
