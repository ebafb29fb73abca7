/**
 * Generates SendGrid Event Webhook events (the documented field set) for tests and benchmarks: per message a
 * processed and delivered event, and with fixed odds opens (some machine), clicks, bounces and unsubscribes.
 * Deterministic for a seed (mulberry32), so two runs write the same bytes.
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const URLS = ['https://shop.example.com/products/valve-x', 'https://example.com/case-studies/acme', 'https://example.com/contact', 'https://example.com/blog/how-to'];

export interface SendgridEventOptions {
  events: number;
  contacts?: number;
  campaigns?: number;
  seed?: number;
  start?: Date;
}

/** Yields NDJSON lines (without newline) until `events` events are written. */
export function* sendgridEventLines(options: SendgridEventOptions): Generator<string> {
  const random = mulberry32(options.seed ?? 7);
  const contacts = options.contacts ?? Math.max(10, Math.floor(options.events / 12));
  const campaigns = options.campaigns ?? 20;
  const start = (options.start ?? new Date('2026-01-05T09:00:00Z')).getTime() / 1000;
  let written = 0;
  let message = 0;
  while (written < options.events) {
    const campaign = message % campaigns;
    const contact = Math.floor(random() * contacts);
    const email = `person${contact}@example.org`;
    const sent = Math.floor(start + campaign * 86400 + random() * 3600);
    const messageId = `msg${message}.filter0001.${campaign}`;
    const base = { email, sg_message_id: messageId, singlesend_id: `ss-${campaign}`, category: ['newsletter'], campaign_name: `Campaign ${campaign}` };
    const events: object[] = [{ ...base, event: 'processed', timestamp: sent }];
    const roll = random();
    if (roll < 0.02) events.push({ ...base, event: 'bounce', type: 'bounce', bounce_classification: 'Invalid Address', reason: '550 5.1.1 unknown user', timestamp: sent + 5 });
    else if (roll < 0.04) events.push({ ...base, event: 'bounce', type: 'blocked', bounce_classification: 'Reputation', reason: '421 try later', timestamp: sent + 5 });
    else {
      events.push({ ...base, event: 'delivered', timestamp: sent + 3, response: '250 OK' });
      if (random() < 0.35) events.push({ ...base, event: 'open', sg_machine_open: random() < 0.3, timestamp: sent + 600 + Math.floor(random() * 7200) });
      if (random() < 0.1) events.push({ ...base, event: 'click', url: URLS[Math.floor(random() * URLS.length)], timestamp: sent + 900 + Math.floor(random() * 7200) });
      if (random() < 0.005) events.push({ ...base, event: 'unsubscribe', timestamp: sent + 1000 });
    }
    for (const event of events) {
      if (written >= options.events) break;
      yield JSON.stringify({ ...event, sg_event_id: `ev-${options.seed ?? 7}-${written}` });
      written++;
    }
    message++;
  }
}
