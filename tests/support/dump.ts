import type { DataSource } from 'typeorm';

/**
 * A canonical dump of the domain tables: rows by natural key, without surrogate ids, bookkeeping times or
 * import-run links, so two databases that hold the same facts dump equal.
 */
export async function dumpDomain(dataSource: DataSource): Promise<Record<string, unknown[]>> {
  const q = (sql: string) => dataSource.query(sql) as Promise<unknown[]>;
  return {
    contacts: await q(`SELECT email, phone, first_name, last_name, company, lifecycle_stage, last_activity_at, merged_into_id IS NOT NULL AS merged FROM contact ORDER BY email, phone`),
    identities: await q(`SELECT i.source, i.external_id, c.email FROM contact_identity i JOIN contact c ON c.id = i.contact_id ORDER BY 1, 2`),
    campaigns: await q(`SELECT source, external_id, name, type, channel, subject, sent_at FROM campaign ORDER BY source, external_id`),
    messages: await q(`SELECT c.external_id AS campaign, k.email, m.channel, m.status, m.status_at, m.sent_at, m.delivered_at, m.first_human_open_at,
        m.human_opens, m.machine_opens, m.first_human_click_at, m.human_clicks, m.scanner_clicks, m.own_site_clicks, m.clicked_link_categories,
        m.read_seconds, m.replied, m.forwarded, m.unsubscribed, m.complained, m.converted, m.revenue
      FROM message m JOIN campaign c ON c.id = m.campaign_id JOIN contact k ON k.id = m.contact_id ORDER BY campaign, k.email`),
    events: await q(`SELECT source, source_event_id, type, occurred_at, is_machine, bounce_kind, read_seconds, value FROM engagement_event ORDER BY source, source_event_id`),
    links: await q(`SELECT url, category FROM link ORDER BY url`),
    lists: await q(`SELECT source, external_id, name FROM contact_list ORDER BY source, external_id`),
    memberships: await q(`SELECT l.external_id, c.email, m.status, m.subscribed_at, m.status_at FROM list_membership m JOIN contact_list l ON l.id = m.list_id JOIN contact c ON c.id = m.contact_id ORDER BY 1, 2`),
    deals: await q(`SELECT source, external_id, name, amount, currency, stage, status, created_at, closed_at FROM deal ORDER BY source, external_id`),
    stages: await q(`SELECT c.email, h.from_stage, h.to_stage, h.at, h.cause FROM lifecycle_stage_change h JOIN contact c ON c.id = h.contact_id ORDER BY c.email, h.at, h.to_stage`),
    reports: await q(`SELECT c.source, c.external_id, r.totals FROM campaign_report r JOIN campaign c ON c.id = r.campaign_id ORDER BY 1, 2`),
    vendorStats: await q(`SELECT source, scope, to_char(day, 'YYYY-MM-DD') AS day, metrics FROM vendor_daily_stat ORDER BY 1, 2, 3`),
    spend: await q(`SELECT source, external_id, channel, period_start, period_end, amount, currency FROM spend ORDER BY source, external_id`),
  };
}
