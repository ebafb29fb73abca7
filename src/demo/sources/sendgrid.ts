/**
 * SendGrid Event Webhook events of the six Single Sends, one JSON event per line (NDJSON), in time order as the
 * webhook posts them. Fields follow "Event Webhook Reference" (source-formats.md §1.2, §1.7): every event
 * carries `singlesend_id` / `singlesend_name` (the connector's campaign identity and name), `sg_event_id`
 * (unique: the dedupe key) and `sg_message_id`, except delayed bounces, which SendGrid posts without it.
 */
import { HOUR, unixSeconds } from '../format';
import { hashText } from '../random';
import type { DemoPlan, EmailCampaign, EmailMessage, Person } from '../plan';

const SENDING_IP = '167.89.64.12';
const ASM_GROUP_ID = 21417;
const HUMAN_AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148',
  'Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17328; Pro)',
  'Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)',
  'Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36',
];
/** Apple Mail Privacy Protection fetches through Apple's proxies with a bare user agent. */
const PROXY_AGENT = 'Mozilla/5.0';
const SCANNER_AGENT = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0';

type Event = Record<string, unknown> & { timestamp: number };

export function sendgridEventsNdjson(plan: DemoPlan): string {
  const templates = new Map(plan.emailCampaigns.map((campaign) => [campaign.key, `d-${[1, 2, 3, 4].map((part) => hex(hashText(`template ${part} ${campaign.externalId}`))).join('')}`]));
  const events: Event[] = [];
  for (const message of plan.emailMessages) {
    if (message.campaign.esp === 'sendgrid') events.push(...eventsOf(message, templates.get(message.campaign.key) as string));
  }
  // Stable sort: events of one message at the same second keep their causal order.
  events.sort((a, b) => a.timestamp - b.timestamp);
  return events.map((event) => JSON.stringify(event)).join('\n') + (events.length ? '\n' : '');
}

function eventsOf(message: EmailMessage, templateId: string): Event[] {
  const { campaign, person, outcome } = message;
  const messageKey = messageKeyOf(campaign, person);
  const counts = new Map<string, number>();
  const base = (event: string, at: Date, withMessageId = true): Event => {
    const n = counts.get(event) ?? 0;
    counts.set(event, n + 1);
    return {
      email: person.email,
      timestamp: unixSeconds(at),
      'smtp-id': `<${messageKey}@ismtpd0${(hashText(messageKey) % 90) + 10}p1mdw1.sendgrid.net>`,
      event,
      category: [campaign.type.toLowerCase()],
      // SendGrid's ids are base64 of "<event>-<n>-<account>-<message>-<k>" (fixture SG-SIG); unique per event.
      sg_event_id: Buffer.from(`${event}-0-19942112-${messageKey}-${n}`).toString('base64url'),
      ...(withMessageId && { sg_message_id: `${messageKey}.filterdrecv-5645d9c87f-${messageKey.slice(0, 5).toLowerCase()}-1-${(hashText(messageKey) >>> 0).toString(16).toUpperCase()}-18.0` }),
      singlesend_id: campaign.externalId,
      singlesend_name: campaign.name,
      mc_stats: 'singlesend',
      phase_id: 'send',
      template_id: templateId,
      asm_group_id: ASM_GROUP_ID,
    };
  };
  const events: Event[] = [base('processed', message.processedAt)];
  message.deferrals.forEach((deferral, attempt) => {
    events.push({ ...base('deferred', deferral.at), response: deferral.response, attempt: String(attempt + 1), ip: SENDING_IP, tls: 1 });
  });
  if (outcome.kind === 'dropped') events.push({ ...base('dropped', outcome.at), reason: outcome.reason, status: '5.0.0' });
  if (outcome.kind === 'bounced') {
    // A bounce reported hours later is asynchronous: SendGrid sends it without sg_message_id.
    const delayed = outcome.at.getTime() - message.processedAt.getTime() > HOUR;
    events.push({
      ...base('bounce', outcome.at, !delayed),
      reason: outcome.reason,
      status: outcome.status,
      type: outcome.hard ? 'bounce' : 'blocked',
      bounce_classification: outcome.classification,
      ip: SENDING_IP,
      tls: 1,
    });
  }
  if (outcome.kind === 'delivered') {
    events.push({ ...base('delivered', outcome.at), response: `250 2.0.0 OK ${unixSeconds(outcome.at)} ${messageKey.slice(0, 8).toLowerCase()} - gsmtp`, ip: SENDING_IP, tls: 1 });
  }
  const reader = readerOf(person);
  for (const open of message.opens) {
    events.push({ ...base('open', open.at), useragent: open.machine ? PROXY_AGENT : reader.agent, ip: open.machine ? '17.58.101.4' : reader.ip, sg_machine_open: open.machine, sg_content_type: 'html' });
  }
  for (const click of message.clicks) {
    const index = campaign.links.findIndex((link) => link.url === click.url);
    events.push({
      ...base('click', click.at),
      useragent: click.scanner ? SCANNER_AGENT : reader.agent,
      ip: click.scanner ? '40.94.29.36' : reader.ip,
      url: click.url,
      url_offset: { index: Math.max(0, index), type: 'html' },
      sg_content_type: 'html',
    });
  }
  if (message.unsubscribe) {
    events.push(message.unsubscribe.viaLink
      ? { ...base('group_unsubscribe', message.unsubscribe.at), useragent: reader.agent, ip: reader.ip, url: campaign.unsubscribeUrl }
      : base('unsubscribe', message.unsubscribe.at));
  }
  if (message.complainedAt) events.push(base('spamreport', message.complainedAt));
  return events;
}

/** The X-Message-Id of a send: 22 URL-safe characters, stable for (campaign, person). */
function messageKeyOf(campaign: EmailCampaign, person: Person): string {
  const words = [hashText(`${campaign.externalId} ${person.email}`), hashText(`${person.email} ${campaign.key}`), hashText(`${person.recordId}${campaign.externalId}`), hashText(person.email)];
  return Buffer.from(words.flatMap((word) => [word >>> 24, (word >>> 16) & 255, (word >>> 8) & 255, word & 255])).toString('base64url').slice(0, 22);
}

/** Each reader opens mail on one device from one address. */
function readerOf(person: Person): { agent: string; ip: string } {
  const hash = hashText(person.email);
  return { agent: HUMAN_AGENTS[hash % HUMAN_AGENTS.length], ip: `${(hash >>> 24) % 200 + 20}.${(hash >>> 16) & 255}.${(hash >>> 8) & 255}.${(hash & 255) || 1}` };
}

function hex(value: number): string {
  return (value >>> 0).toString(16).padStart(8, '0');
}
