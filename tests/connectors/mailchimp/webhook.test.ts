/** Mailchimp list webhooks: the six event types of the vendor's sample (fixture MC-WH), field for field. */
import { mapWebhookForm } from '../../../src/connectors/mailchimp/webhook';
import { memberIdOf } from '../../../src/connectors/mailchimp/identity';

const form = (fields: Record<string, string>) => new URLSearchParams(fields);
const records = (fields: Record<string, string>) => {
  const output = mapWebhookForm(form(fields));
  if ('rejected' in output) throw new Error(output.rejected.reason);
  return output.records;
};

describe('Mailchimp webhook forms', () => {
  it('maps subscribe to the contact and a SUBSCRIBED membership at fired_at (UTC)', () => {
    expect(records({
      type: 'subscribe', fired_at: '2009-03-26 21:35:57', 'data[id]': '8a25ff1d98', 'data[list_id]': 'a6b5da1054', 'data[email]': 'api@mailchimp.com',
      'data[email_type]': 'html', 'data[merges][EMAIL]': 'api@mailchimp.com', 'data[merges][FNAME]': 'MailChimp', 'data[merges][LNAME]': 'API',
      'data[merges][INTERESTS]': 'Group1,Group2', 'data[ip_opt]': '10.20.10.30', 'data[ip_signup]': '10.20.10.30',
    })).toEqual([
      { kind: 'contact', ref: { email: 'api@mailchimp.com', externalId: memberIdOf('api@mailchimp.com') }, firstName: 'MailChimp', lastName: 'API', properties: { mailchimpWebhookId: '8a25ff1d98' } },
      { kind: 'membership', listExternalId: 'a6b5da1054', contact: { email: 'api@mailchimp.com', externalId: memberIdOf('api@mailchimp.com') }, status: 'SUBSCRIBED', at: new Date('2009-03-26T21:35:57Z') },
    ]);
  });

  it('maps unsubscribe and cleaned to memberships with their reason', () => {
    const unsub = records({ type: 'unsubscribe', fired_at: '2009-03-26 21:40:57', 'data[action]': 'unsub', 'data[reason]': 'manual', 'data[id]': '8a25ff1d98', 'data[list_id]': 'a6b5da1054', 'data[email]': 'api+unsub@mailchimp.com', 'data[campaign_id]': 'cb398d21d2' });
    expect(unsub[1]).toMatchObject({ kind: 'membership', status: 'UNSUBSCRIBED', reason: 'manual', at: new Date('2009-03-26T21:40:57Z') });
    const cleaned = records({ type: 'cleaned', fired_at: '2009-03-26 22:01:00', 'data[list_id]': 'a6b5da1054', 'data[campaign_id]': '4fjk2ma9xd', 'data[reason]': 'hard', 'data[email]': 'api+cleaned@mailchimp.com' });
    expect(cleaned[1]).toMatchObject({ kind: 'membership', status: 'CLEANED', reason: 'hard', contact: { email: 'api+cleaned@mailchimp.com' } });
  });

  it('maps profile and upemail to contact updates, and campaign to a campaign', () => {
    expect(records({ type: 'profile', fired_at: '2009-03-26 21:31:21', 'data[id]': '8a25ff1d98', 'data[list_id]': 'a6b5da1054', 'data[email]': 'api@mailchimp.com', 'data[merges][FNAME]': 'MailChimp' }))
      .toEqual([{ kind: 'contact', ref: { email: 'api@mailchimp.com', externalId: memberIdOf('api@mailchimp.com') }, firstName: 'MailChimp', properties: { mailchimpWebhookId: '8a25ff1d98' } }]);
    expect(records({ type: 'upemail', fired_at: '2009-03-26 22:15:09', 'data[list_id]': 'a6b5da1054', 'data[new_id]': '51da8c3259', 'data[new_email]': 'api+new@mailchimp.com', 'data[old_email]': 'api+old@mailchimp.com' }))
      .toEqual([{ kind: 'contact', ref: { email: 'api+new@mailchimp.com', externalId: memberIdOf('api+new@mailchimp.com') }, properties: { mailchimpWebhookId: '51da8c3259', previousEmail: 'api+old@mailchimp.com' } }]);
    expect(records({ type: 'campaign', fired_at: '2009-03-26 21:31:21', 'data[id]': '5aa2102003', 'data[subject]': 'Test Campaign Subject', 'data[status]': 'sent', 'data[reason]': '', 'data[list_id]': 'a6b5da1054' }))
      .toEqual([{ kind: 'campaign', externalId: '5aa2102003', name: 'Test Campaign Subject', subject: 'Test Campaign Subject', channel: 'EMAIL', listExternalId: 'a6b5da1054' }]);
  });

  it('rejects unknown types, bad dates and events without an address, naming the field', () => {
    expect(mapWebhookForm(form({ type: 'bogus', fired_at: '2009-03-26 21:31:21' }))).toMatchObject({ rejected: { field: 'type' } });
    expect(mapWebhookForm(form({ type: 'subscribe', fired_at: 'yesterday', 'data[email]': 'a@b.c', 'data[list_id]': 'l' }))).toMatchObject({ rejected: { field: 'fired_at' } });
    expect(mapWebhookForm(form({ type: 'subscribe', fired_at: '2009-03-26 21:31:21', 'data[list_id]': 'l' }))).toMatchObject({ rejected: { field: 'data[email]' } });
  });
});
