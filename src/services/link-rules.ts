import type { DataSource } from 'typeorm';
import { compileLinkRules, DEFAULT_LINK_RULES, type LinkRule } from '../domain/links/classify';
import { LINK_CATEGORIES, isOneOf, type LinkCategory } from '../domain/model';
import { loadWriteContext } from '../store/ingest/context';
import { query, unnestRows } from '../store/ingest/sql';
import { recomputeMessageFacts } from '../store/ingest/write-messages';
import { UserInputError } from './errors';

export async function listLinkRules(dataSource: DataSource, workspaceId: number): Promise<LinkRule[]> {
  const rows = await query<{ pattern: string; category: LinkCategory; priority: number }>(
    dataSource.manager,
    'SELECT pattern, category, priority FROM link_rule WHERE workspace_id = $1 ORDER BY priority, id',
    [workspaceId],
  );
  return rows.length ? rows : DEFAULT_LINK_RULES.map((rule) => ({ ...rule }));
}

/**
 * Replaces the workspace's link rules and re-applies them to every known link; messages whose clicked links
 * changed category get their facts re-derived — all in one transaction.
 */
export async function replaceLinkRules(dataSource: DataSource, workspaceId: number, rules: LinkRule[]): Promise<{ rules: LinkRule[]; linksChanged: number }> {
  rules.forEach((rule, index) => {
    if (!rule.pattern.trim()) throw new UserInputError(`rule ${index + 1}: the pattern is empty`);
    if (!isOneOf(LINK_CATEGORIES, rule.category)) throw new UserInputError(`rule ${index + 1}: category "${rule.category}" is not one of ${LINK_CATEGORIES.join(', ')}`);
    const regex = /^\/(.+)\/$/.exec(rule.pattern);
    if (regex) {
      try {
        new RegExp(regex[1], 'i');
      } catch (error) {
        throw new UserInputError(`rule ${index + 1}: ${rule.pattern} is not a valid regular expression (${(error as Error).message})`);
      }
    }
  });
  return dataSource.transaction(async (manager) => {
    await manager.query('DELETE FROM link_rule WHERE workspace_id = $1', [workspaceId]);
    if (rules.length) {
      const input = unnestRows(rules, [
        { name: 'pattern', type: 'text', value: (r) => r.pattern },
        { name: 'category', type: 'text', value: (r) => r.category },
        { name: 'priority', type: 'integer', value: (r) => r.priority ?? 100 },
      ], 2);
      await manager.query(`INSERT INTO link_rule (workspace_id, pattern, category, priority) SELECT $1, pattern, category, priority FROM ${input.sql}`, [workspaceId, ...input.parameters]);
    }
    const categorise = compileLinkRules(rules.length ? rules : DEFAULT_LINK_RULES);
    const links = await query<{ id: number; url: string; category: LinkCategory }>(manager, 'SELECT id, url, category FROM link WHERE workspace_id = $1', [workspaceId]);
    const changed = links.map((link) => ({ ...link, next: categorise(link.url) })).filter((link) => link.next !== link.category);
    if (changed.length) {
      const input = unnestRows(changed, [
        { name: 'id', type: 'bigint', value: (l) => l.id },
        { name: 'category', type: 'text', value: (l) => l.next },
      ], 2);
      await manager.query(`UPDATE link l SET category = input.category FROM ${input.sql} WHERE l.workspace_id = $1 AND l.id = input.id`, [workspaceId, ...input.parameters]);
      const messages = await query<{ message_id: number }>(
        manager,
        'SELECT DISTINCT message_id FROM engagement_event WHERE workspace_id = $1 AND link_id = ANY($2::bigint[]) AND message_id IS NOT NULL',
        [workspaceId, changed.map((link) => link.id)],
      );
      const context = await loadWriteContext(manager, workspaceId, 'manual', null);
      await recomputeMessageFacts(manager, context, messages.map((row) => row.message_id));
    }
    return { rules: rules.length ? rules.map((rule) => ({ ...rule, priority: rule.priority ?? 100 })) : DEFAULT_LINK_RULES.map((rule) => ({ ...rule })), linksChanged: changed.length };
  });
}
