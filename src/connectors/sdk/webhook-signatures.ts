/**
 * Webhook signature checks of the vendors, over the raw request bytes (never re-serialised JSON: SendGrid's own
 * test vectors verify only with their trailing CRLF). Pure functions of the request and the secret; each says why
 * a request is refused, and compares in constant time. Reference: ../shared/reference/source-formats.md.
 */
import { createHmac, timingSafeEqual, verify, type KeyObject } from 'node:crypto';

export type SignatureCheck = { ok: true } | { ok: false; reason: string };

const ok: SignatureCheck = { ok: true };
const refuse = (reason: string): SignatureCheck => ({ ok: false, reason });

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Replays older (or further in the future) than this are refused where the vendor signs a timestamp. */
export const MAX_SIGNATURE_AGE_MS = 5 * 60_000;

/** SendGrid Signed Event Webhook: ECDSA P-256 / SHA-256 over timestamp + raw body (timestamp in Unix seconds). */
export function checkSendgridSignature(publicKey: KeyObject, rawBody: Buffer, signature: string | undefined, timestamp: string | undefined, now: Date): SignatureCheck {
  if (!signature || !timestamp) return refuse('missing X-Twilio-Email-Event-Webhook-Signature or -Timestamp header');
  if (!/^\d{1,12}$/.test(timestamp)) return refuse('X-Twilio-Email-Event-Webhook-Timestamp is not Unix seconds');
  if (Math.abs(now.getTime() - Number(timestamp) * 1000) > MAX_SIGNATURE_AGE_MS) return refuse('the signed timestamp is more than 5 minutes away from now (a replay?)');
  let valid = false;
  try {
    valid = verify('sha256', Buffer.concat([Buffer.from(timestamp, 'utf8'), rawBody]), publicKey, Buffer.from(signature, 'base64'));
  } catch {
    valid = false;
  }
  return valid ? ok : refuse('the signature does not match the body and timestamp');
}

/**
 * HubSpot v3: base64 HMAC-SHA256(client secret, method + URI + raw body + timestamp), timestamp in ms; the URI is
 * the full public URL HubSpot called, with the listed percent-escapes decoded.
 */
export function checkHubspotSignature(
  clientSecret: string,
  request: { method: string; uri: string; rawBody: Buffer; signature?: string; timestamp?: string },
  now: Date,
): SignatureCheck {
  const { signature, timestamp } = request;
  if (!signature || !timestamp) return refuse('missing X-HubSpot-Signature-v3 or X-HubSpot-Request-Timestamp header');
  if (!/^\d{1,15}$/.test(timestamp)) return refuse('X-HubSpot-Request-Timestamp is not milliseconds since the epoch');
  if (Math.abs(now.getTime() - Number(timestamp)) > MAX_SIGNATURE_AGE_MS) return refuse('the request timestamp is older than 5 minutes (a replay?)');
  const expected = hubspotSignature(clientSecret, request.method, request.uri, request.rawBody, timestamp);
  return sameText(expected, signature) ? ok : refuse('the signature does not match the request');
}

const HUBSPOT_DECODED: Record<string, string> = {
  '%3A': ':', '%2F': '/', '%3F': '?', '%40': '@', '%21': '!', '%24': '$', '%27': "'", '%28': '(', '%29': ')', '%2A': '*', '%2C': ',', '%3B': ';',
};

export function hubspotSignature(clientSecret: string, method: string, uri: string, rawBody: Buffer, timestamp: string): string {
  const decodedUri = uri.replace(/%(3A|2F|3F|40|21|24|27|28|29|2A|2C|3B)/gi, (escape) => HUBSPOT_DECODED[escape.toUpperCase()]);
  return createHmac('sha256', clientSecret).update(Buffer.concat([Buffer.from(`${method.toUpperCase()}${decodedUri}`, 'utf8'), rawBody, Buffer.from(timestamp, 'utf8')])).digest('base64');
}

/** WhatsApp Cloud API (Meta): X-Hub-Signature-256 = "sha256=" + hex HMAC-SHA256(app secret, raw body). */
export function checkMetaSignature(appSecret: string, rawBody: Buffer, header: string | undefined): SignatureCheck {
  if (!header) return refuse('missing X-Hub-Signature-256 header');
  if (!header.startsWith('sha256=')) return refuse('X-Hub-Signature-256 must start with sha256=');
  const expected = createHmac('sha256', appSecret).update(rawBody).digest('hex');
  return sameText(expected, header.slice('sha256='.length).toLowerCase()) ? ok : refuse('the signature does not match the body');
}

/** Mailchimp puts the shared secret in the webhook URL's path. */
export function checkPathSecret(expected: string, given: string | undefined): SignatureCheck {
  return given && sameText(expected, given) ? ok : refuse('the secret in the URL does not match');
}
