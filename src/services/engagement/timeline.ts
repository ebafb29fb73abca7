/**
 * A lead's timeline: its engagement events, score ledger, stage and tier history in one list, newest first.
 */
import type { EntityManager } from 'typeorm';
import type { EngagementEventType, EngagementTier, LifecycleStage } from '../../domain/model';
import { query } from '../../store/ingest/sql';
import type { Bant } from './manual';

export const TIMELINE_KINDS = ['EVENT', 'SCORE', 'STAGE', 'TIER'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export interface TimelineItem {
  kind: TimelineKind;
  at: Date;
  summary: string;
  eventType?: EngagementEventType;
  campaignId?: number | null;
  points?: number;
  ruleId?: string;
  fromStage?: LifecycleStage | null;
  toStage?: LifecycleStage;
  fromTier?: EngagementTier | null;
  toTier?: EngagementTier;
  bant?: Bant | null;
}

/** Same-instant items in cause order: the event, the points it earned, then the stage and tier it moved. */
const KIND_ORDER: Record<TimelineKind, number> = { EVENT: 0, SCORE: 1, STAGE: 2, TIER: 3 };

export async function leadTimeline(manager: EntityManager, workspaceId: number, contactId: number, limit: number): Promise<TimelineItem[]> {
  const params = [workspaceId, contactId, limit];
  const events = await query<{ type: EngagementEventType; occurred_at: Date; campaign_id: number | null; is_machine: boolean; read_seconds: number | null; url: string | null }>(
    manager,
    `SELECT e.type, e.occurred_at, e.campaign_id, e.is_machine, e.read_seconds, l.url FROM engagement_event e
     LEFT JOIN link l ON l.workspace_id = e.workspace_id AND l.id = e.link_id
     WHERE e.workspace_id = $1 AND e.contact_id = $2 ORDER BY e.occurred_at DESC, e.id DESC LIMIT $3`,
    params,
  );
  const ledger = await query<{ rule_id: string; points: number; at: Date; reason: string | null }>(
    manager, 'SELECT rule_id, points, at, reason FROM score_ledger WHERE workspace_id = $1 AND contact_id = $2 ORDER BY at DESC, id DESC LIMIT $3', params,
  );
  const stages = await query<{ from_stage: LifecycleStage | null; to_stage: LifecycleStage; at: Date; cause: string; details: { bant?: Bant } | null }>(
    manager, 'SELECT from_stage, to_stage, at, cause, details FROM lifecycle_stage_change WHERE workspace_id = $1 AND contact_id = $2 ORDER BY at DESC, id DESC LIMIT $3', params,
  );
  const tiers = await query<{ from_tier: EngagementTier | null; to_tier: EngagementTier; at: Date; reason: string }>(
    manager, 'SELECT from_tier, to_tier, at, reason FROM tier_change WHERE workspace_id = $1 AND contact_id = $2 ORDER BY id DESC LIMIT $3', params,
  );
  const items: TimelineItem[] = [
    ...events.map((e): TimelineItem => ({
      kind: 'EVENT', at: e.occurred_at, eventType: e.type, campaignId: e.campaign_id,
      summary: [e.type, e.is_machine ? '(machine)' : null, e.url, e.read_seconds !== null ? `(${e.read_seconds} s)` : null].filter(Boolean).join(' '),
    })),
    ...ledger.map((l): TimelineItem => ({
      kind: 'SCORE', at: l.at, points: Number(l.points), ruleId: l.rule_id,
      summary: `${l.points > 0 ? '+' : ''}${Number(l.points)} ${l.rule_id}${l.reason ? `: ${l.reason}` : ''}`,
    })),
    ...stages.map((s): TimelineItem => ({
      kind: 'STAGE', at: s.at, fromStage: s.from_stage, toStage: s.to_stage, bant: s.details?.bant ?? null,
      summary: `${s.from_stage ?? 'none'} → ${s.to_stage}: ${s.cause}`,
    })),
    ...tiers.map((t): TimelineItem => ({
      kind: 'TIER', at: t.at, fromTier: t.from_tier, toTier: t.to_tier, summary: `${t.from_tier ?? 'none'} → ${t.to_tier}: ${t.reason}`,
    })),
  ];
  return items.sort((a, b) => b.at.getTime() - a.at.getTime() || KIND_ORDER[b.kind] - KIND_ORDER[a.kind]).slice(0, limit);
}
