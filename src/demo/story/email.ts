/**
 * What happens to each email: sent, deferred, delivered or bounced or dropped, then opened (by the person or
 * by Apple's privacy proxy), clicked (by the person or by a mail gateway's link scanner), unsubscribed or
 * reported as spam. The odds come from the person's segment and the campaign's multipliers.
 *
 * `MailState` carries consequences from one campaign to the next: SendGrid drops addresses on its suppression
 * list (an earlier hard bounce, unsubscribe or spam report); Mailchimp-era problems were cleaned from the list
 * before the move to SendGrid, so those people are simply not sent to again.
 */
import { DAY, HOUR, MINUTE, SECOND, addMs, toSecond } from '../format';
import type { Random } from '../random';
import type { DeliveryOutcome, EmailCampaign, EmailClick, EmailMessage, EmailOpen, LinkKind, Person, Segment } from './types';

const OPEN: Record<Segment, number> = { hot: 0.85, potential: 0.6, engaged: 0.4, low: 0.12 };
const CLICK: Record<Segment, number> = { hot: 0.5, potential: 0.28, engaged: 0.1, low: 0.012 };
const UNSUBSCRIBE: Record<Segment, number> = { hot: 0, potential: 0.001, engaged: 0.002, low: 0.005 };
const COMPLAINT: Record<Segment, number> = { hot: 0, potential: 0, engaged: 0.0003, low: 0.0012 };
const FORWARD: Record<Segment, number> = { hot: 0.04, potential: 0.02, engaged: 0.005, low: 0 };
/** Which links a segment clicks: buyers close to a deal go for prices and the quote form. */
const LINK_TASTE: Record<Segment, Record<LinkKind, number>> = {
  hot: { INQUIRY: 3, PRODUCT: 3, CASE_STUDY: 2, CONTENT: 1 },
  potential: { INQUIRY: 0.8, PRODUCT: 3, CASE_STUDY: 3, CONTENT: 2 },
  engaged: { INQUIRY: 0.3, PRODUCT: 2, CASE_STUDY: 1, CONTENT: 3 },
  low: { INQUIRY: 0.1, PRODUCT: 1, CASE_STUDY: 0.5, CONTENT: 2 },
};

const HARD_BOUNCES = [
  "550 5.1.1 The email account that you tried to reach does not exist. Please try double-checking the recipient's email address for typos or unnecessary spaces.",
  '550 5.1.1 Recipient address rejected: User unknown in virtual mailbox table',
  '550 5.1.1 Mailbox does not exist',
];
const DEFERRALS = [
  '421 4.7.0 Try again later, closing connection.',
  '451 4.3.0 Mail server temporarily rejected message.',
  '450 4.2.1 The user you are trying to contact is receiving mail at a rate that prevents additional messages from being delivered.',
];

export class MailState {
  /** SendGrid's suppression list: person index → the drop reason SendGrid gives. */
  readonly sendgridSuppressed = new Map<number, string>();
  /** People taken off every list (Mailchimp cleaned, unsubscribed or complained). */
  readonly removed = new Set<number>();
}

export function simulateEmailCampaign(random: Random, campaign: EmailCampaign, people: readonly Person[], state: MailState, now: Date): EmailMessage[] {
  const recipients = people.filter(
    (person) => person.createdAt.getTime() < campaign.sendAt.getTime() - HOUR && campaign.audience(person) && !state.removed.has(person.index),
  );
  const cutoff = now.getTime() - 10 * MINUTE;
  const messages = recipients.map((person) => simulateMessage(random, campaign, person, state));
  for (const message of messages) {
    // Nothing after `now`: a recent campaign is still collecting opens and clicks.
    message.opens = message.opens.filter((open) => open.at.getTime() <= cutoff);
    message.clicks = message.clicks.filter((click) => click.at.getTime() <= cutoff);
    if (message.unsubscribe && message.unsubscribe.at.getTime() > cutoff) message.unsubscribe = undefined;
    if (message.complainedAt && message.complainedAt.getTime() > cutoff) message.complainedAt = undefined;
  }
  return messages;
}

function simulateMessage(random: Random, campaign: EmailCampaign, person: Person, state: MailState): EmailMessage {
  const processedAt = toSecond(addMs(campaign.sendAt, random.between(0, 20) * MINUTE));
  const message: EmailMessage = { campaign, person, processedAt, deferrals: [], outcome: { kind: 'delivered', at: processedAt }, opens: [], clicks: [], forwarded: false };
  message.outcome = deliver(random, message, state);
  if (message.outcome.kind === 'delivered') engage(random, message, state);
  return message;
}

function deliver(random: Random, message: EmailMessage, state: MailState): DeliveryOutcome {
  const { campaign, person, processedAt } = message;
  const at = (ms: number) => toSecond(addMs(processedAt, ms));
  const suppressed = campaign.esp === 'sendgrid' ? state.sendgridSuppressed.get(person.index) : undefined;
  if (suppressed) return { kind: 'dropped', at: at(random.between(0, 1) * SECOND), reason: suppressed };
  if (person.invalidMailbox) {
    remember(campaign, person, state, 'Bounced Address');
    return { kind: 'bounced', hard: true, at: at(random.between(2, 30) * SECOND), reason: random.pick(HARD_BOUNCES), status: '5.1.1', classification: 'Invalid Address' };
  }
  if (random.chance(campaign.softBounceRate * (person.legacyList ? 4 : 1))) {
    let last = processedAt;
    if (random.chance(0.6)) message.deferrals.push({ at: (last = at(random.between(5, 60) * SECOND)), response: random.pick(DEFERRALS) });
    const bounceAt = toSecond(addMs(last, random.between(1, 8) * HOUR));
    if (campaign.key.startsWith('launch') && random.chance(0.5)) {
      return { kind: 'bounced', hard: false, at: bounceAt, reason: '550 5.7.1 Service unavailable; client host [167.89.64.12] blocked using Spamhaus', status: '5.7.1', classification: 'Reputation' };
    }
    return { kind: 'bounced', hard: false, at: bounceAt, reason: '452 4.2.2 The email account that you tried to reach is over quota.', status: '4.2.2', classification: 'Mailbox Unavailable' };
  }
  if (random.chance(person.legacyList ? 0.1 : 0.03)) {
    const deferredAt = at(random.between(5, 60) * SECOND);
    message.deferrals.push({ at: deferredAt, response: random.pick(DEFERRALS) });
    return { kind: 'delivered', at: toSecond(addMs(deferredAt, random.between(10, 120) * MINUTE)) };
  }
  return { kind: 'delivered', at: at(random.between(1, 25) * SECOND) };
}

function engage(random: Random, message: EmailMessage, state: MailState): void {
  const { campaign, person } = message;
  const segment = person.segment;
  const deliveredAt = message.outcome.at;
  const after = (from: Date, ms: number) => toSecond(addMs(from, ms));
  const opens: EmailOpen[] = [];
  if (person.machineOpener) opens.push({ at: after(deliveredAt, random.between(20, 720) * SECOND), machine: true });
  let firstOpen = random.chance(Math.min(0.97, OPEN[segment] * campaign.openFactor))
    ? after(deliveredAt, Math.min(6 * DAY, random.logNormal(2.5 * HOUR, 1.3)))
    : undefined;
  const clicks: EmailClick[] = [];
  // A gateway scanner follows every link a second after delivery; only SendGrid's delivered time reveals it.
  if (person.linkScanner && campaign.esp === 'sendgrid') {
    for (const link of campaign.links) clicks.push({ at: after(deliveredAt, SECOND), url: link.url, kind: link.kind, scanner: true });
  }
  if (random.chance(Math.min(0.95, CLICK[segment] * campaign.clickFactor))) {
    if (!firstOpen && random.chance(0.85)) firstOpen = after(deliveredAt, Math.min(5 * DAY, random.logNormal(3 * HOUR, 1.2)));
    let clickAt = firstOpen ? after(firstOpen, random.between(8, 360) * SECOND) : after(deliveredAt, Math.min(5 * DAY, random.logNormal(3 * HOUR, 1.2)));
    const count = 1 + (segment === 'hot' ? random.int(0, 3) : segment === 'potential' ? random.int(0, 2) : random.chance(0.3) ? 1 : 0);
    const taste = campaign.links.map((link) => [link, LINK_TASTE[segment][link.kind]] as const);
    for (let n = 0; n < count; n++) {
      const link = random.weighted(taste);
      clicks.push({ at: clickAt, url: link.url, kind: link.kind, scanner: false });
      clickAt = after(clickAt, random.between(20, 600) * SECOND);
    }
  }
  if (firstOpen) {
    opens.push({ at: firstOpen, machine: false });
    const again = segment === 'hot' ? random.int(0, 3) : segment === 'potential' ? random.int(0, 2) : random.chance(0.2) ? 1 : 0;
    let reopen = firstOpen;
    for (let n = 0; n < again; n++) opens.push({ at: (reopen = after(reopen, random.logNormal(DAY, 1))), machine: false });
  }
  if (random.chance(UNSUBSCRIBE[segment] * campaign.unsubscribeFactor)) {
    const at = after(firstOpen ?? deliveredAt, random.between(30, 600) * SECOND);
    const viaLink = random.chance(0.65);
    if (viaLink) clicks.push({ at: after(at, -4 * SECOND), url: campaign.unsubscribeUrl, kind: 'UNSUBSCRIBE', scanner: false });
    message.unsubscribe = { at, viaLink };
    remember(campaign, person, state, 'Unsubscribed Address');
  }
  if (random.chance(COMPLAINT[segment] * campaign.unsubscribeFactor)) {
    message.complainedAt = after(deliveredAt, random.logNormal(5 * HOUR, 1));
    remember(campaign, person, state, 'Spam Reporting Address');
  }
  message.forwarded = campaign.esp === 'mailchimp' && random.chance(FORWARD[segment]);
  message.opens = opens.sort((a, b) => a.at.getTime() - b.at.getTime());
  message.clicks = clicks.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** SendGrid suppresses the address for later sends; Mailchimp-era problems take the person off the lists. */
function remember(campaign: EmailCampaign, person: Person, state: MailState, reason: string): void {
  if (campaign.esp === 'mailchimp') state.removed.add(person.index);
  else if (!state.sendgridSuppressed.has(person.index)) state.sendgridSuppressed.set(person.index, reason);
}
