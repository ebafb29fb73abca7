import { MigrationInterface, QueryRunner } from "typeorm";

export class VendorDailyStats1796278380543 implements MigrationInterface {
    name = 'VendorDailyStats1796278380543'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "vendor_daily_stat" ("workspace_id" bigint NOT NULL, "source" text NOT NULL, "scope" text NOT NULL, "day" date NOT NULL, "metrics" jsonb NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_266c3eb89c7f4d2aee9a0d5a7f9" PRIMARY KEY ("workspace_id", "source", "scope", "day"))`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "vendor_daily_stat"`);
    }

}
