/**
 * Brings contacts' engagement up to date after something about them changed (new events, stage history, deals,
 * rules, or time passing): points for new events, score, automatic stage moves, tier. Runs inside the caller's
 * transaction and returns what changed; the caller publishes it after commit, never before.
 */
import type { EntityManager } from 'typeorm';
import type { EngagementTier } from '../../domain/model';
import { tierChange, type TierSignals } from '../../domain/tiers';
import { lockLeadHistory } from '../../store/ingest/history-lock';
import { query, unnestRows } from '../../store/ingest/sql';
import { planAutomaticStages, stageRowsOf } from './automatic-stages';
import { awardNewPoints } from './award';
import { noChanges, type EngagementChanges, type TierChangeNotice } from './changes';
import { contactStates, dealsOf } from './contact-state';
import { ledgerOf, rateContacts, scoreOf } from './ratings';
import { loadEngagementRules, type EngagementRules } from './rules-of';
import { writeStageChanges } from './stage-writes';

export interface RefreshOptions {
  /** The workspace's rules, when the caller already read them. */
  rules?: EngagementRules;
}

interface ContactUpdate {
  id: number;
  score: number;
  tier: EngagementTier;
  tierChanged: boolean;
  signals: TierSignals;
}

interface PendingTierChange {
  contactId: number;
  from: EngagementTier;
  to: EngagementTier;
  signals: TierSignals;
  reason: string;
  campaignIds: number[];
}

export async function refreshContactEngagement(
  manager: EntityManager,
  workspaceId: number,
  contactIds: readonly number[],
  now: Date,
  options: RefreshOptions = {},
): Promise<EngagementChanges> {
  const ids = [...new Set(contactIds.map(Number))];
  if (!ids.length) return noChanges();
  const rules = options.rules ?? (await loadEngagementRules(manager, workspaceId));
  await awardNewPoints(manager, workspaceId, ids, rules);
  const contacts = await contactStates(manager, workspaceId, ids);
  if (!contacts.length) return noChanges();
  const liveIds = contacts.map((contact) => contact.id);
  const ledgers = await ledgerOf(manager, workspaceId, liveIds);
  const ratings = await rateContacts(manager, workspaceId, liveIds, rules.tiers, now);
  const deals = await dealsOf(manager, workspaceId, liveIds);
  const stageRows = await stageRowsOf(manager, workspaceId, liveIds);

  const updates: ContactUpdate[] = [];
  const tierChanges: PendingTierChange[] = [];
  for (const contact of contacts) {
    const score = scoreOf(ledgers.get(contact.id)!, rules.ruleset, now);
    const { signals, campaignIds } = ratings.get(contact.id)!;
    const change = tierChange(contact.tier, signals, rules.tiers.windowDays);
    updates.push({ id: contact.id, score, tier: change?.to ?? contact.tier, tierChanged: change !== null, signals });
    if (change) tierChanges.push({ contactId: contact.id, from: contact.tier, to: change.to, signals, reason: change.cause, campaignIds });
  }
  const stages = planAutomaticStages(
    contacts.map((contact) => ({
      contactId: contact.id, stage: contact.stage, rows: stageRows.get(contact.id)!, deals: deals.get(contact.id) ?? [], ledger: ledgers.get(contact.id)!,
    })),
    rules.ruleset,
    now,
  );
  await updateContacts(manager, workspaceId, updates, now);

  // The history rows come last, under a per-workspace lock held to commit: tier_change ids (the subscription
  // cursors) then commit in id order, so a subscriber resuming after id N can never miss a smaller id that
  // committed later. After the lock a batch writes only rows no other writer holds (these, its own contacts'
  // stage and its own import run), so waiting on it cannot deadlock.
  if (stages.recauses.length) {
    const input = unnestRows(stages.recauses, [{ name: 'id', type: 'bigint', value: (r) => r.id }, { name: 'cause', type: 'text', value: (r) => r.cause }], 2);
    await manager.query(`UPDATE lifecycle_stage_change h SET cause = input.cause FROM ${input.sql} WHERE h.workspace_id = $1 AND h.id = input.id`, [workspaceId, ...input.parameters]);
  }
  if (!tierChanges.length && !stages.inserts.length && !stages.removals.length) return noChanges();
  await lockLeadHistory(manager, workspaceId);
  return {
    tierChanges: await writeTierChanges(manager, workspaceId, tierChanges, now),
    stageChanges: await writeStageChanges(manager, workspaceId, stages.inserts, stages.removals),
  };
}

async function updateContacts(manager: EntityManager, workspaceId: number, updates: ContactUpdate[], now: Date): Promise<void> {
  if (!updates.length) return;
  const input = unnestRows(updates, [
    { name: 'id', type: 'bigint', value: (u) => u.id },
    { name: 'score', type: 'double precision', value: (u) => u.score },
    { name: 'tier', type: 'text', value: (u) => u.tier },
    { name: 'tier_changed', type: 'boolean', value: (u) => u.tierChanged },
    { name: 'signals', type: 'jsonb', value: (u) => u.signals },
  ], 3);
  await manager.query(
    `UPDATE contact c SET score = input.score, tier = input.tier, tier_signals = input.signals::jsonb, tier_rated_at = $2,
       tier_since = CASE WHEN input.tier_changed THEN $2 ELSE c.tier_since END
     FROM ${input.sql} WHERE c.workspace_id = $1 AND c.id = input.id`,
    [workspaceId, now, ...input.parameters],
  );
}

async function writeTierChanges(manager: EntityManager, workspaceId: number, changes: PendingTierChange[], now: Date): Promise<TierChangeNotice[]> {
  if (!changes.length) return [];
  const input = unnestRows(changes, [
    { name: 'contact_id', type: 'bigint', value: (c) => c.contactId },
    { name: 'from_tier', type: 'text', value: (c) => c.from },
    { name: 'to_tier', type: 'text', value: (c) => c.to },
    { name: 'signals', type: 'jsonb', value: (c) => c.signals },
    { name: 'reason', type: 'text', value: (c) => c.reason },
  ], 3);
  // One change per contact, so ids map back by contact.
  const rows = await query<{ id: number; contact_id: number }>(
    manager,
    `INSERT INTO tier_change (workspace_id, contact_id, from_tier, to_tier, signals, reason, at)
     SELECT $1, contact_id, from_tier, to_tier, signals::jsonb, reason, $2 FROM ${input.sql} RETURNING id, contact_id`,
    [workspaceId, now, ...input.parameters],
  );
  const idByContact = new Map(rows.map((row) => [Number(row.contact_id), Number(row.id)]));
  return changes
    .map((change) => ({
      workspaceId, cursor: String(idByContact.get(change.contactId)), contactId: change.contactId, from: change.from, to: change.to,
      signals: change.signals, reason: change.reason, at: now.toISOString(), campaignIds: change.campaignIds,
    }))
    .sort((a, b) => Number(a.cursor) - Number(b.cursor));
}
