import { MigrationInterface, QueryRunner } from "typeorm";

export class DeliveredUnlessBouncedConversionIndex1795444869401 implements MigrationInterface {
    name = 'DeliveredUnlessBouncedConversionIndex1795444869401'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "message" ADD "delivered_unless_bounced" boolean NOT NULL DEFAULT false`);
        await queryRunner.query(`CREATE INDEX "engagement_event_conversion_idx" ON "engagement_event" ("workspace_id", "contact_id") WHERE type = 'CONVERTED' AND campaign_id IS NULL`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "engagement_event_conversion_idx"`);
        await queryRunner.query(`ALTER TABLE "message" DROP COLUMN "delivered_unless_bounced"`);
    }

}
