/** Fixtures: see fixtures/README.md (Fixture MC-CSV and the unsubscribed header of source-formats.md §2.10). */
import { audienceCsvKind, audienceExportFileOf } from '../../../src/connectors/mailchimp/audience-csv';
import { ofKind, parseFixture, recordsOf, rejectionsOf } from './helpers';

const MAIL = { externalId: '7daf6c79d4802916d83f6266e24850af', email: 'mail@example.com' };

describe('mailchimp audience export CSV', () => {
  it('reads the MC-CSV row as a subscribed contact of the audience named in the file name', async () => {
    const outputs = await parseFixture(audienceCsvKind, 'subscribed_members_export_a6b5da1054.csv');
    expect(outputs[0]).toEqual({
      line: 2,
      records: [
        {
          kind: 'contact',
          ref: MAIL,
          createdAt: new Date('2015-03-16T14:40:47Z'),
          properties: { mailchimpStatus: 'subscribed', memberRating: '2', uniqueEmailId: 'some-other-value', webId: 'some-value' },
        },
        { kind: 'membership', listExternalId: 'a6b5da1054', contact: MAIL, status: 'SUBSCRIBED', at: new Date('2015-03-16T14:40:47Z') },
      ],
    });
  });

  it('dates a subscription by CONFIRM_TIME, then OPTIN_TIME, then LAST_CHANGED, and keeps multi-line notes', async () => {
    const outputs = await parseFixture(audienceCsvKind, 'subscribed_members_export_a6b5da1054.csv');
    expect(outputs.map((output) => output.line)).toEqual([2, 3, 5]);
    const [, api, imported] = ofKind(recordsOf(outputs), 'contact');
    expect(api).toEqual({
      kind: 'contact',
      ref: { externalId: '6def22f266be37015519943ce0c3ae6b', email: 'api@mailchimp.com' },
      firstName: 'MailChimp',
      lastName: 'API',
      createdAt: new Date('2009-03-26T21:30:00Z'),
      properties: {
        mailchimpStatus: 'subscribed',
        memberRating: '4',
        uniqueEmailId: '8a25ff1d98',
        webId: '100200301',
        countryCode: 'US',
        timezone: 'America/New_York',
        region: 'GA',
        notes: 'Met at the Atlanta meetup.\nPrefers email over phone.',
      },
    });
    expect(imported.ref).toEqual({ externalId: '3e430f44ef7c770adde4b95df7b662a6', email: 'Imported.Member@Example.com' });
    expect(ofKind(recordsOf(outputs), 'membership').map((membership) => membership.at.toISOString())).toEqual([
      '2015-03-16T14:40:47.000Z',
      '2009-03-26T21:35:57.000Z',
      '2016-01-04T09:00:00.000Z',
    ]);
  });

  it('reads an unsubscribed export with repeated column names, the system column winning', async () => {
    const outputs = await parseFixture(audienceCsvKind, 'unsubscribed_members_export_a6b5da1054.csv');
    expect(rejectionsOf(outputs)).toEqual([]);
    expect(outputs.map((output) => output.line)).toEqual([2, 3]);
    const records = recordsOf(outputs);
    expect(ofKind(records, 'membership')).toEqual([
      {
        kind: 'membership',
        listExternalId: 'a6b5da1054',
        contact: { externalId: '0223b07eff35384a5ee66de38d962c8e', email: 'api+unsub@mailchimp.com' },
        status: 'UNSUBSCRIBED',
        at: new Date('2009-03-26T21:40:57Z'),
        reason: 'NORMAL',
      },
      {
        kind: 'membership',
        listExternalId: 'a6b5da1054',
        contact: { externalId: 'd3dc273f1837d3be66aa46f7b3eb931e', email: 'engineer@example.org' },
        status: 'UNSUBSCRIBED',
        at: new Date('2013-07-01T08:00:00Z'),
        reason: 'OTHER: Too many emails',
      },
    ]);
    expect(ofKind(records, 'contact')[0].properties).toEqual({
      mailchimpStatus: 'unsubscribed',
      memberRating: '2',
      uniqueEmailId: '3eb8a920e1',
      webId: '100200302',
      countryCode: 'US',
      timezone: 'America/New_York',
      region: 'GA',
      'merge.Name': 'MailChimp API',
      'merge.ZIP code': '30308',
      'merge.Country': 'US',
      'merge.Languages': 'JavaScript, PHP',
      'merge.Help Location': 'On-site at a school',
    });
  });

  it('reads a cleaned export dated by CLEAN_TIME, with its TAGS list', async () => {
    const outputs = await parseFixture(audienceCsvKind, 'cleaned_members_export_a6b5da1054.csv');
    const contact = { externalId: '6ed3fc5c7e6e22ed59363f3633342759', email: 'api+cleaned@mailchimp.com' };
    expect(outputs).toEqual([
      {
        line: 2,
        records: [
          {
            kind: 'contact',
            ref: contact,
            createdAt: new Date('2009-02-01T10:00:00Z'),
            properties: { mailchimpStatus: 'cleaned', memberRating: '1', uniqueEmailId: '3eb8a920e2', webId: '100200303', tags: 'VIP, Blog' },
          },
          {
            kind: 'membership',
            listExternalId: 'a6b5da1054',
            contact,
            status: 'CLEANED',
            at: new Date('2009-03-26T22:01:00Z'),
            reason: 'cleaned after campaign "March product update"',
          },
        ],
      },
    ]);
  });

  it('rejects a bad date, an empty or invalid address, and a membership without any date, keeping good rows', async () => {
    const outputs = await parseFixture(audienceCsvKind, 'subscribed_members_export_badd8a7e00.csv');
    expect(recordsOf(outputs).map((record) => `${record.kind}:${'ref' in record ? record.ref.email : ''}`)).toEqual([
      'contact:good@example.com',
      'membership:',
      'contact:no-dates@example.com',
    ]);
    expect(rejectionsOf(outputs)).toEqual([
      {
        line: 3,
        field: 'CONFIRM_TIME',
        reason: '"CONFIRM_TIME" is not an ISO 8601 date-time (got "16/03/2015 14:40")',
        raw: 'bad-date@example.com,Bad,Date,3,,,"16/03/2015 14:40",,,,,,,,,"2015-03-16 14:40:47",1002,a2,',
      },
      {
        line: 4,
        field: 'Email Address',
        reason: '"Email Address" is empty; every exported member has one (is the row shifted?)',
        raw: ',No,Address,3,,,"2015-03-16 14:40:47",,,,,,,,,"2015-03-16 14:40:47",1003,a3,',
      },
      {
        line: 5,
        field: 'Email Address',
        reason: '"Email Address" is not an email address (got "not-an-address")',
        raw: 'not-an-address,Not,Email,3,,,"2015-03-16 14:40:47",,,,,,,,,"2015-03-16 14:40:47",1004,a4,',
      },
      {
        line: 6,
        field: 'CONFIRM_TIME',
        reason: 'no date for the SUBSCRIBED membership: "CONFIRM_TIME", "OPTIN_TIME", "LAST_CHANGED" are all empty',
        raw: 'no-dates@example.com,No,Dates,3,,,,,,,,,,,,,1005,a5,',
      },
    ]);
  });

  it('refuses a file with the wrong delimiter, naming the missing columns', async () => {
    await expect(parseFixture(audienceCsvKind, 'subscribed_members_export_de11a1e700.csv')).rejects.toThrow(
      'subscribed_members_export_de11a1e700.csv line 1: missing columns "Email Address", "OPTIN_TIME", "CONFIRM_TIME", "LAST_CHANGED"',
    );
  });

  it('refuses an empty file and a binary file', async () => {
    await expect(parseFixture(audienceCsvKind, 'subscribed_members_export_e0e0e0e0e0.csv')).rejects.toThrow(
      'subscribed_members_export_e0e0e0e0e0.csv: the file is empty',
    );
    await expect(
      parseFixture(audienceCsvKind, 'members_export_a6b5da1054.zip', { fileName: 'subscribed_members_export_a6b5da1054.csv' }),
    ).rejects.toThrow('this is a binary file, not a text export (found a NUL byte)');
  });

  it('refuses a renamed export and says how to name it, since the audience and status are only in the name', async () => {
    await expect(parseFixture(audienceCsvKind, 'subscribed_members_export_a6b5da1054.csv', { fileName: 'audience.csv' })).rejects.toThrow(
      'audience.csv: a Mailchimp audience export has no status or audience column, so its file name must say both',
    );
  });

  it('reads the status and audience id from the export file name, with folders and download suffixes', () => {
    expect(audienceExportFileOf('exports/members_export_a6b5da1054/Cleaned_members_export_A6B5DA1054.csv')).toEqual({
      status: 'cleaned',
      listExternalId: 'a6b5da1054',
    });
    expect(audienceExportFileOf('C:\\Downloads\\unsubscribed_members_export_0e633f6c70 (1).csv')).toEqual({
      status: 'unsubscribed',
      listExternalId: '0e633f6c70',
    });
    expect(audienceExportFileOf('nonsubscribed_members_export_ef3462e259.csv')).toEqual({ status: 'nonsubscribed', listExternalId: 'ef3462e259' });
    expect(audienceExportFileOf('members.csv')).toBeUndefined();
    expect(audienceExportFileOf('subscribed_members_export_a6b5da1054.csv.bak')).toBeUndefined();
  });

  it('says in the import notes which audience and status it took from the name', () => {
    expect(audienceCsvKind.notes?.({ fileName: 'cleaned_members_export_a6b5da1054.csv', timezone: 'UTC' })).toEqual([
      'Audience "a6b5da1054" and status cleaned taken from the file name.',
      'Export timestamps carry no time zone and are read as UTC.',
    ]);
  });
});
