/**
 * Changes made by hand through the API: a lifecycle stage set by sales (any direction, DISQUALIFIED included,
 * optionally with BANT answers) and a manual score adjustment (a ledger row with its reason). Each runs in one
 * transaction and is published after it commits.
 */
import type { DataSource } from 'typeorm';
import { refusalOf } from '../../domain/lifecycle';
import type { LifecycleStage } from '../../domain/model';
import type { Contact } from '../../store/entities';
import type { Principal } from '../api-keys';
import { getContact } from '../contacts';
import { UserInputError } from '../errors';
import { publishEngagementChanges, type LeadEventBus } from './bus';
import { mergeChanges, noChanges, type EngagementChanges } from './changes';
import { refreshContactEngagement } from './refresh';
import { writeStageChanges } from './stage-writes';

/** BANT qualification answers (budget, authority, need, timeline), free text as sales write them. */
export interface Bant {
  budget?: string | null;
  authority?: string | null;
  need?: string | null;
  timeline?: string | null;
}

export interface ManualStageInput {
  stage: LifecycleStage;
  bant?: Bant | null;
  note?: string | null;
}

export async function setLifecycleStageByHand(
  dataSource: DataSource,
  principal: Principal,
  leadId: number,
  input: ManualStageInput,
  bus: LeadEventBus | undefined,
  now: Date = new Date(),
): Promise<Contact> {
  const workspaceId = principal.workspaceId;
  const { contactId, changes } = await dataSource.transaction(async (manager) => {
    const contact = await getContact(manager, workspaceId, leadId);
    const refusal = refusalOf(contact.lifecycleStage, input.stage, 'manual');
    if (refusal) throw new UserInputError(refusal);
    // Dated now, but never before the current stage (history imported with later dates stays in order).
    const stageAt = contact.lifecycleStageAt;
    const at = stageAt && stageAt >= now ? new Date(stageAt.getTime() + 1) : now;
    const bant = compactBant(input.bant);
    const note = input.note?.trim() || null;
    const stageChanges = await writeStageChanges(manager, workspaceId, [{
      contactId: contact.id, to: input.stage, at, source: 'manual',
      cause: note ? `set by hand: ${note}` : 'set by hand',
      details: { apiKeyId: principal.apiKeyId, ...(bant ? { bant } : {}), ...(note ? { note } : {}) },
    }]);
    // A LEAD set by hand whose score is already over the threshold becomes an MQL now, not at its next event.
    const refreshed = await refreshContactEngagement(manager, workspaceId, [contact.id], now);
    return { contactId: contact.id, changes: mergeChanges({ ...noChanges(), stageChanges }, refreshed) };
  });
  publishEngagementChanges(bus, changes);
  return getContact(dataSource.manager, workspaceId, contactId);
}

export async function adjustScoreByHand(
  dataSource: DataSource,
  principal: Principal,
  leadId: number,
  points: number,
  reason: string,
  bus: LeadEventBus | undefined,
  now: Date = new Date(),
): Promise<Contact> {
  if (!Number.isFinite(points) || points === 0) throw new UserInputError(`points must be a non-zero number (got ${points})`);
  if (!reason.trim()) throw new UserInputError('say why the score is adjusted (reason is empty)');
  const workspaceId = principal.workspaceId;
  const { contactId, changes } = await dataSource.transaction(async (manager) => {
    const contact = await getContact(manager, workspaceId, leadId);
    await manager.query(
      `INSERT INTO score_ledger (workspace_id, contact_id, rule_id, event_id, points, at, reason) VALUES ($1, $2, 'manual', NULL, $3, $4, $5)`,
      [workspaceId, contact.id, points, now, reason.trim()],
    );
    const refreshed: EngagementChanges = await refreshContactEngagement(manager, workspaceId, [contact.id], now);
    return { contactId: contact.id, changes: refreshed };
  });
  publishEngagementChanges(bus, changes);
  return getContact(dataSource.manager, workspaceId, contactId);
}

function compactBant(bant: Bant | null | undefined): Bant | null {
  if (!bant) return null;
  const entries = Object.entries(bant).filter(([key, value]) => ['budget', 'authority', 'need', 'timeline'].includes(key) && typeof value === 'string' && value.trim());
  return entries.length ? Object.fromEntries(entries.map(([key, value]) => [key, (value as string).trim()])) : null;
}
