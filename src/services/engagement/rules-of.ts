import type { EntityManager } from 'typeorm';
import type { ScoringRuleset } from '../../domain/scoring';
import type { TierSettings } from '../../domain/tiers';
import { scoringRulesetOf, tierSettingsOf } from '../../domain/workspace/engagement';
import { withDefaults, type WorkspaceSettings } from '../../domain/workspace/settings';
import { query } from '../../store/ingest/sql';
import { NotFoundError } from '../errors';

/** A workspace's scoring and tier rules, read once per refresh. */
export interface EngagementRules {
  settings: WorkspaceSettings;
  ruleset: ScoringRuleset;
  tiers: TierSettings;
}

export function engagementRulesOf(stored: Partial<WorkspaceSettings> | null | undefined): EngagementRules {
  const settings = withDefaults(stored);
  return { settings, ruleset: scoringRulesetOf(settings), tiers: tierSettingsOf(settings) };
}

export async function loadEngagementRules(manager: EntityManager, workspaceId: number): Promise<EngagementRules> {
  const [row] = await query<{ settings: Partial<WorkspaceSettings> }>(manager, 'SELECT settings FROM workspace WHERE id = $1', [workspaceId]);
  if (!row) throw new NotFoundError(`workspace ${workspaceId} does not exist`);
  return engagementRulesOf(row.settings);
}
