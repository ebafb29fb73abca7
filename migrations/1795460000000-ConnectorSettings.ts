import { MigrationInterface, QueryRunner } from "typeorm";

export class ConnectorSettings1795460000000 implements MigrationInterface {
    name = 'ConnectorSettings1795460000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "connector_setting" ("workspace_id" bigint NOT NULL, "source" text NOT NULL, "credentials" text, "credentials_key_id" text, "secret_names" text array NOT NULL DEFAULT '{}', "base_url" text, "sync_interval_minutes" integer, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6b5d49c0d51c120b81843c281a1" PRIMARY KEY ("workspace_id", "source"))`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "connector_setting"`);
    }

}
