/** Fixtures: see fixtures/README.md (§2.5 fields, laid out like a recorded live email-activity response). */
import { emailActivityKind } from '../../../src/connectors/mailchimp/email-activity';
import { memberIdOf } from '../../../src/connectors/mailchimp/identity';
import { activitySourceEventId } from '../../../src/connectors/mailchimp/map';
import { ofKind, parseFixture, recordsOf, rejectionsOf } from './helpers';

const API = { externalId: '6def22f266be37015519943ce0c3ae6b', email: 'api@mailchimp.com' };
const UNSUB = { externalId: '0223b07eff35384a5ee66de38d962c8e', email: 'API+Unsub@MailChimp.com' };
const CLEANED = { externalId: '6ed3fc5c7e6e22ed59363f3633342759', email: 'api+cleaned@mailchimp.com' };
const SILENT = { externalId: '7daf6c79d4802916d83f6266e24850af', email: 'mail@example.com' };

describe('mailchimp email activity', () => {
  it('uses the MD5 of the lower-cased email as the member id', () => {
    // The id Mailchimp itself gave the MC-MEMBER fixture's address.
    expect(memberIdOf('testid3039@grouparoo.com')).toBe('b0149f75fe84c92d0dec9a0b13e6960b');
    expect(memberIdOf(' API+Unsub@MailChimp.com ')).toBe(UNSUB.externalId);
    expect(memberIdOf('api@mailchimp.com')).toBe(API.externalId);
  });

  it('yields a message for every listed member, even one with no activity', async () => {
    const outputs = await parseFixture(emailActivityKind, 'email-activity.json');
    expect(outputs.map((output) => output.line)).toEqual([3, 65, 104, 138]);
    expect(ofKind(recordsOf(outputs), 'message')).toEqual([API, UNSUB, CLEANED, SILENT].map((contact) => ({
      kind: 'message',
      campaignExternalId: '42694e9e57',
      contact,
      channel: 'EMAIL',
      deliveredUnlessBounced: true,
    })));
  });

  it('maps open, click and bounce to OPENED, CLICKED and BOUNCED, matching the report totals', async () => {
    const events = ofKind(recordsOf(await parseFixture(emailActivityKind, 'email-activity.json')), 'event');
    expect(events).toHaveLength(9);
    // reports-list.json for 42694e9e57: opens_total 5, clicks_total 3, hard_bounces 1
    expect(events.filter((event) => event.type === 'OPENED')).toHaveLength(5);
    expect(events.filter((event) => event.type === 'CLICKED')).toHaveLength(3);
    expect(events.filter((event) => event.type === 'BOUNCED')).toHaveLength(1);
    expect(events.some((event) => event.type === 'SENT' || event.type === 'DELIVERED')).toBe(false);
  });

  it('gives each event the documented composite sourceEventId, the url of a click and the kind of a bounce', async () => {
    const events = ofKind(recordsOf(await parseFixture(emailActivityKind, 'email-activity.json')), 'event');
    expect(events[1]).toEqual({
      kind: 'event',
      sourceEventId: '42694e9e57|6def22f266be37015519943ce0c3ae6b|click|2009-03-27T14:05:31.000Z|https://example.com/pricing',
      type: 'CLICKED',
      occurredAt: new Date('2009-03-27T14:05:31Z'),
      contact: API,
      campaignExternalId: '42694e9e57',
      channel: 'EMAIL',
      url: 'https://example.com/pricing',
      payload: { action: 'click', timestamp: '2009-03-27T14:05:31+00:00', url: 'https://example.com/pricing', ip: '10.20.10.30' },
    });
    expect(events.find((event) => event.type === 'BOUNCED')).toEqual({
      kind: 'event',
      sourceEventId: '42694e9e57|6ed3fc5c7e6e22ed59363f3633342759|bounce|2009-03-27T14:00:03.000Z|',
      type: 'BOUNCED',
      occurredAt: new Date('2009-03-27T14:00:03Z'),
      contact: CLEANED,
      campaignExternalId: '42694e9e57',
      channel: 'EMAIL',
      bounceKind: 'HARD',
      payload: { action: 'bounce', type: 'hard', timestamp: '2009-03-27T14:00:03+00:00' },
    });
    expect(events[0].sourceEventId).toBe(activitySourceEventId('42694e9e57', API.externalId, 'open', new Date('2009-03-27T14:05:10Z')));
  });

  it('keeps two identical clicks in the same second as two events with distinct keys', async () => {
    const events = ofKind(recordsOf(await parseFixture(emailActivityKind, 'email-activity.json')), 'event');
    const ids = events.map((event) => event.sourceEventId);
    expect(new Set(ids).size).toBe(9);
    expect(ids[2]).toBe('42694e9e57|6def22f266be37015519943ce0c3ae6b|click|2009-03-27T14:05:31.000Z|https://example.com/pricing|#2');
  });

  it('gives the same keys when the same activity is re-imported as saved pages, one per line', async () => {
    const whole = recordsOf(await parseFixture(emailActivityKind, 'email-activity.json'));
    const pages = await parseFixture(emailActivityKind, 'email-activity-pages.ndjson');
    expect(pages.map((output) => output.line)).toEqual([1, 1, 2, 2]);
    expect(recordsOf(pages)).toEqual(whole);
  });

  it('rejects an unknown action, a bad timestamp, a bounce without type and a mismatched member id, keeping the good activity', async () => {
    const outputs = await parseFixture(emailActivityKind, 'email-activity-bad.json');
    expect(recordsOf(outputs)).toEqual([
      { kind: 'message', campaignExternalId: '42694e9e57', contact: API, channel: 'EMAIL', deliveredUnlessBounced: true },
      expect.objectContaining({ kind: 'event', type: 'OPENED', occurredAt: new Date('2009-03-27T14:05:10Z') }),
    ]);
    expect(rejectionsOf(outputs).map(({ line, field, reason }) => ({ line, field, reason }))).toEqual([
      { line: 3, field: 'activity[1].action', reason: 'unknown email activity "action" "unsub" (expected "open", "click" or "bounce")' },
      { line: 3, field: 'activity[2].timestamp', reason: '"activity[2].timestamp" is not an ISO 8601 date-time (got "yesterday")' },
      { line: 3, field: 'activity[3].type', reason: 'a bounce\'s "type" should be "hard" or "soft" (got null)' },
      {
        line: 51,
        field: 'email_id',
        reason:
          '"email_id" "cacfa61e4830690f84781550a992c088" is not the MD5 of the lower-cased "email_address" "api+unsub@mailchimp.com" (expected 0223b07eff35384a5ee66de38d962c8e); the file was edited or mixes two members',
      },
      { line: 79, field: 'campaign_id', reason: '"campaign_id" is missing' },
    ]);
    // An activity's rejection shows that activity, not the whole member.
    expect(rejectionsOf(outputs)[0].raw).toBe('{"action":"unsub","timestamp":"2009-03-27T14:06:00+00:00","ip":"10.20.10.30"}');
  });

  it('keeps the members before a truncation and rejects the cut one', async () => {
    const outputs = await parseFixture(emailActivityKind, 'email-activity-truncated.json');
    expect(ofKind(recordsOf(outputs), 'message').map((message) => message.contact)).toEqual([API, UNSUB]);
    expect(rejectionsOf(outputs).map(({ line, reason }) => ({ line, reason }))).toEqual([
      { line: 104, reason: 'truncated JSON: the file ends inside this element of "emails"' },
    ]);
  });

  it('refuses empty, binary and non-activity files', async () => {
    await expect(parseFixture(emailActivityKind, 'empty.json')).rejects.toThrow('empty.json: the file is empty');
    await expect(parseFixture(emailActivityKind, 'members_export_a6b5da1054.zip')).rejects.toThrow(
      'members_export_a6b5da1054.zip line 1: this is a binary file, not a text export (found a NUL byte); export the data as CSV or JSON',
    );
    await expect(parseFixture(emailActivityKind, 'reports-single.json')).rejects.toThrow(
      'reports-single.json line 1: expected a Mailchimp email-activity response: {"emails":[…]} from GET /reports/{campaign_id}/email-activity; found an object with keys "id", "campaign_title", "type", "list_id", "list_is_active", "list_name"',
    );
  });
});
