/**
 * One person across sources: a HubSpot contacts export and SendGrid webhook events that name the same person by
 * e-mail, spelled with other capitals, become one contact holding the HubSpot identity and the SendGrid events —
 * whichever file arrives first.
 */
import fs from 'node:fs';
import path from 'node:path';
import { hubspotConnector } from '../../../src/connectors/hubspot';
import { sendgridConnector } from '../../../src/connectors/sendgrid';
import { fileAt, openImportHarness, type ImportHarness } from '../../support/import-harness';
import { dumpImport, messageFacts, NO_FACTS, tableCounts } from '../../support/import-queries';
import { databaseKind } from '../../support/store';

const CONNECTORS = path.join(__dirname, '..', '..', 'connectors');
const HUBSPOT_CONTACTS = path.join(CONNECTORS, 'hubspot', 'fixtures', 'contacts.csv');
/** HubSpot's contact 100451 is testperson@hubspot.com; these events name "TestPerson@HubSpot.COM". */
const SENDGRID_EMAIL = 'TestPerson@HubSpot.COM';

describe(`one person in HubSpot and SendGrid, on ${databaseKind()}`, () => {
  let db: ImportHarness;
  beforeAll(async () => {
    db = await openImportHarness(hubspotConnector);
  });
  beforeEach(() => db.reset());
  afterAll(() => db.close());
  const query = (sql: string) => db.store.dataSource.query(sql);

  /** SendGrid's per-event POST bodies (fixture SG-B, all to example@test.com) re-addressed to the HubSpot contact. */
  const sendgridEvents = () => {
    const text = fs.readFileSync(path.join(CONNECTORS, 'sendgrid', 'fixtures', 'per-event-posts.json'), 'utf8');
    expect(text.match(/"email":"example@test.com"/g)).toHaveLength(7);
    return db.tempFile('per-event-posts.json', text.replaceAll('"email":"example@test.com"', `"email":"${SENDGRID_EMAIL}"`));
  };
  const importHubSpot = () => db.run([fileAt(HUBSPOT_CONTACTS)]);
  const importSendGrid = () => db.run([sendgridEvents()], { connector: sendgridConnector });

  async function expectOnePerson(): Promise<void> {
    // contacts.csv has 6 contacts; the events add nobody. 7 SendGrid rows, one re-posting the bounce's id: 6 events,
    // all on the one message of category "cat facts" to that contact.
    expect(await tableCounts(db.store.dataSource)).toMatchObject({ contacts: 6, mergedContacts: 0, identities: 6, campaigns: 1, messages: 1, events: 6 });
    expect(await query(`SELECT c.email, c.first_name, c.last_name, c.lifecycle_stage, c.last_activity_at, i.source, i.external_id
      FROM contact c JOIN contact_identity i ON i.contact_id = c.id WHERE c.email = 'testperson@hubspot.com'`)).toEqual([{
      email: 'testperson@hubspot.com', first_name: 'Test', last_name: 'Person', lifecycle_stage: 'MQL', last_activity_at: new Date('2017-12-15T00:59:29Z'),
      source: 'hubspot', external_id: '100451',
    }]);
    expect(await query(`SELECT e.source, count(*)::int AS n FROM engagement_event e JOIN contact c ON c.id = e.contact_id
      WHERE c.email = 'testperson@hubspot.com' GROUP BY e.source`)).toEqual([{ source: 'sendgrid', n: 6 }]);
    // processed, dropped, deferred, a hard bounce, an open, a group unsubscribe, all at 1513299569: dropped wins.
    expect(await messageFacts(db.store.dataSource, 'category:cat facts', { email: 'testperson@hubspot.com' })).toEqual({
      ...NO_FACTS, status: 'DROPPED', statusAt: '2017-12-15T00:59:29.000Z', sentAt: '2017-12-15T00:59:29.000Z',
      firstHumanOpenAt: '2017-12-15T00:59:29.000Z', humanOpens: 1, unsubscribed: true,
    });
  }

  it('HubSpot first: the SendGrid events find the HubSpot contact by its e-mail, whatever its capitals', async () => {
    await importHubSpot();
    const summary = await importSendGrid();
    expect(summary.counts.contactCreated).toEqual({ new: 0, updated: 0, unchanged: 0 });
    await expectOnePerson();
  });

  it('SendGrid first: the HubSpot export gives the contact the events made its identity, names and stages', async () => {
    await importSendGrid();
    const summary = await importHubSpot();
    // The 5 other HubSpot contacts are new; testperson@ was already there.
    expect(summary.counts.contactCreated).toEqual({ new: 5, updated: 0, unchanged: 0 });
    await expectOnePerson();
    const sendgridFirst = await dumpImport(db.store.dataSource);

    await db.reset();
    await importHubSpot();
    await importSendGrid();
    expect(await dumpImport(db.store.dataSource)).toEqual(sendgridFirst);
  });
});
