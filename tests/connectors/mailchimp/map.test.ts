/** The pure mapping functions, called as the API pull will call them: with parsed JSON values. */
import { mapEmailActivity, mapReport } from '../../../src/connectors/mailchimp/map';
import { rateFromFraction, rateFromPercent } from '../../../src/connectors/mailchimp/rates';

describe('mailchimp mapping', () => {
  it('names the element or the activity that should have been an object', () => {
    expect(mapReport(1).problems).toEqual([{ field: undefined, reason: 'the element should be an object (got 1)' }]);
    const result = mapEmailActivity({ campaign_id: '42694e9e57', email_address: 'api@mailchimp.com', activity: ['open'] });
    expect(result.problems).toEqual([{ field: 'activity[0]', reason: '"activity[0]" should be an object (got "open")', raw: '"open"' }]);
    expect(result.records.map((record) => record.kind)).toEqual(['message']);
  });

  it('identifies a member by its email_id alone when the address was filtered out of the response', () => {
    const result = mapEmailActivity({ campaign_id: '42694e9e57', email_id: 'B0149F75FE84C92D0DEC9A0B13E6960B', activity: [] });
    expect(result).toEqual({
      records: [{ kind: 'message', campaignExternalId: '42694e9e57', contact: { externalId: 'b0149f75fe84c92d0dec9a0b13e6960b' }, channel: 'EMAIL', deliveredUnlessBounced: true }],
      problems: [],
    });
  });

  it('refuses a report whose bounces exceed the emails sent', () => {
    const result = mapReport({ id: 'c1', emails_sent: 2, send_time: '2009-03-27T14:00:00+00:00', bounces: { hard_bounces: 2, soft_bounces: 1 } });
    expect(result.problems).toEqual([{ field: 'bounces', reason: 'bounces (2 hard + 1 soft) exceed "emails_sent" (2); the report is inconsistent' }]);
  });

  it('keeps fractions as they are and converts percentages, refusing values off their scale', () => {
    expect(rateFromFraction(0.04, 'clicks.click_rate')).toEqual({ value: 0.04 });
    expect(rateFromFraction(undefined, 'clicks.click_rate')).toEqual({});
    expect(rateFromFraction(4.76, 'clicks.click_rate').problem?.field).toBe('clicks.click_rate');
    expect(rateFromPercent(4.76, 'list_stats.click_rate')).toEqual({ value: 0.0476 });
    expect(rateFromPercent(0, 'list_stats.click_rate')).toEqual({ value: 0 });
    expect(rateFromPercent(-1, 'list_stats.click_rate').problem?.field).toBe('list_stats.click_rate');
  });
});
