/**
 * Rollup tables for `metrics` (src/store/entities/message-rollup.ts), the triggers that mark a campaign dirty in
 * whatever transaction changes its messages, and every existing campaign marked dirty so the first metrics query
 * builds its rows. Generated tables, hand-written triggers (TypeORM does not generate triggers).
 */
import { MigrationInterface, QueryRunner } from "typeorm";

export class MessageRollups1796261143373 implements MigrationInterface {
    name = 'MessageRollups1796261143373'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "message_rollup" ("workspace_id" bigint NOT NULL, "campaign_id" bigint NOT NULL, "day" date NOT NULL, "source" text NOT NULL, "messages" bigint NOT NULL, "measures" jsonb NOT NULL, "definition" text NOT NULL, CONSTRAINT "PK_049136fdf1621c2173770b9f859" PRIMARY KEY ("workspace_id", "campaign_id", "day", "source"))`);
        await queryRunner.query(`CREATE TABLE "message_rollup_dirty" ("workspace_id" bigint NOT NULL, "campaign_id" bigint NOT NULL, "reason" text NOT NULL DEFAULT 'message', CONSTRAINT "PK_f0d3da5651020a7bb138a5607cf" PRIMARY KEY ("workspace_id", "campaign_id"))`);
        // Statement-level triggers over the transition tables: one INSERT per statement, not per row.
        for (const [name, table] of [['new', 'new_rows'], ['old', 'old_rows']]) {
            await queryRunner.query(`CREATE FUNCTION message_rollup_mark_${name}_rows() RETURNS trigger LANGUAGE plpgsql AS $body$
BEGIN
    INSERT INTO message_rollup_dirty (workspace_id, campaign_id)
    SELECT DISTINCT workspace_id, campaign_id FROM ${table} WHERE campaign_id IS NOT NULL
    ORDER BY 1, 2
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$body$`);
        }
        await queryRunner.query(`CREATE TRIGGER message_rollup_dirty_on_insert AFTER INSERT ON message REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION message_rollup_mark_new_rows()`);
        await queryRunner.query(`CREATE TRIGGER message_rollup_dirty_on_update_new AFTER UPDATE ON message REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION message_rollup_mark_new_rows()`);
        await queryRunner.query(`CREATE TRIGGER message_rollup_dirty_on_update_old AFTER UPDATE ON message REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION message_rollup_mark_old_rows()`);
        await queryRunner.query(`CREATE TRIGGER message_rollup_dirty_on_delete AFTER DELETE ON message REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION message_rollup_mark_old_rows()`);
        // A campaign's send time is the day of its messages that have none of their own.
        await queryRunner.query(`CREATE FUNCTION message_rollup_mark_resent_campaigns() RETURNS trigger LANGUAGE plpgsql AS $body$
BEGIN
    INSERT INTO message_rollup_dirty (workspace_id, campaign_id, reason)
    SELECT n.workspace_id, n.id, 'campaign' FROM new_rows n JOIN old_rows o ON o.workspace_id = n.workspace_id AND o.id = n.id
    WHERE n.sent_at IS DISTINCT FROM o.sent_at
    ORDER BY 1, 2
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$body$`);
        await queryRunner.query(`CREATE TRIGGER message_rollup_dirty_on_campaign_update AFTER UPDATE ON campaign REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION message_rollup_mark_resent_campaigns()`);
        await queryRunner.query(`INSERT INTO message_rollup_dirty (workspace_id, campaign_id) SELECT DISTINCT workspace_id, campaign_id FROM message WHERE campaign_id IS NOT NULL`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TRIGGER message_rollup_dirty_on_insert ON message`);
        await queryRunner.query(`DROP TRIGGER message_rollup_dirty_on_update_new ON message`);
        await queryRunner.query(`DROP TRIGGER message_rollup_dirty_on_update_old ON message`);
        await queryRunner.query(`DROP TRIGGER message_rollup_dirty_on_delete ON message`);
        await queryRunner.query(`DROP TRIGGER message_rollup_dirty_on_campaign_update ON campaign`);
        await queryRunner.query(`DROP FUNCTION message_rollup_mark_resent_campaigns()`);
        await queryRunner.query(`DROP FUNCTION message_rollup_mark_new_rows()`);
        await queryRunner.query(`DROP FUNCTION message_rollup_mark_old_rows()`);
        await queryRunner.query(`DROP TABLE "message_rollup_dirty"`);
        await queryRunner.query(`DROP TABLE "message_rollup"`);
    }

}
