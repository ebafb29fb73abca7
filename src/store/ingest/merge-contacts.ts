import type { EntityManager } from 'typeorm';
import { query } from './sql';

/**
 * Merges contacts found to be one person into `keptId`: their identities, messages, events, memberships, deals
 * and stage history move to the kept contact; the merged rows stay, pointing at it (merged_into_id), and the
 * merge is logged. Two messages of one campaign (one per former contact) become one: events move onto the
 * kept contact's message, whose facts the caller re-derives.
 */
export async function mergeContacts(
  manager: EntityManager,
  workspaceId: number,
  keptId: number,
  mergedIds: number[],
  reason: string,
): Promise<{ touchedMessageIds: number[] }> {
  const ws = workspaceId;
  const merged = mergedIds;
  // Free the merged contacts' addresses first: the unique e-mail/phone indexes cover live contacts only.
  const mergedRows = await query<{ email: string | null; phone: string | null; first_name: string | null; last_name: string | null; company: string | null }>(
    manager,
    `UPDATE contact SET merged_into_id = $2, updated_at = now() WHERE workspace_id = $1 AND id = ANY($3::bigint[])
     RETURNING email, phone, first_name, last_name, company`,
    [ws, keptId, merged],
  );
  const pick = (field: keyof (typeof mergedRows)[number]) => mergedRows.map((row) => row[field]).find((value) => value !== null) ?? null;
  await manager.query(
    `UPDATE contact SET email = COALESCE(email, $3), phone = COALESCE(phone, $4), first_name = COALESCE(first_name, $5),
       last_name = COALESCE(last_name, $6), company = COALESCE(company, $7), updated_at = now(),
       last_activity_at = GREATEST(last_activity_at, (SELECT max(last_activity_at) FROM contact WHERE workspace_id = $1 AND id = ANY($8::bigint[])))
     WHERE workspace_id = $1 AND id = $2`,
    [ws, keptId, pick('email'), pick('phone'), pick('first_name'), pick('last_name'), pick('company'), merged],
  );
  await manager.query('UPDATE contact_identity SET contact_id = $2 WHERE workspace_id = $1 AND contact_id = ANY($3::bigint[])', [ws, keptId, merged]);

  // Messages of a campaign both contacts received: fold the merged one into the kept one.
  const pairs = await query<{ merged_message: number; kept_message: number }>(
    manager,
    `SELECT m.id AS merged_message, k.id AS kept_message FROM message m
     JOIN message k ON k.workspace_id = m.workspace_id AND k.campaign_id = m.campaign_id AND k.contact_id = $2
     WHERE m.workspace_id = $1 AND m.contact_id = ANY($3::bigint[])`,
    [ws, keptId, merged],
  );
  for (const pair of pairs) {
    await manager.query('UPDATE engagement_event SET message_id = $3 WHERE workspace_id = $1 AND message_id = $2', [ws, pair.merged_message, pair.kept_message]);
    await manager.query('DELETE FROM message WHERE workspace_id = $1 AND id = $2', [ws, pair.merged_message]);
  }
  await manager.query('UPDATE message SET contact_id = $2 WHERE workspace_id = $1 AND contact_id = ANY($3::bigint[])', [ws, keptId, merged]);
  await manager.query('UPDATE engagement_event SET contact_id = $2 WHERE workspace_id = $1 AND contact_id = ANY($3::bigint[])', [ws, keptId, merged]);
  await manager.query('UPDATE deal SET contact_id = $2 WHERE workspace_id = $1 AND contact_id = ANY($3::bigint[])', [ws, keptId, merged]);

  // Keyed history: drop what the kept contact already has, move the rest.
  await manager.query(
    `DELETE FROM list_membership_change c WHERE c.workspace_id = $1 AND c.contact_id = ANY($3::bigint[]) AND EXISTS (
       SELECT 1 FROM list_membership_change k WHERE k.workspace_id = $1 AND k.contact_id = $2 AND k.list_id = c.list_id AND k.status = c.status AND k.at = c.at)`,
    [ws, keptId, merged],
  );
  await manager.query('UPDATE list_membership_change SET contact_id = $2 WHERE workspace_id = $1 AND contact_id = ANY($3::bigint[])', [ws, keptId, merged]);
  await manager.query(
    `DELETE FROM list_membership m WHERE m.workspace_id = $1 AND m.contact_id = ANY($3::bigint[]) AND EXISTS (
       SELECT 1 FROM list_membership k WHERE k.workspace_id = $1 AND k.contact_id = $2 AND k.list_id = m.list_id)`,
    [ws, keptId, merged],
  );
  await manager.query('UPDATE list_membership SET contact_id = $2 WHERE workspace_id = $1 AND contact_id = ANY($3::bigint[])', [ws, keptId, merged]);
  await manager.query(
    `DELETE FROM lifecycle_stage_change c WHERE c.workspace_id = $1 AND c.contact_id = ANY($3::bigint[]) AND EXISTS (
       SELECT 1 FROM lifecycle_stage_change k WHERE k.workspace_id = $1 AND k.contact_id = $2 AND k.to_stage = c.to_stage AND k.at = c.at)`,
    [ws, keptId, merged],
  );
  await manager.query('UPDATE lifecycle_stage_change SET contact_id = $2 WHERE workspace_id = $1 AND contact_id = ANY($3::bigint[])', [ws, keptId, merged]);
  // Points follow their events (the ledger is keyed by event); tier history is kept for the one person.
  await manager.query('UPDATE score_ledger SET contact_id = $2 WHERE workspace_id = $1 AND contact_id = ANY($3::bigint[])', [ws, keptId, merged]);
  await manager.query('UPDATE tier_change SET contact_id = $2 WHERE workspace_id = $1 AND contact_id = ANY($3::bigint[])', [ws, keptId, merged]);

  for (const mergedId of merged) {
    await manager.query('INSERT INTO contact_merge (workspace_id, kept_contact_id, merged_contact_id, reason) VALUES ($1, $2, $3, $4)', [ws, keptId, mergedId, reason]);
  }
  return { touchedMessageIds: pairs.map((pair) => pair.kept_message) };
}
