import type { DataSource } from 'typeorm';
import { dumpDomain } from './dump';

/** How many rows each domain table holds: one object, so a test states every count at once. */
export interface TableCounts {
  /** Live contacts (merged_into_id IS NULL). */
  contacts: number;
  mergedContacts: number;
  identities: number;
  campaigns: number;
  campaignReports: number;
  messages: number;
  events: number;
  /** Events that belong to no message: site visits, inquiries, unattributed conversions. */
  eventsWithoutMessage: number;
  links: number;
  lists: number;
  memberships: number;
  membershipChanges: number;
  deals: number;
  stageChanges: number;
  spend: number;
  rejectedRows: number;
}

const COUNT_SQL: Record<keyof TableCounts, string> = {
  contacts: 'SELECT count(*) FROM contact WHERE merged_into_id IS NULL',
  mergedContacts: 'SELECT count(*) FROM contact WHERE merged_into_id IS NOT NULL',
  identities: 'SELECT count(*) FROM contact_identity',
  campaigns: 'SELECT count(*) FROM campaign',
  campaignReports: 'SELECT count(*) FROM campaign_report',
  messages: 'SELECT count(*) FROM message',
  events: 'SELECT count(*) FROM engagement_event',
  eventsWithoutMessage: 'SELECT count(*) FROM engagement_event WHERE message_id IS NULL',
  links: 'SELECT count(*) FROM link',
  lists: 'SELECT count(*) FROM contact_list',
  memberships: 'SELECT count(*) FROM list_membership',
  membershipChanges: 'SELECT count(*) FROM list_membership_change',
  deals: 'SELECT count(*) FROM deal',
  stageChanges: 'SELECT count(*) FROM lifecycle_stage_change',
  spend: 'SELECT count(*) FROM spend',
  rejectedRows: 'SELECT count(*) FROM rejected_row',
};

export async function tableCounts(dataSource: DataSource): Promise<TableCounts> {
  const columns = Object.entries(COUNT_SQL).map(([name, sql]) => `(${sql})::int AS "${name}"`);
  const [row] = (await dataSource.query(`SELECT ${columns.join(', ')}`)) as TableCounts[];
  return row;
}

/** A message's derived facts, times as ISO strings. */
export interface Facts {
  status: string;
  statusAt: string | null;
  sentAt: string | null;
  deliveredAt: string | null;
  firstHumanOpenAt: string | null;
  humanOpens: number;
  machineOpens: number;
  firstHumanClickAt: string | null;
  humanClicks: number;
  scannerClicks: number;
  ownSiteClicks: number;
  categories: string[];
  readSeconds: number | null;
  replied: boolean;
  forwarded: boolean;
  unsubscribed: boolean;
  complained: boolean;
  converted: boolean;
  revenue: number;
}

/** The facts of a message nothing has happened to: tests spread it and state only what differs. */
export const NO_FACTS: Facts = {
  status: 'PENDING', statusAt: null, sentAt: null, deliveredAt: null, firstHumanOpenAt: null, humanOpens: 0, machineOpens: 0,
  firstHumanClickAt: null, humanClicks: 0, scannerClicks: 0, ownSiteClicks: 0, categories: [], readSeconds: null,
  replied: false, forwarded: false, unsubscribed: false, complained: false, converted: false, revenue: 0,
};

const iso = (value: Date | null) => (value === null ? null : value.toISOString());

/** The facts of the message of one campaign (by its external id) to one live contact (by e-mail or phone). */
export async function messageFacts(dataSource: DataSource, campaign: string, who: { email: string } | { phone: string }): Promise<Facts> {
  const [column, value] = 'email' in who ? ['email', who.email] : ['phone', who.phone];
  const rows = (await dataSource.query(
    `SELECT m.* FROM message m JOIN campaign c ON c.id = m.campaign_id JOIN contact k ON k.id = m.contact_id
     WHERE c.external_id = $1 AND k.${column} = $2 AND k.merged_into_id IS NULL`,
    [campaign, value],
  )) as Array<Record<string, never>>;
  if (rows.length !== 1) throw new Error(`expected one message of campaign ${campaign} to ${value}, found ${rows.length}`);
  const m = rows[0];
  return {
    status: m.status, statusAt: iso(m.status_at), sentAt: iso(m.sent_at), deliveredAt: iso(m.delivered_at),
    firstHumanOpenAt: iso(m.first_human_open_at), humanOpens: m.human_opens, machineOpens: m.machine_opens,
    firstHumanClickAt: iso(m.first_human_click_at), humanClicks: m.human_clicks, scannerClicks: m.scanner_clicks,
    ownSiteClicks: m.own_site_clicks, categories: m.clicked_link_categories, readSeconds: m.read_seconds, replied: m.replied,
    forwarded: m.forwarded, unsubscribed: m.unsubscribed, complained: m.complained, converted: m.converted, revenue: m.revenue,
  };
}

/** Rejected rows as the user sees them: file, line, field and reason. */
export async function rejectedRows(dataSource: DataSource): Promise<Array<{ file: string; line: number; field: string | null; reason: string }>> {
  return dataSource.query('SELECT file, line, field, reason FROM rejected_row ORDER BY file, line, id');
}

/**
 * dumpDomain plus what it leaves out and an import must also get right: campaign reports, contact properties
 * and stage dates, and which contact, campaign, message and link each event landed on.
 */
export async function dumpImport(dataSource: DataSource): Promise<Record<string, unknown[]>> {
  const q = (sql: string) => dataSource.query(sql) as Promise<unknown[]>;
  return {
    ...(await dumpDomain(dataSource)),
    reports: await q(`SELECT c.source, c.external_id, r.totals, r.reported_at FROM campaign_report r JOIN campaign c ON c.id = r.campaign_id ORDER BY 1, 2`),
    contactDetails: await q(`SELECT email, phone, properties, lifecycle_stage_at FROM contact WHERE merged_into_id IS NULL ORDER BY email, phone`),
    eventOwners: await q(`SELECT e.source, e.source_event_id, k.email, k.phone, c.external_id AS campaign, e.message_id IS NOT NULL AS on_message,
        m.contact_id = e.contact_id AS message_of_contact, l.url, e.reason
      FROM engagement_event e JOIN contact k ON k.id = e.contact_id LEFT JOIN campaign c ON c.id = e.campaign_id
      LEFT JOIN message m ON m.id = e.message_id LEFT JOIN link l ON l.id = e.link_id ORDER BY 1, 2`),
  };
}
