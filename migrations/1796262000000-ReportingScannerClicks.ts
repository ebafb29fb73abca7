/**
 * reporting.campaign_day gains the scanner click rate's numerator and denominator (the catalogue's new
 * scannerClickRate, SQL from measure-sql as in ReportingViews). CREATE OR REPLACE VIEW may only append columns,
 * so they go last; the rest of the view is the frozen text of ReportingViews1795450000000.
 */
import { MigrationInterface, QueryRunner } from "typeorm";
import { CAMPAIGN_DAY, reportingSchema } from "./1795450000000-ReportingViews";

const SCANNER_COLUMNS = `,
    count(*) FILTER (WHERE m.status = 'DELIVERED' AND m.scanner_clicks > 0 AND m.human_clicks = 0) AS scanner_click_rate_numerator,
    count(*) FILTER (WHERE m.status = 'DELIVERED') AS scanner_click_rate_denominator
FROM message m`;

export class ReportingScannerClicks1796262000000 implements MigrationInterface {
    name = 'ReportingScannerClicks1796262000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        const reporting = await reportingSchema(queryRunner);
        if (!CAMPAIGN_DAY.includes('\nFROM message m')) throw new Error('ReportingViews changed: this migration expects its frozen text');
        await queryRunner.query(`CREATE OR REPLACE VIEW ${reporting}."campaign_day" AS${CAMPAIGN_DAY.replace('\nFROM message m', SCANNER_COLUMNS)}`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        const reporting = await reportingSchema(queryRunner);
        await queryRunner.query(`DROP VIEW ${reporting}."campaign_day"`);
        await queryRunner.query(`CREATE VIEW ${reporting}."campaign_day" AS${CAMPAIGN_DAY}`);
    }

}
