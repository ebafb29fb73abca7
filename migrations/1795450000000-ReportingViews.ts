/**
 * The `reporting` schema: read-only SQL views for BI tools (README, "Connecting a BI tool").
 *
 * Hand-written, and frozen like every migration: the metric columns of campaign_day were generated on landing from
 * the catalogue by src/store/metrics/measure-sql.ts (metricToSql per message metric, one column set per link category,
 * deepReadSeconds at its default 8) and pasted here. A catalogue change later needs a new migration that replaces
 * the view; this one never changes.
 *
 * The schema is named after the schema the tables live in: "reporting" beside "public", "<schema>_reporting"
 * beside any other (test schemas, or several installations in one database), so installations never share views.
 */
import { MigrationInterface, QueryRunner } from "typeorm";

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function reportingSchema(queryRunner: QueryRunner): Promise<string> {
    const [{ schema }] = await queryRunner.query(`SELECT current_schema() AS schema`);
    return quote(schema === 'public' ? 'reporting' : `${schema}_reporting`);
}

/** One row per workspace × campaign × UTC day of sending (the message's send time, else its campaign's). */
export const CAMPAIGN_DAY = `
SELECT
    m.workspace_id,
    m.campaign_id,
    (coalesce(m.sent_at, c.sent_at) AT TIME ZONE 'UTC')::date AS day,
    c.name AS campaign_name,
    c.channel,
    c.type,
    c.source,
    count(*) AS messages,
    count(*) FILTER (WHERE m.sent_at IS NOT NULL OR m.status IN ('DELIVERED', 'SOFT_BOUNCED', 'HARD_BOUNCED', 'DROPPED')) AS sent_numerator,
    count(*) FILTER (WHERE m.status = 'DELIVERED') AS delivered_numerator,
    count(*) FILTER (WHERE (m.sent_at IS NOT NULL OR m.status IN ('DELIVERED', 'SOFT_BOUNCED', 'HARD_BOUNCED', 'DROPPED')) AND NOT (m.status IN ('HARD_BOUNCED', 'SOFT_BOUNCED', 'DROPPED'))) AS delivery_rate_numerator,
    count(*) FILTER (WHERE m.sent_at IS NOT NULL OR m.status IN ('DELIVERED', 'SOFT_BOUNCED', 'HARD_BOUNCED', 'DROPPED')) AS delivery_rate_denominator,
    count(*) FILTER (WHERE m.status = 'HARD_BOUNCED') AS hard_bounce_rate_numerator,
    count(*) FILTER (WHERE m.sent_at IS NOT NULL OR m.status IN ('DELIVERED', 'SOFT_BOUNCED', 'HARD_BOUNCED', 'DROPPED')) AS hard_bounce_rate_denominator,
    count(*) FILTER (WHERE m.status = 'SOFT_BOUNCED') AS soft_bounce_rate_numerator,
    count(*) FILTER (WHERE m.sent_at IS NOT NULL OR m.status IN ('DELIVERED', 'SOFT_BOUNCED', 'HARD_BOUNCED', 'DROPPED')) AS soft_bounce_rate_denominator,
    count(*) FILTER (WHERE m.status IN ('HARD_BOUNCED', 'SOFT_BOUNCED')) AS bounce_rate_numerator,
    count(*) FILTER (WHERE m.sent_at IS NOT NULL OR m.status IN ('DELIVERED', 'SOFT_BOUNCED', 'HARD_BOUNCED', 'DROPPED')) AS bounce_rate_denominator,
    count(*) FILTER (WHERE m.status = 'DELIVERED' AND m.first_human_open_at IS NOT NULL) AS open_rate_numerator,
    count(*) FILTER (WHERE m.status = 'DELIVERED') AS open_rate_denominator,
    count(*) FILTER (WHERE m.status = 'DELIVERED' AND m.machine_opens > 0 AND m.first_human_open_at IS NULL) AS machine_open_rate_numerator,
    count(*) FILTER (WHERE m.status = 'DELIVERED') AS machine_open_rate_denominator,
    count(*) FILTER (WHERE m.status = 'DELIVERED' AND m.human_clicks > 0) AS click_rate_numerator,
    count(*) FILTER (WHERE m.status = 'DELIVERED') AS click_rate_denominator,
    coalesce(sum(m.human_clicks) FILTER (WHERE m.status = 'DELIVERED'), 0) AS total_click_rate_numerator,
    count(*) FILTER (WHERE m.status = 'DELIVERED') AS total_click_rate_denominator,
    count(*) FILTER (WHERE m.status = 'DELIVERED' AND m.first_human_open_at IS NOT NULL AND m.human_clicks > 0) AS click_to_open_rate_numerator,
    count(*) FILTER (WHERE m.status = 'DELIVERED' AND m.first_human_open_at IS NOT NULL) AS click_to_open_rate_denominator,
    count(*) FILTER (WHERE m.status = 'DELIVERED' AND 'PRODUCT' = ANY(m.clicked_link_categories)) AS click_rate_by_link_category_product_numerator,
    count(*) FILTER (WHERE m.status = 'DELIVERED') AS click_rate_by_link_category_product_denominator,
    count(*) FILTER (WHERE m.status = 'DELIVERED' AND 'CASE_STUDY' = ANY(m.clicked_link_categories)) AS click_rate_by_link_category_case_study_numerator,
    count(*) FILTER (WHERE m.status = 'DELIVERED') AS click_rate_by_link_category_case_study_denominator,
    count(*) FILTER (WHERE m.status = 'DELIVERED' AND 'INQUIRY' = ANY(m.clicked_link_categories)) AS click_rate_by_link_category_inquiry_numerator,
    count(*) FILTER (WHERE m.status = 'DELIVERED') AS click_rate_by_link_category_inquiry_denominator,
    count(*) FILTER (WHERE m.status = 'DELIVERED' AND 'CONTENT' = ANY(m.clicked_link_categories)) AS click_rate_by_link_category_content_numerator,
    count(*) FILTER (WHERE m.status = 'DELIVERED') AS click_rate_by_link_category_content_denominator,
    count(*) FILTER (WHERE m.status = 'DELIVERED' AND 'UNSUBSCRIBE' = ANY(m.clicked_link_categories)) AS click_rate_by_link_category_unsubscribe_numerator,
    count(*) FILTER (WHERE m.status = 'DELIVERED') AS click_rate_by_link_category_unsubscribe_denominator,
    count(*) FILTER (WHERE m.status = 'DELIVERED' AND 'OTHER' = ANY(m.clicked_link_categories)) AS click_rate_by_link_category_other_numerator,
    count(*) FILTER (WHERE m.status = 'DELIVERED') AS click_rate_by_link_category_other_denominator,
    coalesce(sum(m.read_seconds) FILTER (WHERE m.read_seconds IS NOT NULL), 0) AS avg_read_seconds_numerator,
    count(*) FILTER (WHERE m.read_seconds IS NOT NULL) AS avg_read_seconds_denominator,
    count(*) FILTER (WHERE (m.read_seconds >= 8) IS TRUE) AS read_completion_rate_numerator,
    count(*) FILTER (WHERE m.read_seconds IS NOT NULL) AS read_completion_rate_denominator,
    count(*) FILTER (WHERE m.status = 'DELIVERED' AND m.replied = TRUE) AS reply_rate_numerator,
    count(*) FILTER (WHERE m.status = 'DELIVERED') AS reply_rate_denominator,
    count(*) FILTER (WHERE m.status = 'DELIVERED' AND m.forwarded = TRUE) AS forward_rate_numerator,
    count(*) FILTER (WHERE m.status = 'DELIVERED') AS forward_rate_denominator,
    count(*) FILTER (WHERE m.status = 'DELIVERED' AND m.unsubscribed = TRUE) AS unsubscribe_rate_numerator,
    count(*) FILTER (WHERE m.status = 'DELIVERED') AS unsubscribe_rate_denominator,
    count(*) FILTER (WHERE m.status = 'DELIVERED' AND m.complained = TRUE) AS complaint_rate_numerator,
    count(*) FILTER (WHERE m.status = 'DELIVERED') AS complaint_rate_denominator,
    count(*) FILTER (WHERE m.status = 'DELIVERED' AND m.converted = TRUE) AS conversion_rate_numerator,
    count(*) FILTER (WHERE m.status = 'DELIVERED') AS conversion_rate_denominator,
    count(*) FILTER (WHERE m.status = 'DELIVERED' AND m.human_clicks > 0 AND m.converted = TRUE) AS click_to_conversion_rate_numerator,
    count(*) FILTER (WHERE m.status = 'DELIVERED' AND m.human_clicks > 0) AS click_to_conversion_rate_denominator,
    coalesce(sum(m.revenue), 0) AS revenue_numerator,
    coalesce(sum(m.revenue), 0) AS revenue_per_email_numerator,
    count(*) FILTER (WHERE m.sent_at IS NOT NULL OR m.status IN ('DELIVERED', 'SOFT_BOUNCED', 'HARD_BOUNCED', 'DROPPED')) AS revenue_per_email_denominator,
    coalesce(sum(m.own_site_clicks), 0) AS traffic_sessions_numerator
FROM message m
JOIN campaign c ON c.workspace_id = m.workspace_id AND c.id = m.campaign_id
GROUP BY m.workspace_id, m.campaign_id, (coalesce(m.sent_at, c.sent_at) AT TIME ZONE 'UTC')::date, c.name, c.channel, c.type, c.source`;

/** Every lifecycle stage change with the contact it moved. */
const FUNNEL_STAGE_CHANGES = `
SELECT
    s.workspace_id,
    s.contact_id,
    k.email,
    s.from_stage,
    s.to_stage,
    s.at,
    s.cause,
    s.source
FROM lifecycle_stage_change s
JOIN contact k ON k.workspace_id = s.workspace_id AND k.id = s.contact_id`;

export class ReportingViews1795450000000 implements MigrationInterface {
    name = 'ReportingViews1795450000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        const reporting = await reportingSchema(queryRunner);
        await queryRunner.query(`CREATE SCHEMA ${reporting}`);
        await queryRunner.query(`CREATE VIEW ${reporting}."campaign_day" AS${CAMPAIGN_DAY}`);
        await queryRunner.query(`CREATE VIEW ${reporting}."funnel_stage_changes" AS${FUNNEL_STAGE_CHANGES}`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        const reporting = await reportingSchema(queryRunner);
        await queryRunner.query(`DROP VIEW ${reporting}."funnel_stage_changes"`);
        await queryRunner.query(`DROP VIEW ${reporting}."campaign_day"`);
        await queryRunner.query(`DROP SCHEMA ${reporting}`);
    }

}
