/**
 * The Mailchimp "Export Audience" CSVs (source-formats.md §2.9): one file per status, named
 * `<status>_members_export_<audience id>.csv` as in Mailchimp's ZIP — the connector takes status and audience
 * from that name. A member whose address hard-bounced in a Mailchimp campaign is in the cleaned file; one who
 * unsubscribed or reported spam is in the unsubscribed file; everyone else is subscribed.
 */
import { createHash } from 'node:crypto';
import { MINUTE, addMs, wallSeconds } from '../format';
import type { DemoPlan, EmailMessage, Person } from '../plan';
import { mailchimpCampaigns, messagesOf } from './mailchimp';

export type AudienceStatus = 'subscribed' | 'unsubscribed' | 'cleaned';

const MERGE_COLUMNS = ['Email Address', 'First Name', 'Last Name', 'Company', 'Phone Number'];
const SYSTEM_COLUMNS = ['MEMBER_RATING', 'OPTIN_TIME', 'OPTIN_IP', 'CONFIRM_TIME', 'CONFIRM_IP', 'LATITUDE', 'LONGITUDE', 'GMTOFF', 'DSTOFF', 'TIMEZONE', 'CC', 'REGION', 'LAST_CHANGED', 'LEID', 'EUID', 'NOTES', 'TAGS'];
const STATUS_COLUMNS: Record<AudienceStatus, string[]> = {
  subscribed: [],
  unsubscribed: ['UNSUB_TIME', 'UNSUB_CAMPAIGN_TITLE', 'UNSUB_CAMPAIGN_ID', 'UNSUB_REASON', 'UNSUB_REASON_OTHER'],
  cleaned: ['CLEAN_TIME', 'CLEAN_CAMPAIGN_TITLE', 'CLEAN_CAMPAIGN_ID'],
};
const RATING = { hot: 5, potential: 4, engaged: 3, low: 2 } as const;

export function audienceFileName(plan: DemoPlan, status: AudienceStatus): string {
  return `${status}_members_export_${plan.mailchimpAudience.id}.csv`;
}

/** The export of one status; empty when no member has it (Mailchimp leaves such a file out of the ZIP). */
export function mailchimpAudienceCsv(plan: DemoPlan, status: AudienceStatus): string {
  const endings = memberEndings(plan);
  const header = [...MERGE_COLUMNS, ...STATUS_COLUMNS[status], ...SYSTEM_COLUMNS];
  const rows = plan.people
    .filter((person) => person.mailchimpMember && (endings.get(person.index)?.status ?? 'subscribed') === status)
    .map((person) => {
      const ending = endings.get(person.index);
      const confirmed = addMs(person.createdAt, (5 + (Number(person.recordId) % 40)) * MINUTE);
      const changed = ending?.at ?? confirmed;
      const statusCells = status === 'unsubscribed'
        ? [wallSeconds(changed), ending?.message.campaign.name, ending?.message.campaign.externalId, ending?.message.complainedAt ? 'ABUSE' : 'NORMAL', '']
        : status === 'cleaned' ? [wallSeconds(changed), ending?.message.campaign.name, ending?.message.campaign.externalId] : [];
      const hash = createHash('md5').update(`euid ${person.email}`).digest('hex');
      return [
        person.email, person.firstName, person.lastName, person.company, person.phone ?? '', ...statusCells,
        status === 'cleaned' ? 1 : RATING[person.segment], wallSeconds(person.createdAt), ipOf(hash), wallSeconds(confirmed), ipOf(hash.slice(8)),
        '', '', '', '', '', person.countryIso, '', wallSeconds(changed), String(parseInt(hash.slice(0, 7), 16)), hash.slice(10, 20), '', tagsOf(person),
      ];
    });
  return rows.length ? [header, ...rows].map((row) => row.map((cell) => mailchimpCell(cell)).join(',')).join('\r\n') + '\r\n' : '';
}

/** How each member left the audience, if they did: the first Mailchimp campaign that ended it. */
function memberEndings(plan: DemoPlan): Map<number, { status: AudienceStatus; at: Date; message: EmailMessage }> {
  const endings = new Map<number, { status: AudienceStatus; at: Date; message: EmailMessage }>();
  for (const campaign of mailchimpCampaigns(plan)) {
    for (const message of messagesOf(plan, campaign)) {
      if (endings.has(message.person.index)) continue;
      if (message.outcome.kind === 'bounced' && message.outcome.hard) endings.set(message.person.index, { status: 'cleaned', at: message.outcome.at, message });
      else if (message.unsubscribe) endings.set(message.person.index, { status: 'unsubscribed', at: message.unsubscribe.at, message });
      else if (message.complainedAt) endings.set(message.person.index, { status: 'unsubscribed', at: message.complainedAt, message });
    }
  }
  return endings;
}

/** TAGS holds a list of quoted names: `"Trade fair","Customer"`. */
function tagsOf(person: Person): string {
  const tags = [person.originalSource === 'Offline Sources' ? 'Trade fair' : 'Website', ...(person.stage === 'CUSTOMER' ? ['Customer'] : [])];
  return tags.map((tag) => `"${tag}"`).join(',');
}

function ipOf(hex: string): string {
  return [0, 2, 4, 6].map((i, n) => (n === 0 ? (parseInt(hex.slice(i, i + 2), 16) % 200) + 20 : parseInt(hex.slice(i, i + 2), 16))).join('.');
}

/** Mailchimp quotes a cell that has a space, comma or quote (its dates always do), and nothing else. */
function mailchimpCell(value: string | number | undefined): string {
  const text = value === undefined ? '' : String(value);
  return /[\s",]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
