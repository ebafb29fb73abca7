/**
 * Monthly marketing spend per channel, as a finance export would list it: email = the ESP subscriptions plus a
 * copywriter per mailing; WhatsApp = the provider's platform fee, the template design and Meta's per-message
 * price for marketing templates.
 */
import { DAY, round2, startOfUtcDay } from '../format';
import type { Random } from '../random';
import { WINDOW_DAYS } from './people';
import type { EmailCampaign, SpendRow, WhatsAppMessage } from './types';

const SENDGRID_PLAN = 89.95;
const MAILCHIMP_PLAN = 135;
const COPY_PER_MAILING = 450;
const WHATSAPP_PLATFORM_FEE = 49;
const WHATSAPP_TEMPLATE_DESIGN = 150;
const WHATSAPP_PRICE_PER_MESSAGE = 0.0593;

export function buildSpend(random: Random, emailCampaigns: readonly EmailCampaign[], whatsappMessages: readonly WhatsAppMessage[], now: Date): SpendRow[] {
  const rows: SpendRow[] = [];
  // Whole months inside the window (the month of `now` up to today); a month that began before the window is left out.
  const windowStart = startOfUtcDay(new Date(now.getTime() - WINDOW_DAYS * DAY));
  const firstMonth = Date.UTC(windowStart.getUTCFullYear(), windowStart.getUTCMonth(), 1);
  const lastMailchimp = Math.max(...emailCampaigns.filter((c) => c.esp === 'mailchimp').map((c) => c.sendAt.getTime()));
  for (let month = firstMonth < windowStart.getTime() ? Date.UTC(windowStart.getUTCFullYear(), windowStart.getUTCMonth() + 1, 1) : firstMonth; month <= now.getTime(); ) {
    const start = new Date(month);
    const next = Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1);
    const end = new Date(Math.min(next - DAY, now.getTime()));
    const inMonth = (date: Date) => date.getTime() >= month && date.getTime() < next;
    const mailings = emailCampaigns.filter((campaign) => inMonth(campaign.sendAt)).length;
    const email = SENDGRID_PLAN + (month <= lastMailchimp ? MAILCHIMP_PLAN : 0) + COPY_PER_MAILING * mailings + random.between(0, 60);
    const sent = whatsappMessages.filter((message) => message.sentAt && inMonth(message.sentAt));
    const broadcasts = new Set(sent.map((message) => message.campaign.key)).size;
    const whatsapp = WHATSAPP_PLATFORM_FEE + WHATSAPP_TEMPLATE_DESIGN * broadcasts + WHATSAPP_PRICE_PER_MESSAGE * sent.length;
    const label = start.toISOString().slice(0, 7);
    rows.push({ id: `spend-${label}-email`, channel: 'EMAIL', periodStart: start, periodEnd: end, amount: round2(email) });
    rows.push({ id: `spend-${label}-whatsapp`, channel: 'WHATSAPP', periodStart: start, periodEnd: end, amount: round2(whatsapp) });
    month = next;
  }
  return rows;
}
