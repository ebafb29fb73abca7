import type { EntityManager } from 'typeorm';
import { compileLinkRules, DEFAULT_LINK_RULES, type LinkRule } from '../../domain/links/classify';
import type { LinkCategory } from '../../domain/model';
import { withDefaults } from '../../domain/workspace/settings';
import type { WriteContext } from './batch';
import { query } from './sql';

/** The workspace facts a write needs: its settings and its link rules (the defaults when it has none). */
export async function loadWriteContext(manager: EntityManager, workspaceId: number, source: string, importRunId: number | null): Promise<WriteContext> {
  const [workspace] = await query<{ settings: object }>(manager, 'SELECT settings FROM workspace WHERE id = $1', [workspaceId]);
  if (!workspace) throw new Error(`workspace ${workspaceId} does not exist`);
  const rules = await query<{ pattern: string; category: LinkCategory; priority: number }>(
    manager,
    'SELECT pattern, category, priority FROM link_rule WHERE workspace_id = $1 ORDER BY priority, id',
    [workspaceId],
  );
  const linkRules: readonly LinkRule[] = rules.length ? rules : DEFAULT_LINK_RULES;
  return { workspaceId, source, settings: withDefaults(workspace.settings), categoriseLink: compileLinkRules(linkRules), importRunId };
}
