import type { EntityManager } from 'typeorm';
import { isScannerClick } from '../../domain/messages';
import type { BounceKind, CampaignType, EngagementEventType, LinkCategory } from '../../domain/model';
import { awardPoints, type LedgerEntry, type ScoringEvent } from '../../domain/scoring';
import { query, unnestRows } from '../../store/ingest/sql';
import type { EngagementRules } from './rules-of';

interface UnscoredEventRow {
  id: number;
  contact_id: number;
  type: EngagementEventType;
  occurred_at: Date;
  is_machine: boolean;
  bounce_kind: BounceKind | null;
  read_seconds: number | null;
  link_category: LinkCategory | null;
  campaign_type: CampaignType | null;
  reference_at: Date | null;
}

/**
 * Awards points for the contacts' events that have no ledger row yet, in the order they happened (caps fill up
 * in time order). The ledger is unique per (event, rule), so running this twice awards nothing twice.
 * A click within the scanner window of delivery is a link scanner's (as in the message facts) and never scores.
 * Returns how many ledger rows were written.
 */
export async function awardNewPoints(manager: EntityManager, workspaceId: number, contactIds: number[], rules: EngagementRules): Promise<number> {
  const { ruleset, settings } = rules;
  const scoredTypes = [...new Set(ruleset.rules.map((rule) => rule.event))];
  if (!contactIds.length || !scoredTypes.length) return 0;
  const events = await query<UnscoredEventRow>(
    manager,
    `SELECT e.id, e.contact_id, e.type, e.occurred_at, e.is_machine, e.bounce_kind, e.read_seconds,
       l.category AS link_category, c.type AS campaign_type, COALESCE(m.delivered_at, m.sent_at) AS reference_at
     FROM engagement_event e
     LEFT JOIN link l ON l.workspace_id = e.workspace_id AND l.id = e.link_id
     LEFT JOIN campaign c ON c.workspace_id = e.workspace_id AND c.id = e.campaign_id
     LEFT JOIN message m ON m.workspace_id = e.workspace_id AND m.id = e.message_id
     WHERE e.workspace_id = $1 AND e.contact_id = ANY($2::bigint[]) AND e.type = ANY($3::text[]) AND NOT e.is_machine
       AND NOT EXISTS (SELECT 1 FROM score_ledger s WHERE s.workspace_id = e.workspace_id AND s.event_id = e.id)
     ORDER BY e.occurred_at, e.id`,
    [workspaceId, contactIds, scoredTypes],
  );
  if (!events.length) return 0;

  const awarded = await awardedSoFar(manager, workspaceId, [...new Set(events.map((event) => event.contact_id))], rules);
  const entries: LedgerEntry[] = [];
  for (const row of events) {
    const scanner = row.type === 'CLICKED' && isScannerClick(row.occurred_at, row.reference_at, settings);
    const event: ScoringEvent = {
      eventId: String(row.id),
      contactId: String(row.contact_id),
      type: row.type,
      at: row.occurred_at,
      isMachine: row.is_machine || scanner,
      linkCategory: row.link_category,
      campaignType: row.campaign_type,
      readSeconds: row.read_seconds,
      bounceKind: row.bounce_kind,
    };
    const perRule = (awarded.get(row.contact_id) ?? new Map<string, number>());
    awarded.set(row.contact_id, perRule);
    for (const entry of awardPoints(ruleset, event, Object.fromEntries(perRule))) {
      perRule.set(entry.ruleId, (perRule.get(entry.ruleId) ?? 0) + entry.points);
      entries.push(entry);
    }
  }
  if (!entries.length) return 0;
  const input = unnestRows(entries, [
    { name: 'contact_id', type: 'bigint', value: (entry) => entry.contactId },
    { name: 'rule_id', type: 'text', value: (entry) => entry.ruleId },
    { name: 'event_id', type: 'bigint', value: (entry) => entry.eventId },
    { name: 'points', type: 'double precision', value: (entry) => entry.points },
    { name: 'at', type: 'timestamptz', value: (entry) => entry.at },
  ], 2);
  const inserted = await query<{ id: number }>(
    manager,
    `INSERT INTO score_ledger (workspace_id, contact_id, rule_id, event_id, points, at)
     SELECT $1, contact_id, rule_id, event_id, points, at FROM ${input.sql}
     ON CONFLICT (workspace_id, event_id, rule_id) WHERE event_id IS NOT NULL DO NOTHING RETURNING id`,
    [workspaceId, ...input.parameters],
  );
  return inserted.length;
}

/** Points each contact collected per rule so far (what caps count); read only when some rule has a cap. */
async function awardedSoFar(manager: EntityManager, workspaceId: number, contactIds: number[], rules: EngagementRules): Promise<Map<number, Map<string, number>>> {
  const totals = new Map<number, Map<string, number>>();
  if (!rules.ruleset.rules.some((rule) => rule.capPerContact !== undefined)) return totals;
  const rows = await query<{ contact_id: number; rule_id: string; points: number }>(
    manager,
    `SELECT contact_id, rule_id, sum(points) AS points FROM score_ledger
     WHERE workspace_id = $1 AND contact_id = ANY($2::bigint[]) AND event_id IS NOT NULL GROUP BY contact_id, rule_id`,
    [workspaceId, contactIds],
  );
  for (const row of rows) {
    const perRule = totals.get(row.contact_id) ?? new Map<string, number>();
    perRule.set(row.rule_id, Number(row.points));
    totals.set(row.contact_id, perRule);
  }
  return totals;
}
