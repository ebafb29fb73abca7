import { UnusableInputError } from '../../../src/connectors/sdk/errors';
import { contactsCsv } from '../../../src/connectors/hubspot/contacts-csv';
import { parseFixture, recordsOf, rejectionsOf } from './helpers';

describe('HubSpot contacts CSV export', () => {
  it('yields one contact per row and one lifecycle record per filled "Became a … Date" column', async () => {
    const outputs = await parseFixture(contactsCsv, 'contacts.csv');
    expect(outputs).toHaveLength(6);
    expect(outputs.map((output) => output.line)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(rejectionsOf(outputs)).toEqual([]);
    const records = recordsOf(outputs);
    expect(records).toHaveLength(16);
    expect(records.filter((record) => record.kind === 'contact')).toHaveLength(6);
    expect(records.filter((record) => record.kind === 'lifecycle')).toHaveLength(10);
  });

  it('maps the export columns onto the contact, with the record id, email and phone as its ref', async () => {
    const [first, second] = await parseFixture(contactsCsv, 'contacts.csv');
    expect(first).toEqual({
      line: 2,
      records: [
        {
          kind: 'contact',
          ref: { externalId: '100451', email: 'testperson@hubspot.com' },
          firstName: 'Test',
          lastName: 'Person',
          createdAt: new Date('2024-01-17T19:55:00Z'),
          lifecycleStage: 'MQL',
          properties: { lifecyclestage: 'Marketing Qualified Lead', hs_lead_status: 'Open', hs_analytics_source: 'Organic Search' },
        },
        { kind: 'lifecycle', contact: { externalId: '100451', email: 'testperson@hubspot.com' }, stage: 'SUBSCRIBER', at: new Date('2024-01-17T19:55:00Z'), cause: 'hubspot: Became a Subscriber Date' },
        { kind: 'lifecycle', contact: { externalId: '100451', email: 'testperson@hubspot.com' }, stage: 'LEAD', at: new Date('2024-02-01T09:30:00Z'), cause: 'hubspot: Became a Lead Date' },
        { kind: 'lifecycle', contact: { externalId: '100451', email: 'testperson@hubspot.com' }, stage: 'MQL', at: new Date('2024-03-05T14:12:45Z'), cause: 'hubspot: Became a Marketing Qualified Lead Date' },
      ],
    });
    const maria = { externalId: '57156923994', email: 'emailmaria@hubspot.com', phone: '+1 617-555-0100' };
    expect(second).toEqual({
      line: 3,
      records: [
        {
          kind: 'contact',
          ref: maria,
          firstName: 'Maria',
          lastName: 'Johnson (Sample Contact)',
          company: 'HubSpot',
          createdAt: new Date('2024-09-11T18:21:00Z'),
          lifecycleStage: 'CUSTOMER',
          properties: { lifecyclestage: 'Customer', hs_analytics_source: 'Offline Sources' },
        },
        // HubSpot let this contact skip MQL: the history says so, the funnel fills the gap (metrics.md).
        { kind: 'lifecycle', contact: maria, stage: 'LEAD', at: new Date('2024-09-11T18:21:00Z'), cause: 'hubspot: Became a Lead Date' },
        { kind: 'lifecycle', contact: maria, stage: 'SQL', at: new Date('2024-09-20T00:00:00Z'), cause: 'hubspot: Became a Sales Qualified Lead Date' },
        { kind: 'lifecycle', contact: maria, stage: 'OPPORTUNITY', at: new Date('2024-10-01T10:00:00Z'), cause: 'hubspot: Became an Opportunity Date' },
        { kind: 'lifecycle', contact: maria, stage: 'CUSTOMER', at: new Date('2024-10-21T21:36:00Z'), cause: 'hubspot: Became a Customer Date' },
      ],
    });
  });

  it('treats an Evangelist as a customer and does not repeat the customer stage for the evangelist date', async () => {
    const outputs = await parseFixture(contactsCsv, 'contacts.csv');
    const ada = { externalId: '201', email: 'ada@example.com' };
    expect(outputs[2]).toEqual({
      line: 4,
      records: [
        { kind: 'contact', ref: ada, firstName: 'Ada', lastName: 'Lovelace', createdAt: new Date('2023-05-01T08:00:00Z'), lifecycleStage: 'CUSTOMER', properties: { lifecyclestage: 'Evangelist' } },
        { kind: 'lifecycle', contact: ada, stage: 'CUSTOMER', at: new Date('2023-05-02T08:00:00Z'), cause: 'hubspot: Became a Customer Date' },
      ],
    });
  });

  it('keeps "Other" and custom stages as a raw property without guessing a stage', async () => {
    const outputs = await parseFixture(contactsCsv, 'contacts.csv');
    expect(outputs[3]).toEqual({
      line: 5,
      records: [{ kind: 'contact', ref: { externalId: '202', phone: '+44 20 7946 0958' }, createdAt: new Date('2023-06-01T12:00:00Z'), properties: { lifecyclestage: 'Other' } }],
    });
    const grace = { externalId: '203', email: 'grace@example.com' };
    expect(outputs[4]).toEqual({
      line: 6,
      records: [
        { kind: 'contact', ref: grace, firstName: 'Grace', lastName: 'Hopper', createdAt: new Date('2024-06-01T08:00:00Z'), properties: { lifecyclestage: 'Partner Prospect' } },
        { kind: 'lifecycle', contact: grace, stage: 'LEAD', at: new Date('2024-06-01T06:00:00Z'), cause: 'hubspot: Became a Lead Date' },
      ],
    });
  });

  it('reads zone-less export dates as wall-clock time in the import time zone, date-only values as UTC days', async () => {
    const records = recordsOf(await parseFixture(contactsCsv, 'contacts.csv', 'America/New_York'));
    const dates = records.flatMap((record) => (record.kind === 'lifecycle' ? [`${record.contact.externalId} ${record.stage} ${record.at.toISOString()}`] : []));
    expect(dates).toEqual([
      '100451 SUBSCRIBER 2024-01-18T00:55:00.000Z', // EST, UTC-5
      '100451 LEAD 2024-02-01T14:30:00.000Z',
      '100451 MQL 2024-03-05T19:12:45.000Z',
      '57156923994 LEAD 2024-09-11T22:21:00.000Z', // EDT, UTC-4
      '57156923994 SQL 2024-09-20T00:00:00.000Z', // date-only: the calendar day, not shifted
      '57156923994 OPPORTUNITY 2024-10-01T14:00:00.000Z',
      '57156923994 CUSTOMER 2024-10-22T01:36:00.000Z',
      '201 CUSTOMER 2023-05-02T12:00:00.000Z',
      '203 LEAD 2024-06-01T06:00:00.000Z', // carries its own offset
      '204 LEAD 2024-07-16T03:30:00.000Z',
    ]);
  });

  it('reads a semicolon-delimited export with a byte order mark like the comma one', async () => {
    const semicolon = await parseFixture(contactsCsv, 'contacts-semicolon.csv');
    const comma = await parseFixture(contactsCsv, 'contacts.csv');
    expect(recordsOf(semicolon)).toEqual(recordsOf(comma.slice(0, 2)));
  });

  it('rejects rows with unusable dates or record ids, naming the column, and keeps the good rows', async () => {
    const outputs = await parseFixture(contactsCsv, 'contacts-bad.csv');
    expect(outputs).toHaveLength(7);
    expect(rejectionsOf(outputs).map(({ line, field, reason }) => ({ line, field, reason }))).toEqual([
      { line: 3, field: 'Create Date', reason: '"Create Date" is not a date (got "yesterday"); expected YYYY-MM-DD HH:mm, YYYY-MM-DD HH:mm:ss or YYYY-MM-DD' },
      {
        line: 4,
        field: 'Became a Lead Date',
        reason: '"Became a Lead Date" has an ambiguous day/month order (got "03/05/2024 14:12"); convert the column to YYYY-MM-DD HH:mm',
      },
      { line: 5, field: 'Became a Customer Date', reason: '"Became a Customer Date" is not a calendar date and time (got "2024-02-30 10:00")' },
      { line: 6, field: 'Record ID', reason: '"Record ID" is empty: every HubSpot record has one (was the export edited?)' },
      { line: 7, field: 'Record ID', reason: '"Record ID" is not a HubSpot record id (got "abc"); ids are digits' },
    ]);
    expect(rejectionsOf(outputs)[0].raw).toContain('"302"');
    const records = recordsOf(outputs);
    expect(records).toHaveLength(4);
    expect(records[2]).toEqual({
      kind: 'contact',
      ref: { externalId: '305', email: 'multiline@example.com' },
      firstName: 'Multi',
      lastName: 'Line',
      company: 'Müller & Söhne\nGmbH',
      createdAt: new Date('2024-04-01T07:00:00Z'),
      lifecycleStage: 'SUBSCRIBER',
      properties: { lifecyclestage: 'Subscriber' },
    });
    expect(outputs[6].line).toBe(8);
  });

  it('refuses a file with the wrong delimiter, naming the missing column', async () => {
    await expect(parseFixture(contactsCsv, 'contacts-pipe.csv')).rejects.toThrow(UnusableInputError);
    await expect(parseFixture(contactsCsv, 'contacts-pipe.csv')).rejects.toThrow(/missing column "Record ID"/);
  });

  it('refuses a deals export, pointing at deals-csv', async () => {
    await expect(parseFixture(contactsCsv, 'deals.csv')).rejects.toThrow(/this is a HubSpot deals export .* import it as deals-csv/);
  });

  it('refuses an empty file and a binary file', async () => {
    await expect(parseFixture(contactsCsv, 'empty.csv')).rejects.toThrow(/the file is empty/);
    await expect(parseFixture(contactsCsv, 'binary.xlsx')).rejects.toThrow(/binary file/);
  });

  it('refuses an import time zone that is not an IANA zone before reading any row', async () => {
    await expect(parseFixture(contactsCsv, 'contacts.csv', 'Mars/Olympus')).rejects.toThrow(/time zone "Mars\/Olympus" is not an IANA zone name/);
  });

  it('says in the import notes which time zone export dates were read in', () => {
    expect(contactsCsv.notes?.({ fileName: 'contacts.csv', timezone: 'Europe/Berlin' })).toEqual([
      'HubSpot export dates carry no time zone: read as Europe/Berlin wall-clock time (the exporting user\'s HubSpot time zone should be used); date-only values as midnight UTC',
    ]);
  });
});
