/**
 * What Northwind Export Co. sent in the 120 days: two Mailchimp campaigns before the move to SendGrid, six
 * SendGrid Single Sends of different types (one to the whole database including an old trade-fair list: the
 * visible bounce problem) and two WhatsApp broadcasts. Send days count back from `now`.
 */
import { DAY, HOUR, MONTH_NAMES, addMs, isoDay, startOfUtcDay } from '../format';
import type { Random } from '../random';
import type { CampaignLink, EmailCampaign, LinkKind, Person, Stage, WhatsAppCampaign } from './types';

export const SITE = 'https://www.northwind-export.example';

const PAGES: Record<string, [string, LinkKind]> = {
  ballValves: ['/products/ball-valves', 'PRODUCT'],
  butterflyValves: ['/products/butterfly-valves', 'PRODUCT'],
  fittings: ['/products/pipe-fittings', 'PRODUCT'],
  catalogue: ['/products/catalogue', 'PRODUCT'],
  priceList: ['/pricing/fob-price-list', 'PRODUCT'],
  oman: ['/case-studies/desalination-plant-oman', 'CASE_STUDY'],
  brewery: ['/case-studies/brewery-retrofit-bavaria', 'CASE_STUDY'],
  mining: ['/case-studies/mining-slurry-chile', 'CASE_STUDY'],
  quote: ['/quote', 'INQUIRY'],
  contact: ['/contact', 'INQUIRY'],
  maintenance: ['/blog/valve-maintenance-checklist', 'CONTENT'],
  incoterms: ['/blog/incoterms-explained', 'CONTENT'],
  materials: ['/guides/material-selection', 'CONTENT'],
  leadTimes: ['/blog/lead-times-next-quarter', 'CONTENT'],
};

/** Links with UTM tags, as the mail's HTML has them (the campaign keys avoid words the link rules look for). */
function links(esp: string, key: string, pages: Array<keyof typeof PAGES>): CampaignLink[] {
  return pages.map((page) => ({ url: `${SITE}${PAGES[page][0]}?utm_source=${esp}&utm_medium=email&utm_campaign=${key}`, kind: PAGES[page][1] }));
}

const sendDay = (now: Date, daysBack: number, hour: number) => addMs(startOfUtcDay(now), -daysBack * DAY + hour * HOUR);
const monthOf = (date: Date) => `${MONTH_NAMES[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
const inStages = (...stages: Stage[]) => (person: Person) => !person.legacyList && stages.includes(person.stage);
const current = (person: Person) => !person.legacyList;

/** The SendGrid ASM unsubscribe-group page every Single Send's footer links to. */
function sendgridUnsubscribe(random: Random): string {
  return `https://u${random.digits(7)}.ct.sendgrid.net/asm/unsubscribe/?user_id=${random.digits(8)}&data=${random.chars(40, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_')}`;
}

function uuid(random: Random): string {
  const hex = random.hex(32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[random.int(0, 3)]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The Mailchimp audience every Mailchimp campaign went to. */
export interface MailchimpAudience {
  id: string;
  name: string;
}

export function buildEmailCampaigns(random: Random, now: Date): { campaigns: EmailCampaign[]; audience: MailchimpAudience } {
  const year = now.getUTCFullYear();
  const listId = random.hex(10);
  const mailchimpUnsubscribe = `https://northwind-export.us21.list-manage.com/unsubscribe?u=${random.hex(25)}&id=${listId}`;
  const mailchimp = (key: string, daysBack: number, fields: Omit<EmailCampaign, 'key' | 'esp' | 'externalId' | 'sendAt' | 'links' | 'unsubscribeUrl' | 'audience'>, pages: Array<keyof typeof PAGES>): EmailCampaign => ({
    key, esp: 'mailchimp', externalId: random.hex(10), sendAt: sendDay(now, daysBack, 9), links: links('mailchimp', key, pages),
    unsubscribeUrl: mailchimpUnsubscribe, audience: (person) => person.mailchimpMember, ...fields,
  });
  const sendgrid = (key: string, daysBack: number, audience: (person: Person) => boolean, fields: Omit<EmailCampaign, 'key' | 'esp' | 'externalId' | 'sendAt' | 'links' | 'unsubscribeUrl' | 'audience' | 'trackingCampaign'>, pages: Array<keyof typeof PAGES>): EmailCampaign => ({
    key, esp: 'sendgrid', externalId: uuid(random), sendAt: sendDay(now, daysBack, 8.5), links: links('sendgrid', key, pages),
    unsubscribeUrl: sendgridUnsubscribe(random), audience, trackingCampaign: `${fields.name} (site tracking)`, ...fields,
  });
  const digestAt = sendDay(now, 106, 9);
  const insiderOne = sendDay(now, 77, 8.5);
  const insiderTwo = sendDay(now, 24, 8.5);
  const offerEnds = isoDay(sendDay(now, 40, 0));
  const slotsBy = isoDay(sendDay(now, -20, 0));
  const campaigns = [
    mailchimp('digest', 106, { name: `Blog digest — ${monthOf(digestAt)}`, subject: 'This month: Incoterms explained and how to pick valve materials', type: 'NEWSLETTER', clickFactor: 0.8, openFactor: 1, unsubscribeFactor: 1, softBounceRate: 0.008 }, ['incoterms', 'materials', 'maintenance', 'ballValves']),
    mailchimp('fairfollowup', 92, { name: 'Trade fair follow-up: quotes within 24 h', subject: 'Great meeting you at the fair — your quote within 24 hours', type: 'PROMOTIONAL', clickFactor: 1.2, openFactor: 1.05, unsubscribeFactor: 1.5, softBounceRate: 0.008 }, ['quote', 'ballValves', 'brewery']),
    sendgrid('insider1', 77, current, { name: `Northwind Insider — ${monthOf(insiderOne)}`, subject: 'Valve maintenance checklist + our new stainless range', type: 'NEWSLETTER', clickFactor: 1, openFactor: 1, unsubscribeFactor: 1, softBounceRate: 0.007 }, ['maintenance', 'materials', 'fittings', 'brewery']),
    sendgrid('fob10', 64, (person) => current(person) && person.stage !== 'SUBSCRIBER', { name: 'FOB offer: 10% off this month', subject: `10% off FOB orders confirmed by ${offerEnds}`, type: 'PROMOTIONAL', clickFactor: 1.3, openFactor: 0.95, unsubscribeFactor: 2, softBounceRate: 0.008 }, ['priceList', 'ballValves', 'butterflyValves', 'quote']),
    sendgrid('nurture-oman', 51, inStages('LEAD', 'MQL'), { name: 'Nurture: Oman desalination case study', subject: 'How a desalination plant cut valve failures by 40%', type: 'NURTURE', clickFactor: 1.25, openFactor: 1.15, unsubscribeFactor: 0.6, softBounceRate: 0.006 }, ['oman', 'mining', 'contact', 'butterflyValves']),
    sendgrid(`launch${year}`, 38, () => true, { name: `Catalogue launch ${year} (full database)`, subject: `The ${year} valve & fittings catalogue is here`, type: 'PROMOTIONAL', clickFactor: 0.9, openFactor: 0.85, unsubscribeFactor: 2.5, softBounceRate: 0.02 }, ['catalogue', 'priceList', 'quote', 'incoterms']),
    sendgrid('insider2', 24, current, { name: `Northwind Insider — ${monthOf(insiderTwo)}`, subject: 'Lead times, a Chilean mining retrofit and the new price list', type: 'NEWSLETTER', clickFactor: 1.05, openFactor: 1, unsubscribeFactor: 1, softBounceRate: 0.007 }, ['leadTimes', 'mining', 'priceList', 'materials']),
    sendgrid('slots', 9, inStages('SQL', 'OPPORTUNITY', 'CUSTOMER'), { name: 'Production slots update', subject: `Production slots for next quarter: book by ${slotsBy}`, type: 'TRANSACTIONAL', clickFactor: 0.7, openFactor: 1.4, unsubscribeFactor: 0.2, softBounceRate: 0.004 }, ['leadTimes', 'quote', 'contact']),
  ];
  return { campaigns, audience: { id: listId, name: 'Northwind distributors & importers' } };
}

export function buildWhatsAppCampaigns(now: Date): WhatsAppCampaign[] {
  const year = now.getUTCFullYear();
  return [
    {
      key: 'fair-invite', tag: 'Trade fair invitation', template: 'trade_fair_invite_v2', sendAt: sendDay(now, 57, 7), audience: current, button: 'Book a meeting',
      replies: ['Yes, see you at the booth!', 'Can we book a meeting on day 2?', 'Please send me the hall plan', 'Not attending this year, but please send the catalogue', 'Who will be at the booth from your sales team?'],
    },
    {
      key: 'price-list', tag: `Price list ${year}`, template: 'price_list_update', sendAt: sendDay(now, 17, 7), audience: current, button: 'Request a quote',
      replies: ['Please send the PDF', 'Is the DN80 price also updated?', 'Need a quote for 500 pcs of the DN50 ball valve', 'Call me tomorrow morning please', 'Thanks, received'],
    },
  ];
}
