/**
 * Webhook signature checks against the vendors' official test vectors (../shared/reference/source-formats.md),
 * and against real keys generated here for the forged, replayed and stale cases.
 */
import { createHmac, generateKeyPairSync, sign } from 'node:crypto';
import {
  checkHubspotSignature,
  checkMetaSignature,
  checkPathSecret,
  checkSendgridSignature,
  hubspotSignature,
} from '../../../src/connectors/sdk/webhook-signatures';
import { parseWebhookPublicKey } from '../../../src/services/connectors/settings';

// SendGrid's own vectors (sendgrid-nodejs eventwebhook.spec.js), verbatim.
const SG_PUBLIC_KEY = 'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE83T4O/n84iotIvIW4mdBgQ/7dAfSmpqIM8kF9mN1flpVKS3GRqe62gw+2fNNRaINXvVpiglSI8eNEc6wEA3F+g==';
const SG_SIGNATURE = 'MEUCIGHQVtGj+Y3LkG9fLcxf3qfI10QysgDWmMOVmxG0u6ZUAiEAyBiXDWzM+uOe5W0JuG+luQAbPIqHh89M15TluLtEZtM=';
const SG_TIMESTAMP = '1600112502';
const SG_PAYLOAD = JSON.stringify([{
  email: 'hello@world.com', event: 'dropped', reason: 'Bounced Address', sg_event_id: 'ZHJvcC0xMDk5NDkxOS1MUnpYbF9OSFN0T0doUTRrb2ZTbV9BLTA',
  sg_message_id: 'LRzXl_NHStOGhQ4kofSm_A.filterdrecv-p3mdw1-756b745b58-kmzbl-18-5F5FC76C-9.0', 'smtp-id': '<LRzXl_NHStOGhQ4kofSm_A@ismtpd0039p1iad1.sendgrid.net>', timestamp: 1600112492,
}]) + '\r\n';
const SG_PUBLIC_KEY_MULTIPLE = 'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEQ4LIFtWztlsF7skFqOncjD1lun4H5w8XOhyOArHW9RcIx/FfEzx6cikC/yPfUvwaX/JScE7Fc9CJD2afQ9Ok3Q==';
const SG_SIGNATURE_MULTIPLE = 'MEYCIQC/I4o6vCgqRYrTljjoVWB/GRWNtxeePlLMHr3x9ETeRQIhAIpV+03nREPTTHWSW0wIOA0EoMPdcNgXa70yCaqDJlu5';
const SG_TIMESTAMP_MULTIPLE = '1619651159';
const SG_PAYLOAD_MULTIPLE = JSON.stringify([
  { email: 'invalid@gmail.com', event: 'processed', send_at: 0, sg_event_id: 'cHJvY2Vzc2VkLTE5OTQyMTEyLXFOd0JMZ1BRUWpXNkRKdktRd1NBYnctMA', sg_message_id: 'qNwBLgPQQjW6DJvKQwSAbw.filterdrecv-canary-547b64655b-cw6zx-1-6089EA4A-56.0', 'smtp-id': '<qNwBLgPQQjW6DJvKQwSAbw@ismtpd0178p1mdw1.sendgrid.net>', timestamp: 1619651146 },
  { email: 'invalid@gmail.com', event: 'bounce', ip: '167.89.101.76', reason: '552 5.2.2 The email account that you tried to reach is over quota and inactive. Please direct the recipient to https://support.google.com/mail/?p=OverQuotaPerm c17si1130468pgv.34 - gsmtp', sg_event_id: 'Ym91bmNlLTAtMTk5NDIxMTItcU53QkxnUFFRalc2REp2S1F3U0Fidy0w', sg_message_id: 'qNwBLgPQQjW6DJvKQwSAbw.filterdrecv-canary-547b64655b-cw6zx-1-6089EA4A-56.0', 'smtp-id': '<qNwBLgPQQjW6DJvKQwSAbw@ismtpd0178p1mdw1.sendgrid.net>', status: '5.2.2', timestamp: 1619651147, tls: 1, type: 'blocked' },
]).split('},{').join('},\r\n{') + '\r\n';

const at = (seconds: string) => new Date(Number(seconds) * 1000 + 30_000);

describe('SendGrid Signed Event Webhook', () => {
  it('verifies both official vectors over the raw bytes, and only with their trailing CRLF', () => {
    const key = parseWebhookPublicKey(SG_PUBLIC_KEY);
    expect(checkSendgridSignature(key, Buffer.from(SG_PAYLOAD), SG_SIGNATURE, SG_TIMESTAMP, at(SG_TIMESTAMP))).toEqual({ ok: true });
    expect(checkSendgridSignature(parseWebhookPublicKey(SG_PUBLIC_KEY_MULTIPLE), Buffer.from(SG_PAYLOAD_MULTIPLE), SG_SIGNATURE_MULTIPLE, SG_TIMESTAMP_MULTIPLE, at(SG_TIMESTAMP_MULTIPLE))).toEqual({ ok: true });
    expect(checkSendgridSignature(key, Buffer.from(SG_PAYLOAD.trimEnd()), SG_SIGNATURE, SG_TIMESTAMP, at(SG_TIMESTAMP)).ok).toBe(false);
    // Re-serialised JSON is not what was signed.
    expect(checkSendgridSignature(key, Buffer.from(JSON.stringify(JSON.parse(SG_PAYLOAD), null, 1)), SG_SIGNATURE, SG_TIMESTAMP, at(SG_TIMESTAMP)).ok).toBe(false);
  });

  it('refuses a forged body, another key, a missing header and a stale timestamp', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const body = Buffer.from('[{"event":"open","sg_event_id":"x"}]\r\n');
    const timestamp = '1700000000';
    const signature = sign('sha256', Buffer.concat([Buffer.from(timestamp), body]), privateKey).toString('base64');
    const now = new Date(1_700_000_060_000);
    expect(checkSendgridSignature(publicKey, body, signature, timestamp, now)).toEqual({ ok: true });
    expect(checkSendgridSignature(publicKey, Buffer.from('[{"event":"open","sg_event_id":"y"}]\r\n'), signature, timestamp, now)).toMatchObject({ ok: false, reason: expect.stringMatching(/does not match/) });
    expect(checkSendgridSignature(parseWebhookPublicKey(SG_PUBLIC_KEY), body, signature, timestamp, now).ok).toBe(false);
    expect(checkSendgridSignature(publicKey, body, undefined, timestamp, now)).toMatchObject({ ok: false, reason: expect.stringMatching(/missing/) });
    expect(checkSendgridSignature(publicKey, body, signature, timestamp, new Date(1_700_000_000_000 + 6 * 60_000))).toMatchObject({ ok: false, reason: expect.stringMatching(/5 minutes/) });
    expect(checkSendgridSignature(publicKey, body, 'not base64 at all!', timestamp, now).ok).toBe(false);
  });
});

describe('HubSpot X-HubSpot-Signature-v3', () => {
  const secret = 'yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy';
  const body = Buffer.from('{"example_field":"example_value"}');

  it('matches the reference vector and accepts it within 5 minutes', () => {
    expect(hubspotSignature(secret, 'POST', 'https://www.example.com/webhook_uri', body, '1700000000000')).toBe('rQEKkaNUiu+1qGF//O/pw4BCzstSqO1PyUnGICmf+7o=');
    const request = { method: 'POST', uri: 'https://www.example.com/webhook_uri', rawBody: body, signature: 'rQEKkaNUiu+1qGF//O/pw4BCzstSqO1PyUnGICmf+7o=', timestamp: '1700000000000' };
    expect(checkHubspotSignature(secret, request, new Date(1_700_000_000_000 + 299_000))).toEqual({ ok: true });
    expect(checkHubspotSignature(secret, request, new Date(1_700_000_000_000 + 301_000))).toMatchObject({ ok: false, reason: expect.stringMatching(/older than 5 minutes/) });
    expect(checkHubspotSignature(secret, { ...request, uri: 'https://www.example.com/other' }, new Date(1_700_000_000_000)).ok).toBe(false);
    expect(checkHubspotSignature('another-secret', request, new Date(1_700_000_000_000)).ok).toBe(false);
  });

  it('decodes the listed percent-escapes of the URI before signing', () => {
    const encoded = hubspotSignature(secret, 'POST', 'https://h.example/hook?x=a%3Ab%40c', body, '1');
    expect(encoded).toBe(hubspotSignature(secret, 'POST', 'https://h.example/hook?x=a:b@c', body, '1'));
  });
});

describe('WhatsApp X-Hub-Signature-256', () => {
  it('matches the reference vector and refuses a forged one', () => {
    const body = Buffer.from('{"object":"whatsapp_business_account","entry":[]}');
    expect(checkMetaSignature('test_app_secret', body, 'sha256=dec6a680679a968e7e0319355b23599cbfc54502c0784668e9618baa0c633756')).toEqual({ ok: true });
    const forged = createHmac('sha256', 'wrong').update(body).digest('hex');
    expect(checkMetaSignature('test_app_secret', body, `sha256=${forged}`).ok).toBe(false);
    expect(checkMetaSignature('test_app_secret', body, undefined)).toMatchObject({ ok: false, reason: expect.stringMatching(/missing/) });
    expect(checkMetaSignature('test_app_secret', body, 'dec6a680679a968e7e0319355b23599cbfc54502c0784668e9618baa0c633756').ok).toBe(false);
  });
});

describe('Mailchimp path secret', () => {
  it('compares the URL secret exactly', () => {
    expect(checkPathSecret('s3cret-value', 's3cret-value')).toEqual({ ok: true });
    expect(checkPathSecret('s3cret-value', 's3cret-valuE').ok).toBe(false);
    expect(checkPathSecret('s3cret-value', undefined).ok).toBe(false);
  });
});
