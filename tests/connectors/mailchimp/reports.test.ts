/** Fixtures: see fixtures/README.md (MC-REPORT of source-formats.md §2.10 and pages built on it). */
import { reportsKind } from '../../../src/connectors/mailchimp/reports';
import { rateFromFraction, rateFromPercent } from '../../../src/connectors/mailchimp/rates';
import { UnusableInputError } from '../../../src/connectors/sdk/errors';
import { ofKind, parseFixture, recordsOf, rejectionsOf } from './helpers';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

describe('mailchimp reports', () => {
  it('reads a single GET /reports/{campaign_id} response as one campaign, its totals and its audience', async () => {
    const outputs = await parseFixture(reportsKind, 'reports-single.json');
    expect(outputs).toEqual([
      {
        line: 1,
        records: [
          {
            kind: 'campaign',
            externalId: 'campaign123',
            name: 'Welcome Campaign',
            channel: 'EMAIL',
            subject: 'Welcome to Our Newsletter',
            sentAt: new Date('2009-03-26T21:35:57Z'),
            listExternalId: 'a6b5da1054',
          },
          {
            kind: 'campaignReport',
            campaignExternalId: 'campaign123',
            at: new Date('2009-03-26T21:50:57Z'),
            totals: {
              sent: 1000,
              delivered: 995,
              hardBounces: 2,
              softBounces: 3,
              uniqueOpens: 200,
              totalOpens: 250,
              uniqueClicks: 35,
              totalClicks: 50,
              forwards: 10,
              unsubscribes: 5,
              complaints: 0,
              openRate: 0.2,
              clickRate: 0.04,
            },
          },
          { kind: 'list', externalId: 'a6b5da1054', name: 'Test List' },
        ],
      },
    ]);
  });

  it('reads every report of a GET /reports page at the line where it starts', async () => {
    const outputs = await parseFixture(reportsKind, 'reports-list.json');
    expect(outputs.map((output) => output.line)).toEqual([3, 61]);
    expect(rejectionsOf(outputs)).toEqual([]);
    const records = recordsOf(outputs);
    expect(records).toHaveLength(6);
    expect(ofKind(records, 'campaign').map((campaign) => campaign.externalId)).toEqual(['campaign123', '42694e9e57']);
    expect(ofKind(records, 'list')).toEqual([
      { kind: 'list', externalId: 'a6b5da1054', name: 'Test List' },
      { kind: 'list', externalId: 'a6b5da1054', name: 'Test List' },
    ]);
  });

  it('keeps proxy-excluded opens, subscriber clicks, revenue and the rss type of a report', async () => {
    const records = recordsOf(await parseFixture(reportsKind, 'reports-list.json'));
    expect(ofKind(records, 'campaign')[1]).toEqual({
      kind: 'campaign',
      externalId: '42694e9e57',
      name: 'March product update',
      type: 'NEWSLETTER',
      channel: 'EMAIL',
      subject: "What's new in March",
      sentAt: new Date('2009-03-27T14:00:00Z'),
      listExternalId: 'a6b5da1054',
    });
    expect(ofKind(records, 'campaignReport')[1]).toEqual({
      kind: 'campaignReport',
      campaignExternalId: '42694e9e57',
      // the latest time the report states: opens.last_open
      at: new Date('2009-03-28T09:12:40Z'),
      totals: {
        sent: 4,
        delivered: 3,
        hardBounces: 1,
        softBounces: 0,
        uniqueOpens: 2,
        uniqueOpensHuman: 1,
        totalOpens: 5,
        uniqueClicks: 1,
        totalClicks: 3,
        forwards: 0,
        unsubscribes: 1,
        complaints: 0,
        revenue: 119,
        openRate: 0.6666666666666666,
        clickRate: 0.3333333333333333,
      },
    });
  });

  it('takes report rates as fractions and converts list rates from percentages', () => {
    const page = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'reports-list.json'), 'utf8'));
    const report = page.reports[1];
    expect(rateFromFraction(report.opens.open_rate, 'opens.open_rate')).toEqual({ value: 0.6666666666666666 });
    expect(rateFromPercent(report.list_stats.open_rate, 'list_stats.open_rate')).toEqual({ value: 0.2857 });
    expect(rateFromPercent(report.list_stats.sub_rate, 'list_stats.sub_rate')).toEqual({ value: 0.125 });
    expect(rateFromPercent(120, 'list_stats.open_rate').problem?.reason).toBe(
      '"list_stats.open_rate" should be a percentage between 0 and 100 (got 120); Mailchimp reports list rates as percentages',
    );
  });

  it('rejects bad reports with a reason naming the field and keeps the good one', async () => {
    const outputs = await parseFixture(reportsKind, 'reports-bad.json');
    expect(outputs).toHaveLength(5);
    expect(ofKind(recordsOf(outputs), 'campaign').map((campaign) => campaign.externalId)).toEqual(['b0b0b0b0b1']);
    expect(rejectionsOf(outputs).map(({ line, field, reason }) => ({ line, field, reason }))).toEqual([
      { line: 38, field: 'send_time', reason: '"send_time" is not an ISO 8601 date-time (got "yesterday")' },
      {
        line: 73,
        field: 'opens.open_rate',
        reason: '"opens.open_rate" should be a fraction between 0 and 1 (got 20); Mailchimp reports campaign rates as fractions',
      },
      { line: 108, field: 'emails_sent', reason: '"emails_sent" should be a number (got "1000")' },
      { line: 143, field: 'send_time', reason: '"send_time" is empty: the campaign was not sent, so it has no report to import' },
    ]);
    expect(rejectionsOf(outputs)[0].raw).toContain('"id": "b0b0b0b0b2"');
  });

  it('leaves revenue unknown, not 0, when the report has zero orders and zero revenue', async () => {
    const [report] = ofKind(recordsOf(await parseFixture(reportsKind, 'reports-bad.json')), 'campaignReport');
    expect(report.totals).not.toHaveProperty('revenue');
    expect(report.totals.openRate).toBe(0.1);
  });

  it('keeps the reports before a truncation and rejects the cut one', async () => {
    const outputs = await parseFixture(reportsKind, 'reports-truncated.json');
    expect(ofKind(recordsOf(outputs), 'campaign').map((campaign) => campaign.externalId)).toEqual(['campaign123']);
    expect(rejectionsOf(outputs).map(({ line, reason }) => ({ line, reason }))).toEqual([
      { line: 61, reason: 'truncated JSON: the file ends inside this element of "reports"' },
    ]);
  });

  it('refuses files that are not reports: empty, binary, CSV, an API error, another endpoint', async () => {
    await expect(parseFixture(reportsKind, 'empty.json')).rejects.toThrow(new UnusableInputError('empty.json', undefined, 'the file is empty'));
    await expect(parseFixture(reportsKind, 'members_export_a6b5da1054.zip')).rejects.toThrow(/binary file/);
    await expect(parseFixture(reportsKind, 'subscribed_members_export_a6b5da1054.csv')).rejects.toThrow(
      'subscribed_members_export_a6b5da1054.csv line 1: this is not JSON (it starts with "\\"Email Address\\",\\"First Name\\",\\"Last Name\\"")',
    );
    await expect(parseFixture(reportsKind, 'api-error.json')).rejects.toThrow(
      'api-error.json line 1: this is a Mailchimp API error response, not data: 405 Method Not Allowed — This list member cannot be removed. Can not archive a contact that is bounced, pending or archived',
    );
    await expect(parseFixture(reportsKind, 'email-activity.json')).rejects.toThrow(
      'email-activity.json line 1: expected a Mailchimp campaign report: {"reports":[…]} from GET /reports, or one report from GET /reports/{campaign_id}; found an object with keys "emails", "campaign_id", "total_items", "_links"',
    );
  });
});
