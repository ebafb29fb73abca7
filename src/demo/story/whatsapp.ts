/**
 * The WhatsApp broadcasts: each opted-in number gets the template; Meta reports sent, delivered, read or
 * failed, and some people answer — with text or the template's quick-reply button. A "STOP" takes the number
 * off later broadcasts. A few people also write in on their own (inquiries that answer no broadcast).
 */
import { DAY, HOUR, MINUTE, SECOND, addMs, toSecond } from '../format';
import type { Random } from '../random';
import { WINDOW_DAYS } from './people';
import type { Person, Segment, WhatsAppCampaign, WhatsAppInquiry, WhatsAppMessage } from './types';

const READ: Record<Segment, number> = { hot: 0.92, potential: 0.8, engaged: 0.65, low: 0.4 };
const REPLY: Record<Segment, number> = { hot: 0.7, potential: 0.25, engaged: 0.08, low: 0.03 };

/** Cloud API error codes a marketing template meets (Meta, "Error codes"). */
const FAILURES = [
  { code: 131026, title: 'Message undeliverable', details: 'Unable to deliver message. Reasons can include: the recipient phone number is not a WhatsApp phone number.' },
  { code: 131049, title: 'This message was not delivered to maintain healthy ecosystem engagement.', details: 'In order to maintain a healthy ecosystem engagement, the message failed to be delivered.' },
];

const INQUIRIES = [
  'Hi, do you ship DN100 gate valves to {country}? What is the lead time?',
  'Hello, I got your number from the website. Can you send the stainless fittings price list?',
  'Good morning, we need 200 butterfly valves DN150, can you quote FOB?',
  'Do you have a distributor in {country}?',
];

export class WhatsAppState {
  readonly optedOut = new Set<number>();
  readonly wamids = new Set<string>();
}

/**
 * A wamid shaped like Meta's: base64 of the recipient's number and a 20-character hex message key
 * (e.g. "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA=").
 */
export function wamid(random: Random, waId: string, taken: Set<string>): string {
  for (;;) {
    const key = random.hex(20).toUpperCase();
    const bytes = Buffer.concat([Buffer.from([0x1c, 0x18, waId.length]), Buffer.from(waId), Buffer.from([0x15, 0x02, 0x00, 0x12, 0x18, 0x14]), Buffer.from(key), Buffer.from([0x00])]);
    const id = `wamid.${bytes.toString('base64')}`;
    if (taken.has(id)) continue;
    taken.add(id);
    return id;
  }
}

export function simulateWhatsAppCampaign(random: Random, campaign: WhatsAppCampaign, people: readonly Person[], state: WhatsAppState, now: Date): WhatsAppMessage[] {
  const cutoff = now.getTime() - 10 * MINUTE;
  const inTime = (date: Date | undefined) => (date && date.getTime() <= cutoff ? date : undefined);
  const recipients = people.filter(
    (person) => person.waId && person.createdAt.getTime() < campaign.sendAt.getTime() - HOUR && campaign.audience(person) && !state.optedOut.has(person.index),
  );
  return recipients.map((person) => {
    const waId = person.waId as string;
    const message: WhatsAppMessage = { campaign, person, wamid: wamid(random, waId, state.wamids) };
    const sentAt = toSecond(addMs(campaign.sendAt, random.between(0, 10) * MINUTE));
    message.sentAt = inTime(sentAt);
    if (random.chance(0.035)) {
      message.failed = { at: toSecond(addMs(sentAt, random.between(1, 5) * SECOND)), ...random.pick(FAILURES) };
      return message;
    }
    const deliveredAt = toSecond(addMs(sentAt, random.chance(0.85) ? random.between(2, 90) * SECOND : random.logNormal(3 * HOUR, 1)));
    message.deliveredAt = inTime(deliveredAt);
    if (!message.deliveredAt || !random.chance(READ[person.segment])) return message;
    message.readAt = inTime(toSecond(addMs(deliveredAt, Math.min(3 * DAY, random.logNormal(40 * MINUTE, 1.5)))));
    if (!message.readAt || !random.chance(REPLY[person.segment])) return message;
    const replyAt = inTime(toSecond(addMs(message.readAt, random.between(1, 30) * MINUTE)));
    if (!replyAt) return message;
    const stop = person.segment === 'low' && random.chance(0.4);
    const button = !stop && random.chance(0.3);
    const text = stop ? 'STOP' : button ? campaign.button : random.pick(campaign.replies);
    if (stop) state.optedOut.add(person.index);
    message.reply = { at: replyAt, wamid: wamid(random, waId, state.wamids), text, button };
    return message;
  });
}

/** Messages that answer no broadcast: hot and potential buyers writing in from the site's WhatsApp button. */
export function simulateInquiries(random: Random, people: readonly Person[], state: WhatsAppState, now: Date): WhatsAppInquiry[] {
  const writers = people.filter((person) => person.waId && (person.segment === 'hot' || person.segment === 'potential') && random.chance(0.08));
  return writers.flatMap((person) => {
    const earliest = Math.max(person.createdAt.getTime(), now.getTime() - WINDOW_DAYS * DAY);
    const at = toSecond(new Date(random.between(earliest, now.getTime() - HOUR)));
    const text = random.pick(INQUIRIES).replace('{country}', person.country);
    return [{ person, at, wamid: wamid(random, person.waId as string, state.wamids), text }];
  });
}
