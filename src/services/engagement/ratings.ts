import type { EntityManager } from 'typeorm';
import type { DeliveryStatus } from '../../domain/model';
import { scoreAt, type LedgerEntry, type ScoringRuleset } from '../../domain/scoring';
import { messagesInWindow, signalsOf, type TierSettings, type TierSignals } from '../../domain/tiers';
import { query } from '../../store/ingest/sql';

export interface ContactRating {
  signals: TierSignals;
  /** Campaigns the contact received (any time): subscription filters match on them. */
  campaignIds: number[];
}

/** Each contact's tier signals over its delivered messages in the window ending at `now`. */
export async function rateContacts(manager: EntityManager, workspaceId: number, contactIds: number[], settings: TierSettings, now: Date): Promise<Map<number, ContactRating>> {
  const rows = await query<{
    contact_id: number; campaign_id: number; status: DeliveryStatus; delivered_at: Date | null; status_at: Date | null;
    human_clicks: number; read_seconds: number | null; replied: boolean;
  }>(
    manager,
    `SELECT contact_id, campaign_id, status, delivered_at, status_at, human_clicks, read_seconds, replied
     FROM message WHERE workspace_id = $1 AND contact_id = ANY($2::bigint[])`,
    [workspaceId, contactIds],
  );
  const byContact = new Map<number, typeof rows>(contactIds.map((id) => [id, []]));
  for (const row of rows) byContact.get(row.contact_id)?.push(row);
  const ratings = new Map<number, ContactRating>();
  for (const [contactId, messages] of byContact) {
    const rated = messages.map((m) => ({
      status: m.status, deliveredAt: m.delivered_at, statusAt: m.status_at, humanClicks: m.human_clicks, readSeconds: m.read_seconds, replied: m.replied,
    }));
    ratings.set(contactId, {
      signals: signalsOf(messagesInWindow(rated, now, settings), settings),
      campaignIds: [...new Set(messages.map((m) => Number(m.campaign_id)))].sort((a, b) => a - b),
    });
  }
  return ratings;
}

/** Rounded to a thousandth: decay makes long fractions, and a stored score compared in filters should not wobble. */
const rounded = (score: number) => Math.round(score * 1000) / 1000;

export async function ledgerOf(manager: EntityManager, workspaceId: number, contactIds: number[]): Promise<Map<number, LedgerEntry[]>> {
  const rows = await query<{ contact_id: number; rule_id: string; event_id: number | null; points: number; at: Date }>(
    manager,
    'SELECT contact_id, rule_id, event_id, points, at FROM score_ledger WHERE workspace_id = $1 AND contact_id = ANY($2::bigint[]) ORDER BY at, id',
    [workspaceId, contactIds],
  );
  const byContact = new Map<number, LedgerEntry[]>(contactIds.map((id) => [id, []]));
  for (const row of rows) {
    byContact.get(row.contact_id)?.push({ contactId: String(row.contact_id), ruleId: row.rule_id, eventId: String(row.event_id ?? ''), points: Number(row.points), at: row.at });
  }
  return byContact;
}

/** A contact's score at `now` from its ledger, with the ruleset's decay. */
export function scoreOf(ledger: readonly LedgerEntry[], ruleset: ScoringRuleset, now: Date): number {
  return rounded(scoreAt(ledger, ruleset, now));
}
