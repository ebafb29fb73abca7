/**
 * The demo story, planned once and shared by every source generator: Northwind Export Co., a B2B exporter of
 * valves and fittings, its ~3 000 contacts and what happened over the 120 days before `now`. Each source file
 * renders a slice of this plan, so the same people, campaigns and dates appear in HubSpot, SendGrid,
 * Mailchimp, WhatsApp and the site's own tracking.
 *
 * The story a dashboard should show:
 * - a few hot buyers (replied on WhatsApp, clicked prices and the quote form, read the mails to the end), a
 *   band of potential ones (click and read, no reply) and a long tail of low engagement;
 * - delivery around 96–98 % per mailing, except the catalogue launch sent to an old trade-fair list (~90 %);
 * - lifecycle: most contacts subscribers or leads, fewer MQLs and SQLs, a few dozen customers whose orders
 *   follow an email click by days (attributed revenue), some with repeat orders (lifetime value);
 * - monthly spend per channel, for cost per lead.
 */
import { DAY, addMs, startOfUtcDay } from './format';
import { Random } from './random';
import { buildEmailCampaigns, buildWhatsAppCampaigns, type MailchimpAudience } from './story/campaigns';
import { buildCrm } from './story/crm';
import { MailState, simulateEmailCampaign } from './story/email';
import { buildPeople } from './story/people';
import { buildSiteEvents } from './story/site';
import { buildSpend } from './story/spend';
import type { CrmState, EmailCampaign, EmailMessage, Person, SiteEvent, SpendRow, WhatsAppCampaign, WhatsAppInquiry, WhatsAppMessage } from './story/types';
import { WhatsAppState, simulateInquiries, simulateWhatsAppCampaign } from './story/whatsapp';

export type * from './story/types';
export type { MailchimpAudience } from './story/campaigns';

export interface PlanOptions {
  seed?: number;
  /** Contacts in the CRM (default 3 000). */
  contacts?: number;
  /** The end of the story: every date falls in the 120 days before it. */
  now: Date;
}

export interface DemoPlan {
  now: Date;
  people: Person[];
  emailCampaigns: EmailCampaign[];
  mailchimpAudience: MailchimpAudience;
  emailMessages: EmailMessage[];
  whatsappCampaigns: WhatsAppCampaign[];
  whatsappMessages: WhatsAppMessage[];
  whatsappInquiries: WhatsAppInquiry[];
  crm: CrmState;
  siteEvents: SiteEvent[];
  spend: SpendRow[];
}

export const DEFAULT_SEED = 20_240_611;
export const DEFAULT_CONTACTS = 3_000;

export function buildPlan(options: PlanOptions): DemoPlan {
  const now = new Date(options.now.getTime());
  if (Number.isNaN(now.getTime())) throw new Error('demo plan: "now" is not a valid date');
  const contacts = options.contacts ?? DEFAULT_CONTACTS;
  if (!Number.isInteger(contacts) || contacts < 50) throw new Error(`demo plan: "contacts" must be a whole number of at least 50 (got ${contacts})`);
  const random = new Random(options.seed ?? DEFAULT_SEED);

  const { campaigns: emailCampaigns, audience: mailchimpAudience } = buildEmailCampaigns(random.fork('email campaigns'), now);
  const firstMailchimpSend = Math.min(...emailCampaigns.filter((c) => c.esp === 'mailchimp').map((c) => c.sendAt.getTime()));
  const people = buildPeople(random.fork('people'), contacts, now, addMs(startOfUtcDay(new Date(firstMailchimpSend)), -DAY));

  const whatsappCampaigns = buildWhatsAppCampaigns(now);
  const mail = new MailState();
  const whatsapp = new WhatsAppState();
  // Campaigns play out in send order across channels, so consequences (suppressions, opt-outs) carry forward.
  const sends = [
    ...emailCampaigns.map((campaign) => ({ at: campaign.sendAt, email: campaign })),
    ...whatsappCampaigns.map((campaign) => ({ at: campaign.sendAt, whatsapp: campaign })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());
  const emailMessages: EmailMessage[] = [];
  const whatsappMessages: WhatsAppMessage[] = [];
  for (const send of sends) {
    if ('email' in send && send.email) emailMessages.push(...simulateEmailCampaign(random.fork(`email ${send.email.key}`), send.email, people, mail, now));
    if ('whatsapp' in send && send.whatsapp) whatsappMessages.push(...simulateWhatsAppCampaign(random.fork(`whatsapp ${send.whatsapp.key}`), send.whatsapp, people, whatsapp, now));
  }
  const whatsappInquiries = simulateInquiries(random.fork('whatsapp inquiries'), people, whatsapp, now);
  const crm = buildCrm(random.fork('crm'), people, emailMessages, now);
  const siteEvents = buildSiteEvents(random.fork('site'), people, emailMessages, crm, now);
  const spend = buildSpend(random.fork('spend'), emailCampaigns, whatsappMessages, now);
  return { now, people, emailCampaigns, mailchimpAudience, emailMessages, whatsappCampaigns, whatsappMessages, whatsappInquiries, crm, siteEvents, spend };
}
