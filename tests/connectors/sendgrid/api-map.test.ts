/**
 * The SendGrid API pull's pure mapping: suppression entries as memberships of one list per group, Email Activity
 * message details as the same events the Email Activity CSV gives, category sums as report totals.
 */
import { mapCategorySums, mapDailyStats, mapMessageDetail, mapSuppression } from '../../../src/connectors/sendgrid/api-map';
import { mapActivityRow } from '../../../src/connectors/sendgrid/map-activity';

describe('SendGrid API mapping', () => {
  it('maps each suppression group to its list and status, keeping SendGrid’s reason and time', () => {
    expect(mapSuppression('bounces', { created: 1443651125, email: 'gone@old.test', reason: '550 5.1.1 User unknown', status: '5.1.1' })).toEqual({
      records: [
        { kind: 'list', externalId: 'suppression:bounces', name: 'SendGrid suppressions: bounces' },
        { kind: 'membership', listExternalId: 'suppression:bounces', contact: { email: 'gone@old.test' }, status: 'CLEANED', at: new Date(1443651125_000), reason: '550 5.1.1 User unknown' },
      ],
    });
    const spam = mapSuppression('spam_reports', { created: 1443651141, email: 'angry@client.test', ip: '10.63.202.100' });
    expect('records' in spam && spam.records[1]).toMatchObject({ status: 'UNSUBSCRIBED', reason: 'spam report' });
    expect(mapSuppression('blocks', { created: 'yesterday', email: 'a@b.test' })).toEqual({ field: 'created', reason: '"created" is not a Unix time (got "yesterday")' });
    expect(mapSuppression('unsubscribes', { created: 1443651141 })).toEqual({ field: 'email', reason: '"email" is not an email address (got undefined)' });
  });

  it('gives an activity-feed event the same id and campaign as the same event in the Email Activity CSV', () => {
    const detail = {
      msg_id: 'abc123.filter0001', to_email: 'alice@client.test', subject: 'Launch', categories: ['promotional', 'q4'],
      unique_args: { marketing_campaign_id: '77', marketing_campaign_name: 'Autumn launch' },
      events: [{ event_name: 'clicked', processed: '2026-11-10T09:05:00Z', url: 'https://sender.test/pricing' }],
    };
    const fromApi = mapMessageDetail(detail);
    expect(fromApi.rejected).toEqual([]);
    const csv = mapActivityRow({
      processed: '2026-11-10 09:05:00 UTC', message_id: 'abc123.filter0001', event: 'clicked', email: 'alice@client.test', subject: 'Launch',
      url: 'https://sender.test/pricing', categories: 'promotional,q4', marketing_campaign_id: '77', marketing_campaign_name: 'Autumn launch',
    });
    if (!csv.ok) throw new Error(csv.reason);
    const [campaign, event] = fromApi.records;
    expect(campaign).toEqual(csv.campaign.record);
    expect(event).toMatchObject({ sourceEventId: csv.event.sourceEventId, type: 'CLICKED', url: 'https://sender.test/pricing', campaignExternalId: 'marketing_campaign:77' });
  });

  it('rejects a detail without events, and an event it cannot read, naming the message', () => {
    expect(mapMessageDetail({ msg_id: 'x' }).rejected[0].reason).toMatch(/expected an Email Activity message with "events"/);
    const odd = mapMessageDetail({ msg_id: 'm1', to_email: 'a@b.test', events: [{ event_name: 'opened' }] });
    expect(odd.rejected).toEqual([{ field: 'processed', reason: 'message "m1": "processed" is missing', raw: '{"event_name":"opened"}' }]);
  });

  it('makes a category’s sums the report totals of its category campaign', () => {
    const at = new Date('2026-11-20T00:00:00Z');
    const result = mapCategorySums({ type: 'category', name: 'Newsletter', metrics: { processed: 10, delivered: 9, bounces: 1, blocks: 0, unique_opens: 5, opens: 7, unique_clicks: 2, clicks: 3, unsubscribes: 1, spam_reports: 0 } }, at);
    expect(result).toEqual({
      records: [
        { kind: 'campaign', externalId: 'category:Newsletter', name: 'Newsletter', channel: 'EMAIL', type: 'NEWSLETTER' },
        { kind: 'campaignReport', campaignExternalId: 'category:Newsletter', at, totals: { sent: 10, delivered: 9, hardBounces: 1, softBounces: 0, uniqueOpens: 5, totalOpens: 7, uniqueClicks: 2, totalClicks: 3, unsubscribes: 1, complaints: 0 } },
      ],
    });
  });

  it('keeps a day of /v3/stats or /v3/categories/stats as the vendor’s counters per scope, and names a bad day', () => {
    expect(mapDailyStats({ date: '2015-11-03', stats: [{ metrics: { delivered: 4, opens: '2' } }] })).toEqual({
      records: [{ kind: 'vendorStats', scope: 'account', day: '2015-11-03', metrics: { delivered: 4, opens: 2 } }],
    });
    expect(mapDailyStats({ date: '2015-10-01', stats: [{ type: 'category', name: 'docs', metrics: { blocks: 0 } }] })).toEqual({
      records: [{ kind: 'vendorStats', scope: 'category:docs', day: '2015-10-01', metrics: { blocks: 0 } }],
    });
    expect(mapDailyStats({ date: '03/11/2015', stats: [] })).toEqual({ field: 'date', reason: '"date" is not a day YYYY-MM-DD (got "03/11/2015")' });
  });
});
