/**
 * Keeps each contact's automatic stage changes (source "scoring" or "deal") equal to what its history, deals and
 * score imply (domain/lifecycle/automatic.ts): the missing ones are planned for insertion, the ones no longer
 * implied (a superseding CRM record, new scoring rules) for removal. Only insertions are news to subscribers.
 */
import type { EntityManager } from 'typeorm';
import { automaticMoves, type DealEvidence } from '../../domain/lifecycle';
import type { LifecycleStage } from '../../domain/model';
import { scoreAt, type LedgerEntry, type ScoringRuleset } from '../../domain/scoring';
import { query } from '../../store/ingest/sql';
import type { StageChangeToWrite } from './stage-writes';

export const AUTOMATIC_SOURCES = ['scoring', 'deal'];

export interface StageRow {
  id: number;
  contactId: number;
  to: LifecycleStage;
  at: Date;
  cause: string;
  source: string | null;
  details: { initialStage?: LifecycleStage } | null;
}

export async function stageRowsOf(manager: EntityManager, workspaceId: number, contactIds: number[]): Promise<Map<number, StageRow[]>> {
  const rows = await query<{ id: number; contact_id: number; to_stage: LifecycleStage; at: Date; cause: string; source: string | null; details: StageRow['details'] }>(
    manager,
    'SELECT id, contact_id, to_stage, at, cause, source, details FROM lifecycle_stage_change WHERE workspace_id = $1 AND contact_id = ANY($2::bigint[]) ORDER BY at, id',
    [workspaceId, contactIds],
  );
  const byContact = new Map<number, StageRow[]>(contactIds.map((id) => [id, []]));
  for (const row of rows) {
    byContact.get(Number(row.contact_id))?.push({
      id: Number(row.id), contactId: Number(row.contact_id), to: row.to_stage, at: row.at, cause: row.cause, source: row.source, details: row.details,
    });
  }
  return byContact;
}

export interface StagePlan {
  inserts: StageChangeToWrite[];
  removals: Array<{ id: number; contactId: number }>;
  /** Rows still implied whose cause reads differently now (an earlier event arrived late): not news. */
  recauses: Array<{ id: number; cause: string }>;
}

export interface ContactStageInputs {
  contactId: number;
  /** The contact's stage column (a CRM property when it has no history). */
  stage: LifecycleStage;
  rows: StageRow[];
  deals: DealEvidence[];
  ledger: LedgerEntry[];
}

export function planAutomaticStages(contacts: ContactStageInputs[], ruleset: ScoringRuleset, now: Date): StagePlan {
  const plan: StagePlan = { inserts: [], removals: [], recauses: [] };
  for (const contact of contacts) {
    const isAutomatic = (row: StageRow) => row.source !== null && AUTOMATIC_SOURCES.includes(row.source);
    const history = contact.rows.filter((row) => !isAutomatic(row));
    const existing = contact.rows.filter(isAutomatic);
    // Without recorded history the starting stage is the CRM property; once automatic rows have overwritten the
    // stage column, the one they started from is kept in their details.
    const initialStage = history.length ? null : (existing[0]?.details?.initialStage ?? contact.stage);
    const counted = contact.ledger.filter((entry) => entry.at <= now);
    const moves = automaticMoves({
      initialStage,
      history,
      deals: contact.deals,
      scoreMoments: counted.map((entry) => entry.at),
      scoreAt: (at) => scoreAt(counted.filter((entry) => entry.at <= at), ruleset, at),
      threshold: ruleset.mqlThreshold,
    });
    const keyOf = (move: { to: string; at: Date; source: string | null }) => `${move.to}|${move.at.getTime()}|${move.source}`;
    const wanted = new Map(moves.map((move) => [keyOf(move), move]));
    const have = new Map(existing.map((row) => [keyOf(row), row]));
    for (const row of existing) {
      const move = wanted.get(keyOf(row));
      if (!move) plan.removals.push({ id: row.id, contactId: contact.contactId });
      else if (move.cause !== row.cause) plan.recauses.push({ id: row.id, cause: move.cause });
    }
    for (const move of moves) {
      if (have.has(keyOf(move))) continue;
      plan.inserts.push({ contactId: contact.contactId, ...move, details: history.length ? null : { initialStage } });
    }
  }
  return plan;
}
