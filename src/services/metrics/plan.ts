/**
 * What a metrics request computes: the metrics asked for (checked against the catalogue), the cells of each
 * group's row (a per-category metric is one cell per link category), and the distinct numerator/denominator
 * pairs the SQL statement must aggregate — one pair per (metric, category), however many cells use it.
 */
import { LINK_CATEGORIES, type LinkCategory } from '../../domain/model';
import {
  MESSAGE_METRIC_IDS,
  METRICS_BY_ID,
  groupingProblem,
  isMetricId,
  type MessageMetricId,
  type MetricGrouping,
} from '../../domain/metrics';
import { UserInputError } from '../errors';

/** One numerator/denominator pair of the statement. */
export interface Selection {
  metric: MessageMetricId;
  linkCategory?: LinkCategory;
}

/** One value of a row: computed from a selection, or null with the reason the grouping does not apply. */
export interface Cell extends Selection {
  problem: string | null;
}

const isMessageMetric = (id: string): id is MessageMetricId => (MESSAGE_METRIC_IDS as readonly string[]).includes(id);

/** The requested ids as message metrics, without repeats; every message metric when none are named. */
export function requestedMetrics(ids: readonly string[] | null | undefined): MessageMetricId[] {
  if (!ids || ids.length === 0) return [...MESSAGE_METRIC_IDS];
  const metrics: MessageMetricId[] = [];
  for (const id of ids) {
    if (!isMetricId(id)) throw new UserInputError(`unknown metric "${id}"; message metrics: ${MESSAGE_METRIC_IDS.join(', ')}`);
    if (!isMessageMetric(id)) {
      const definition = METRICS_BY_ID[id];
      throw new UserInputError(
        `"${id}" is a ${definition.scope} metric, not counted over messages; this query serves message metrics only` +
          (definition.computedBy ? ` (${id} is computed by ${definition.computedBy})` : ''),
      );
    }
    if (!metrics.includes(id)) metrics.push(id);
  }
  return metrics;
}

/**
 * The cells of one row. Grouped by link category, the row is one category's: a per-category metric is its value
 * for that category. Otherwise a per-category metric is served for every category, in vocabulary order.
 */
export function cellsOf(metric: MessageMetricId, grouping: MetricGrouping | null, groupCategory?: LinkCategory): Cell[] {
  const definition = METRICS_BY_ID[metric];
  const problem = groupingProblem(definition, grouping);
  if (definition.perGroup !== 'linkCategory') return [{ metric, problem }];
  if (groupCategory !== undefined) return [{ metric, linkCategory: groupCategory, problem }];
  return LINK_CATEGORIES.map((linkCategory) => ({ metric, linkCategory, problem }));
}

export const selectionKey = (selection: Selection) => `${selection.metric}:${selection.linkCategory ?? ''}`;

/** Every distinct selection the cells need (cells with a problem need none), in first-use order. */
export function selectionsOf(cells: readonly Cell[]): Selection[] {
  const byKey = new Map<string, Selection>();
  for (const cell of cells) {
    if (cell.problem !== null) continue;
    const key = selectionKey(cell);
    if (!byKey.has(key)) byKey.set(key, cell.linkCategory === undefined ? { metric: cell.metric } : { metric: cell.metric, linkCategory: cell.linkCategory });
  }
  return [...byKey.values()];
}
