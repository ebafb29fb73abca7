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

/** One mailing as the story plans it; the rest (ids, dates, links) is derived. */
interface MailingSpec {
  esp: EmailCampaign['esp'];
  key: string;
  daysBack: number;
  name: string;
  subject: string;
  type: EmailCampaign['type'];
  pages: Array<keyof typeof PAGES>;
  /** Who is on the send list (Mailchimp: the audience). */
  audience?: (person: Person) => boolean;
  odds: Pick<EmailCampaign, 'openFactor' | 'clickFactor' | 'unsubscribeFactor' | 'softBounceRate'>;
}

function mailingSpecs(now: Date): MailingSpec[] {
  const year = now.getUTCFullYear();
  const day = (daysBack: number) => sendDay(now, daysBack, 0);
  return [
    {
      esp: 'mailchimp', key: 'digest', daysBack: 106, name: `Blog digest — ${monthOf(day(106))}`, type: 'NEWSLETTER',
      subject: 'This month: Incoterms explained and how to pick valve materials',
      pages: ['incoterms', 'materials', 'maintenance', 'ballValves'],
      odds: { openFactor: 1, clickFactor: 0.8, unsubscribeFactor: 1, softBounceRate: 0.016 },
    },
    {
      esp: 'mailchimp', key: 'fairfollowup', daysBack: 92, name: 'Trade fair follow-up: quotes within 24 h', type: 'PROMOTIONAL',
      subject: 'Great meeting you at the fair — your quote within 24 hours',
      pages: ['quote', 'ballValves', 'brewery'],
      odds: { openFactor: 1.05, clickFactor: 1.2, unsubscribeFactor: 1.5, softBounceRate: 0.018 },
    },
    {
      esp: 'sendgrid', key: 'insider1', daysBack: 77, name: `Northwind Insider — ${monthOf(day(77))}`, type: 'NEWSLETTER',
      subject: 'Valve maintenance checklist + our new stainless range',
      pages: ['maintenance', 'materials', 'fittings', 'brewery'], audience: current,
      odds: { openFactor: 1, clickFactor: 1, unsubscribeFactor: 1, softBounceRate: 0.02 },
    },
    {
      esp: 'sendgrid', key: 'fob10', daysBack: 64, name: 'FOB offer: 10% off this month', type: 'PROMOTIONAL',
      subject: `10% off FOB orders confirmed by ${isoDay(day(40))}`,
      pages: ['priceList', 'ballValves', 'butterflyValves', 'quote'], audience: (person) => current(person) && person.stage !== 'SUBSCRIBER',
      odds: { openFactor: 0.95, clickFactor: 1.3, unsubscribeFactor: 2, softBounceRate: 0.022 },
    },
    {
      esp: 'sendgrid', key: 'nurture-oman', daysBack: 51, name: 'Nurture: Oman desalination case study', type: 'NURTURE',
      subject: 'How a desalination plant cut valve failures by 40%',
      pages: ['oman', 'mining', 'contact', 'butterflyValves'], audience: inStages('LEAD', 'MQL'),
      odds: { openFactor: 1.15, clickFactor: 1.25, unsubscribeFactor: 0.6, softBounceRate: 0.018 },
    },
    {
      // Sent to everyone, including the old trade-fair list nobody had mailed for years: the bounce problem.
      esp: 'sendgrid', key: `launch${year}`, daysBack: 38, name: `Catalogue launch ${year} — full database`, type: 'PROMOTIONAL',
      subject: `The ${year} valve & fittings catalogue is here`,
      pages: ['catalogue', 'priceList', 'quote', 'incoterms'], audience: () => true,
      odds: { openFactor: 0.85, clickFactor: 0.9, unsubscribeFactor: 2.5, softBounceRate: 0.03 },
    },
    {
      esp: 'sendgrid', key: 'insider2', daysBack: 24, name: `Northwind Insider — ${monthOf(day(24))}`, type: 'NEWSLETTER',
      subject: 'Lead times, a Chilean mining retrofit and the new price list',
      pages: ['leadTimes', 'mining', 'priceList', 'materials'], audience: current,
      odds: { openFactor: 1, clickFactor: 1.05, unsubscribeFactor: 1, softBounceRate: 0.016 },
    },
    {
      esp: 'sendgrid', key: 'slots', daysBack: 9, name: 'Production slots update', type: 'TRANSACTIONAL',
      subject: `Production slots for next quarter: book by ${isoDay(day(-20))}`,
      pages: ['leadTimes', 'quote', 'contact'], audience: inStages('SQL', 'OPPORTUNITY', 'CUSTOMER'),
      odds: { openFactor: 1.4, clickFactor: 0.7, unsubscribeFactor: 0.2, softBounceRate: 0.01 },
    },
  ];
}

export function buildEmailCampaigns(random: Random, now: Date): { campaigns: EmailCampaign[]; audience: MailchimpAudience } {
  const listId = random.hex(10);
  const mailchimpUnsubscribe = `https://northwind-export.us21.list-manage.com/unsubscribe?u=${random.hex(25)}&id=${listId}`;
  const campaigns = mailingSpecs(now).map((spec): EmailCampaign => {
    const mailchimp = spec.esp === 'mailchimp';
    const externalId = mailchimp ? random.hex(10) : uuid(random);
    return {
      key: spec.key,
      esp: spec.esp,
      externalId,
      name: spec.name,
      subject: spec.subject,
      type: spec.type,
      sendAt: sendDay(now, spec.daysBack, mailchimp ? 9 : 8.5),
      links: links(spec.esp, spec.key, spec.pages),
      unsubscribeUrl: mailchimp ? mailchimpUnsubscribe : sendgridUnsubscribe(random),
      ...spec.odds,
      // The SendGrid connector's id for a Single Send: read time and forms name it, so they land on its messages.
      trackingCampaign: mailchimp ? undefined : `singlesend:${externalId}`,
      audience: mailchimp ? (person) => person.mailchimpMember : (spec.audience ?? current),
    };
  });
  return { campaigns, audience: { id: listId, name: 'Northwind distributors & importers' } };
}

export function buildWhatsAppCampaigns(now: Date): WhatsAppCampaign[] {
  const year = now.getUTCFullYear();
  return [
    {
      key: 'fair-invite',
      tag: 'Trade fair invitation',
      template: 'trade_fair_invite_v2',
      sendAt: sendDay(now, 57, 7),
      audience: current,
      button: 'Book a meeting',
      replies: [
        'Yes, see you at the booth!',
        'Can we book a meeting on day 2?',
        'Please send me the hall plan',
        'Not attending this year, but please send the catalogue',
        'Who will be at the booth from your sales team?',
      ],
    },
    {
      key: 'price-list',
      tag: `Price list ${year}`,
      template: 'price_list_update',
      sendAt: sendDay(now, 17, 7),
      audience: current,
      button: 'Request a quote',
      replies: ['Please send the PDF', 'Is the DN80 price also updated?', 'Need a quote for 500 pcs of the DN50 ball valve', 'Call me tomorrow morning please', 'Thanks, received'],
    },
  ];
}
