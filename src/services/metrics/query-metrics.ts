/**
 * The metrics service: message metrics of a workspace, filtered and grouped, in one SQL statement per request
 * (plus the read of the workspace's settings). The workspace always comes from the caller's API key.
 */
import type { EntityManager } from 'typeorm';
import { CAMPAIGN_TYPES, CHANNELS, LINK_CATEGORIES, SOURCES, isOneOf } from '../../domain/model';
import { METRIC_GROUPINGS, ctrMetricOf, type MetricGrouping } from '../../domain/metrics';
import { withDefaults } from '../../domain/workspace/settings';
import { Workspace } from '../../store/entities';
import { NotFoundError, UserInputError } from '../errors';
import { cellsOf, requestedMetrics, selectionsOf } from './plan';
import { servedRows, type SqlRow } from './rows';
import { measureKey, refreshRollups, rollupsCanAnswer } from './rollups';
import { metricsStatement, rollupStatement } from './statement';
import type { MetricFilter, MetricQuery, MetricRow, MetricSettings } from './types';

export async function readMetricSettings(manager: EntityManager, workspaceId: number): Promise<MetricSettings> {
  const workspace = await manager.getRepository(Workspace).findOne({ where: { id: workspaceId }, select: { id: true, settings: true } });
  if (!workspace) throw new NotFoundError(`no workspace ${workspaceId}`);
  const settings = withDefaults(workspace.settings);
  if (settings.ctrMode !== 'UNIQUE' && settings.ctrMode !== 'TOTAL') {
    throw new UserInputError(`the workspace setting ctrMode must be UNIQUE or TOTAL (got ${JSON.stringify(settings.ctrMode)})`);
  }
  if (typeof settings.deepReadSeconds !== 'number' || !(settings.deepReadSeconds >= 0)) {
    throw new UserInputError(`the workspace setting deepReadSeconds must be a number of seconds ≥ 0 (got ${JSON.stringify(settings.deepReadSeconds)})`);
  }
  return { ctrMode: settings.ctrMode, deepReadSeconds: settings.deepReadSeconds, siteDomains: settings.siteDomains ?? [] };
}

const isValidDate = (date: Date | null | undefined) => !date || (date instanceof Date && !Number.isNaN(date.getTime()));

/** Checks what GraphQL's types cannot (the CSV route passes strings through the same checks). */
export function checkFilter(filter: MetricFilter): void {
  if (!isValidDate(filter.from) || !isValidDate(filter.to)) throw new UserInputError('from and to must be ISO 8601 dates or date-times');
  if (filter.from && filter.to && filter.from >= filter.to) {
    throw new UserInputError(`from (${filter.from.toISOString()}) must be before to (${filter.to.toISOString()}); to is exclusive`);
  }
  if (filter.channel && !isOneOf(CHANNELS, filter.channel)) throw new UserInputError(`channel must be one of ${CHANNELS.join(', ')} (got "${filter.channel}")`);
  if (filter.campaignType && !isOneOf(CAMPAIGN_TYPES, filter.campaignType)) {
    throw new UserInputError(`campaignType must be one of ${CAMPAIGN_TYPES.join(', ')} (got "${filter.campaignType}")`);
  }
  if (filter.source && !isOneOf(SOURCES, filter.source)) throw new UserInputError(`source must be one of ${SOURCES.join(', ')} (got "${filter.source}")`);
  for (const [name, ids] of [['campaignIds', filter.campaignIds], ['contactIds', filter.contactIds], ['listId', filter.listId ? [filter.listId] : null]] as const) {
    if (ids?.some((id) => !Number.isSafeInteger(id) || id <= 0)) throw new UserInputError(`${name} must be positive integer ids`);
  }
}

export function checkGrouping(grouping: string | null | undefined): MetricGrouping | null {
  if (grouping === null || grouping === undefined || grouping === '') return null;
  if (!isOneOf(METRIC_GROUPINGS, grouping)) throw new UserInputError(`groupBy must be one of ${METRIC_GROUPINGS.join(', ')} (got "${grouping}")`);
  return grouping;
}

/**
 * Message metrics of the workspace: one row per group (only groups with messages; ungrouped, the one total row).
 * `settings` may be passed by a caller that already read them (a request's loaders).
 */
export async function queryMetrics(manager: EntityManager, workspaceId: number, query: MetricQuery, settings?: MetricSettings): Promise<MetricRow[]> {
  const metrics = requestedMetrics(query.metrics);
  const grouping = checkGrouping(query.groupBy);
  const filter = query.filter ?? {};
  checkFilter(filter);
  const resolved = settings ?? (await readMetricSettings(manager, workspaceId));
  const ctrMetric = ctrMetricOf(resolved.ctrMode);
  // Grouped by link category, each served row holds one category's cells; the statement computes them all.
  const categories = grouping === 'LINK_CATEGORY' ? LINK_CATEGORIES : [undefined];
  const cells = [...metrics, ctrMetric].flatMap((metric) => categories.flatMap((category) => cellsOf(metric, grouping, category)));
  const selections = selectionsOf(cells);
  const fromRollups = query.from !== 'messages' && rollupsCanAnswer(filter, grouping);
  if (fromRollups) await refreshRollups(manager, workspaceId, resolved.deepReadSeconds);
  const statement = fromRollups
    ? rollupStatement(workspaceId, filter, grouping, selections, measureKey)
    : metricsStatement(workspaceId, filter, grouping, selections, resolved.deepReadSeconds);
  const rows = (await manager.query(statement.sql, statement.parameters)) as SqlRow[];
  return servedRows({ grouping, metrics, ctrMetric, selections, settings: resolved }, rows);
}
