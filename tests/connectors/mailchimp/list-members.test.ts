/** Fixtures: see fixtures/README.md (Fixture MC-MEMBER of source-formats.md §2.10, and a page shaped like it). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listMembersKind } from '../../../src/connectors/mailchimp/list-members';
import { mapListMember } from '../../../src/connectors/mailchimp/map';
import { ofKind, parseFixture, recordsOf, rejectionsOf } from './helpers';

const API = { externalId: '6def22f266be37015519943ce0c3ae6b', email: 'api@mailchimp.com' };

describe('mailchimp list members', () => {
  it('maps a subscribed member to a contact with its merge fields and a membership dated by its opt-in', async () => {
    const outputs = await parseFixture(listMembersKind, 'list-members.json');
    expect(outputs[0]).toEqual({
      line: 3,
      records: [
        {
          kind: 'contact',
          ref: API,
          firstName: 'MailChimp',
          lastName: 'API',
          company: 'Mailchimp',
          createdAt: new Date('2009-03-26T21:30:00Z'),
          properties: {
            mailchimpStatus: 'subscribed',
            memberRating: '4',
            uniqueEmailId: '8a25ff1d98',
            webId: '100200301',
            contactId: '2cc43a1c819ac566f47fd24016758eaf',
            emailType: 'html',
            language: 'en',
            vip: 'true',
            source: 'API - Generic',
            tags: 'Customers, Beta',
            countryCode: 'US',
            timezone: 'America/New_York',
            region: 'GA',
            'merge.ADDRESS': '675 Ponce De Leon Ave NE, Suite 5000, Atlanta, GA, 30308, US',
          },
        },
        { kind: 'membership', listExternalId: 'a6b5da1054', contact: API, status: 'SUBSCRIBED', at: new Date('2009-03-26T21:35:57Z') },
      ],
    });
  });

  it('gives each status its membership and date, and archived or transactional members no membership', async () => {
    const outputs = await parseFixture(listMembersKind, 'list-members.json');
    expect(outputs.map((output) => output.line)).toEqual([3, 63, 107, 150, 193]);
    expect(rejectionsOf(outputs)).toEqual([]);
    const records = recordsOf(outputs);
    expect(ofKind(records, 'contact')).toHaveLength(5);
    expect(ofKind(records, 'membership').map(({ contact, status, at, reason }) => ({ email: contact.email, status, at: at.toISOString(), reason }))).toEqual([
      { email: 'api@mailchimp.com', status: 'SUBSCRIBED', at: '2009-03-26T21:35:57.000Z', reason: undefined },
      { email: 'api+unsub@mailchimp.com', status: 'UNSUBSCRIBED', at: '2009-03-26T21:40:57.000Z', reason: 'I no longer want to receive these emails' },
      { email: 'api+cleaned@mailchimp.com', status: 'CLEANED', at: '2009-03-26T22:01:00.000Z', reason: undefined },
      { email: 'api+new@mailchimp.com', status: 'PENDING', at: '2009-03-26T22:15:09.000Z', reason: undefined },
    ]);
    expect(outputs[4]).toEqual({ line: 193, records: [expect.objectContaining({ kind: 'contact', properties: expect.objectContaining({ mailchimpStatus: 'transactional', source: 'Mandrill' }) })] });
  });

  it('reads the recorded MC-MEMBER response (archived) as a contact keyed by its member id', async () => {
    const outputs = await parseFixture(listMembersKind, 'member-single.json');
    expect(outputs).toEqual([
      {
        line: 1,
        records: [
          {
            kind: 'contact',
            ref: { externalId: 'b0149f75fe84c92d0dec9a0b13e6960b', email: 'testid3039@grouparoo.com' },
            firstName: 'Test2',
            createdAt: new Date('2022-02-23T19:31:49Z'),
            properties: {
              mailchimpStatus: 'archived',
              memberRating: '2',
              uniqueEmailId: '3eb8a920e9',
              webId: '440689824',
              contactId: '2339939832d39de535220d2188836484',
              emailType: 'html',
              vip: 'false',
              source: 'API - Generic',
              tags: 'mailchimp people',
            },
          },
        ],
      },
    ]);
  });

  it('rejects a bad status, a bad date and a missing address, and keeps the contact of a member whose status has no date', async () => {
    const outputs = await parseFixture(listMembersKind, 'list-members-bad.json');
    expect(recordsOf(outputs).map((record) => record.kind)).toEqual(['contact']);
    expect(rejectionsOf(outputs).map(({ line, field, reason }) => ({ line, field, reason }))).toEqual([
      {
        line: 3,
        field: 'status',
        reason: '"status" should be one of "subscribed", "unsubscribed", "cleaned", "pending", "transactional", "archived" (got "deleted")',
      },
      { line: 46, field: 'timestamp_opt', reason: '"timestamp_opt" is not an ISO 8601 date-time (got "26/03/2009 21:35")' },
      {
        line: 89,
        field: 'timestamp_opt',
        reason: 'no date for the SUBSCRIBED membership: "timestamp_opt", "timestamp_signup", "last_changed" are all empty',
      },
      { line: 132, field: 'email_address', reason: '"email_address" is missing' },
    ]);
  });

  it('maps members purely: the same member twice gives the same records and the input is not changed', () => {
    const member = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'member-single.json'), 'utf8'));
    const before = JSON.stringify(member);
    expect(mapListMember(member)).toEqual(mapListMember(member));
    expect(JSON.stringify(member)).toBe(before);
  });

  it('refuses empty, binary and non-member files', async () => {
    await expect(parseFixture(listMembersKind, 'empty.json')).rejects.toThrow('empty.json: the file is empty');
    await expect(parseFixture(listMembersKind, 'members_export_a6b5da1054.zip')).rejects.toThrow(/binary file/);
    await expect(parseFixture(listMembersKind, 'reports-list.json')).rejects.toThrow(
      'reports-list.json line 1: expected a Mailchimp members response: {"members":[…]} from GET /lists/{list_id}/members, or one member; found an object with keys "reports", "total_items", "_links"',
    );
  });
});
