/** The pure rules of map.ts: campaign identity, hard or soft bounce, and the campaign announcements. */
import { CampaignsSeen } from '../../../src/connectors/sendgrid/campaigns-seen';
import { bounceKindOf, campaignOf, campaignTypeOf, mapWebhookEvent } from '../../../src/connectors/sendgrid/map';
import { activityEventName } from '../../../src/connectors/sendgrid/map-activity';

describe('campaign identity', () => {
  const all = {
    singlesendId: 'ss1',
    singlesendName: 'Example Single Send',
    marketingCampaignId: '42',
    marketingCampaignName: 'Spring',
    newsletterId: '1943530',
    categories: ['cat facts', 'b2b'],
  };

  it('takes the first field present: single send, marketing campaign, newsletter, first category, then uncategorised', () => {
    expect(campaignOf(all).record.externalId).toBe('singlesend:ss1');
    expect(campaignOf({ ...all, singlesendId: undefined }).record.externalId).toBe('marketing_campaign:42');
    expect(campaignOf({ ...all, singlesendId: undefined, marketingCampaignId: undefined }).record.externalId).toBe('marketing_campaign_name:Spring');
    expect(campaignOf({ newsletterId: '1943530', categories: ['cat facts'] }).record.externalId).toBe('newsletter:1943530');
    expect(campaignOf({ categories: ['cat facts', 'b2b'] }).record.externalId).toBe('category:cat facts');
    expect(campaignOf({ categories: [] })).toEqual({
      record: { kind: 'campaign', externalId: 'uncategorised', name: 'SendGrid mail without campaign or category', type: 'TRANSACTIONAL', channel: 'EMAIL' },
      named: true,
    });
  });

  it('makes up a name from the id only when the row has none, and says so', () => {
    expect(campaignOf({ marketingCampaignId: '42', categories: [] })).toEqual({
      record: { kind: 'campaign', externalId: 'marketing_campaign:42', name: 'Marketing campaign 42', channel: 'EMAIL' },
      named: false,
    });
    expect(campaignOf({ singlesendId: 'ss1', singlesendName: 'Example Single Send', categories: [] }).named).toBe(true);
  });

  it('keeps a subject on a mailing but not on a category, which gathers many mails', () => {
    expect(campaignOf({ marketingCampaignId: '42', subject: 'Hello', categories: [] }).record.subject).toBe('Hello');
    expect(campaignOf({ categories: ['receipts'], subject: 'Your receipt' }).record.subject).toBeUndefined();
  });

  it('puts a delayed bounce without sg_message_id on the campaign of the message it bounces', () => {
    const processed = mapWebhookEvent({
      email: 'example@test.com',
      timestamp: 1513299569,
      event: 'processed',
      category: 'cat facts',
      sg_event_id: 'rbtnWrG1DVDGGGFHFyun0A==',
      sg_message_id: '14c5d75ce93.dfd.64b469.filter0001.16648.5515E0B88.0',
    });
    const delayedBounce = mapWebhookEvent({
      email: 'example@test.com',
      timestamp: 1513385969,
      event: 'bounce',
      category: ['cat facts'],
      sg_event_id: 'Ym91bmNlLTQtNTA0ODUxOTUt',
      reason: '550 5.1.1 mailbox does not exist',
    });
    if (!processed.ok || !delayedBounce.ok) throw new Error('both events should map');
    expect(delayedBounce.event.sourceMessageId).toBeUndefined();
    expect([delayedBounce.event.campaignExternalId, delayedBounce.event.contact]).toEqual([processed.event.campaignExternalId, processed.event.contact]);
    expect(delayedBounce.event.bounceKind).toBe('HARD');
  });
});

describe('hard or soft bounce', () => {
  it.each([
    [{ type: 'bounce' }, 'HARD'],
    [{ type: 'blocked', status: '5.2.2' }, 'SOFT'],
    [{ type: 'hard' }, 'HARD'],
    [{ type: 'soft' }, 'SOFT'],
    [{ classification: 'Invalid Address' }, 'HARD'],
    [{ classification: 'invalid', status: '4.2.2' }, 'HARD'],
    [{ classification: 'Mailbox Unavailable', status: '5.2.2' }, 'SOFT'],
    [{ classification: 'Reputation' }, 'SOFT'],
    [{ classification: 'Frequency or Volume Too High' }, 'SOFT'],
    [{ classification: 'Unclassified', status: '4.7.0' }, 'SOFT'],
    [{ status: '5.0.0' }, 'HARD'],
    [{ reason: '421 try again later' }, 'SOFT'],
    [{ reason: 'unable to get mx info' }, 'HARD'],
    [{}, 'HARD'],
  ] as const)('%j is %s', (signals, kind) => {
    expect(bounceKindOf(signals)).toBe(kind);
  });
});

describe('campaign announcements', () => {
  it('announces a campaign once, and again only when a later row gives it its real name', () => {
    const seen = new CampaignsSeen();
    const unnamed = campaignOf({ marketingCampaignId: '42', categories: [] });
    const named = campaignOf({ marketingCampaignId: '42', marketingCampaignName: 'Spring', categories: [] });
    expect(seen.announce(unnamed).map((record) => record.name)).toEqual(['Marketing campaign 42']);
    expect(seen.announce(unnamed)).toEqual([]);
    expect(seen.announce(named).map((record) => record.name)).toEqual(['Spring']);
    expect(seen.announce(named)).toEqual([]);
    expect(seen.announce(unnamed)).toEqual([]);
  });
});

describe('event names', () => {
  it.each([
    ['bounced', 'bounce'],
    ['opened', 'open'],
    ['clicked', 'click'],
    ['spam_report', 'spamreport'],
    ['spam report', 'spamreport'],
    ['Group Unsubscribe', 'group_unsubscribe'],
    ['processed', 'processed'],
    ['cancel_drop', undefined],
  ])('the CSV event %j is the webhook event %j', (text, name) => {
    expect(activityEventName(text)).toBe(name);
  });

  it('rejects a value that is not an event object', () => {
    expect(mapWebhookEvent(['processed'])).toEqual({ ok: false, reason: 'expected a SendGrid event object, got ["processed"]' });
  });

  it('rejects a webhook event with no event type', () => {
    expect(mapWebhookEvent({ email: 'a@b.c', sg_event_id: 'x', timestamp: 1 })).toEqual({
      ok: false,
      field: 'event',
      reason: '"event" is missing: every SendGrid event names its type',
    });
  });
});

describe('the campaign type of a SendGrid mailing', () => {
  it('comes from a category that names a campaign type, in any case; otherwise there is none', () => {
    expect(campaignTypeOf(['launch', 'Promotional'])).toBe('PROMOTIONAL');
    expect(campaignTypeOf(['NEWSLETTER'])).toBe('NEWSLETTER');
    expect(campaignTypeOf(['other', 'cat facts'])).toBeUndefined();
    expect(campaignTypeOf([])).toBeUndefined();
  });
});
