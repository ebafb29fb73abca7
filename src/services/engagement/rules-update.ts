/**
 * Changing a workspace's scoring or tier rules: the new rules are stored and the change logged (rules_change,
 * with before and after), then every live contact is re-rated in batches, each batch its own transaction whose
 * progress is counted on the log row and whose tier and stage changes are published after it commits.
 * New scoring rules re-award every event's points from scratch (manual adjustments stay).
 */
import type { DataSource } from 'typeorm';
import { rulesetProblems, type Decay, type ScoringRule } from '../../domain/scoring';
import type { ClickRule, DwellRule } from '../../domain/tiers';
import { SCORING_SETTING_KEYS, TIER_SETTING_KEYS, tierSettingsOf, tierSettingsProblems } from '../../domain/workspace/engagement';
import { withDefaults, type WorkspaceSettings } from '../../domain/workspace/settings';
import { RulesChange } from '../../store/entities';
import type { RulesKind } from '../../store/entities/engagement';
import { query } from '../../store/ingest/sql';
import type { Principal } from '../api-keys';
import { UserInputError } from '../errors';
import { publishEngagementChanges, type LeadEventBus } from './bus';
import { refreshContactEngagement } from './refresh';
import { engagementRulesOf } from './rules-of';

export interface ScoringRulesUpdate {
  rules: ScoringRule[];
  decay: Decay;
  mqlThreshold: number;
}

export interface TierRulesUpdate {
  windowDays: number;
  clickRule: ClickRule;
  highClickRate: number;
  dwellRule: DwellRule;
  glanceSeconds: number;
  deepReadSeconds: number;
}

export interface RulesChangeOptions {
  bus?: LeadEventBus;
  now?: () => Date;
  batchSize?: number;
}

export async function updateScoringRules(dataSource: DataSource, principal: Principal, update: ScoringRulesUpdate, options: RulesChangeOptions = {}): Promise<RulesChange> {
  const current = await storedSettings(dataSource, principal.workspaceId);
  const ruleset = { rules: update.rules, decay: update.decay, mqlThreshold: update.mqlThreshold, readThresholds: current };
  const problems = [...rulesetProblems(ruleset), ...update.rules.filter((rule) => !rule.id.trim()).map(() => 'every rule needs an id')];
  if (problems.length) throw new UserInputError(`the scoring rules were not changed: ${problems.join('; ')}`);
  const patch: Partial<WorkspaceSettings> = { scoringRules: update.rules, scoreDecay: update.decay, mqlThreshold: update.mqlThreshold };
  return changeRules(dataSource, principal, 'SCORING', patch, SCORING_SETTING_KEYS, options);
}

export async function updateTierRules(dataSource: DataSource, principal: Principal, update: TierRulesUpdate, options: RulesChangeOptions = {}): Promise<RulesChange> {
  const patch: Partial<WorkspaceSettings> = {
    tierWindowDays: update.windowDays, tierClickRule: update.clickRule, highClickRate: update.highClickRate, tierDwellRule: update.dwellRule,
    glanceSeconds: update.glanceSeconds, deepReadSeconds: update.deepReadSeconds,
  };
  const problems = tierSettingsProblems(tierSettingsOf(withDefaults(patch)));
  if (problems.length) throw new UserInputError(`the tier rules were not changed: ${problems.join('; ')}`);
  return changeRules(dataSource, principal, 'TIERS', patch, TIER_SETTING_KEYS, options);
}

async function storedSettings(dataSource: DataSource, workspaceId: number): Promise<WorkspaceSettings> {
  const [row] = await query<{ settings: Partial<WorkspaceSettings> }>(dataSource.manager, 'SELECT settings FROM workspace WHERE id = $1', [workspaceId]);
  return withDefaults(row?.settings);
}

async function changeRules(
  dataSource: DataSource,
  principal: Principal,
  kind: RulesKind,
  patch: Partial<WorkspaceSettings>,
  keys: readonly (keyof WorkspaceSettings)[],
  options: RulesChangeOptions,
): Promise<RulesChange> {
  const workspaceId = principal.workspaceId;
  const now = options.now ?? (() => new Date());
  const batchSize = options.batchSize ?? 500;
  const changeId = await dataSource.transaction(async (manager) => {
    const [row] = await query<{ settings: Partial<WorkspaceSettings> }>(manager, 'SELECT settings FROM workspace WHERE id = $1 FOR UPDATE', [workspaceId]);
    const before = Object.fromEntries(keys.map((key) => [key, withDefaults(row?.settings)[key]]));
    await manager.query('UPDATE workspace SET settings = settings || $2::jsonb WHERE id = $1', [workspaceId, JSON.stringify(patch)]);
    const [{ count }] = await query<{ count: number }>(manager, 'SELECT count(*)::int AS count FROM contact WHERE workspace_id = $1 AND merged_into_id IS NULL', [workspaceId]);
    const [inserted] = await query<{ id: number }>(
      manager,
      `INSERT INTO rules_change (workspace_id, kind, before, after, api_key_id, contacts_total) VALUES ($1, $2, $3::jsonb, $4::jsonb, $5, $6) RETURNING id`,
      [workspaceId, kind, JSON.stringify(before), JSON.stringify(patch), principal.apiKeyId, count],
    );
    return Number(inserted.id);
  });

  for (let afterId = 0; ;) {
    const batch = await query<{ id: number }>(
      dataSource.manager,
      'SELECT id FROM contact WHERE workspace_id = $1 AND merged_into_id IS NULL AND id > $2 ORDER BY id LIMIT $3',
      [workspaceId, afterId, batchSize],
    );
    if (!batch.length) break;
    const ids = batch.map((row) => Number(row.id));
    afterId = ids[ids.length - 1];
    const changes = await dataSource.transaction(async (manager) => {
      const rules = engagementRulesOf((await query<{ settings: Partial<WorkspaceSettings> }>(manager, 'SELECT settings FROM workspace WHERE id = $1', [workspaceId]))[0].settings);
      if (kind === 'SCORING') {
        await manager.query('DELETE FROM score_ledger WHERE workspace_id = $1 AND contact_id = ANY($2::bigint[]) AND event_id IS NOT NULL', [workspaceId, ids]);
      }
      const refreshed = await refreshContactEngagement(manager, workspaceId, ids, now(), { rules });
      await manager.query('UPDATE rules_change SET contacts_done = contacts_done + $3 WHERE workspace_id = $1 AND id = $2', [workspaceId, changeId, ids.length]);
      return refreshed;
    });
    publishEngagementChanges(options.bus, changes);
  }
  await dataSource.query('UPDATE rules_change SET finished_at = $3 WHERE workspace_id = $1 AND id = $2', [workspaceId, changeId, now()]);
  return dataSource.getRepository(RulesChange).findOneByOrFail({ workspaceId, id: changeId });
}
