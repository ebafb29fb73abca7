import { MigrationInterface, QueryRunner } from "typeorm";

export class SyncCursors1796263171927 implements MigrationInterface {
    name = 'SyncCursors1796263171927'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "sync_cursor" ("workspace_id" bigint NOT NULL, "source" text NOT NULL, "stream" text NOT NULL, "cursor" jsonb NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b9b762be13602e0731ba414baf7" PRIMARY KEY ("workspace_id", "source", "stream"))`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "sync_cursor"`);
    }

}
