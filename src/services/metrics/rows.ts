/**
 * From the statement's result rows to served rows: each cell's value from its selection's totals, null with a
 * reason when the grouping does not apply, when an input cannot be supplied by the sources of the group's
 * messages, or when the denominator is 0 (the domain's metricValueFromTotals says which).
 */
import { LINK_CATEGORIES, SOURCES, isOneOf, type LinkCategory, type Source } from '../../domain/model';
import {
  METRICS_BY_ID,
  availableInputs,
  inputsUnavailableValue,
  metricValueFromTotals,
  missingInputs,
  nullValue,
  withLinkCategory,
  type MessageMetricId,
  type MetricGrouping,
  type MetricValue,
} from '../../domain/metrics';
import { cellsOf, selectionKey, type Cell, type Selection } from './plan';
import { denominatorColumn, numeratorColumn } from './statement';
import type { MetricGroup, MetricRow, MetricSettings, ServedValue } from './types';

export type SqlRow = Record<string, unknown>;

const NO_KEY: Partial<Record<MetricGrouping, { key: string; label: string }>> = {
  CAMPAIGN: { key: 'NONE', label: 'no campaign' },
  DAY: { key: 'NONE', label: 'no send date' },
  WEEK: { key: 'NONE', label: 'no send date' },
  MONTH: { key: 'NONE', label: 'no send date' },
  LIST: { key: 'NONE', label: 'no list' },
};

/** The value with its link category spelled out, as the API serves it. */
export function servedValue(value: MetricValue): ServedValue {
  return { ...value, linkCategory: value.group?.dimension === 'linkCategory' ? (value.group.key as LinkCategory) : null };
}

/** "CASE_STUDY" → "Case study". */
export const categoryLabel = (category: LinkCategory) => category.charAt(0) + category.slice(1).toLowerCase().replace(/_/g, ' ');

function groupOf(grouping: MetricGrouping | null, row: SqlRow): MetricGroup {
  if (grouping === null) return { dimension: null, key: 'ALL', label: 'All messages' };
  const key = row.group_key as string | null;
  if (key === null) return { dimension: grouping, ...(NO_KEY[grouping] ?? { key: 'NONE', label: 'none' }) };
  return { dimension: grouping, key, label: (row.group_label as string | null) ?? key };
}

interface RowContext {
  grouping: MetricGrouping | null;
  metrics: readonly MessageMetricId[];
  ctrMetric: MessageMetricId;
  selections: readonly Selection[];
  settings: MetricSettings;
}

/** The context plus where each selection's columns are. */
type Located = RowContext & { columnIndex: ReadonlyMap<string, number> };

/** Builds one served row from a result row; `category` is the row's link category when grouped by it. */
function servedRow(context: Located, row: SqlRow, group: MetricGroup, category?: LinkCategory): MetricRow {
  const messages = Number(row.messages);
  const sources = ((row.sources as string[] | null) ?? []).filter((source): source is Source => isOneOf(SOURCES, source)).sort();
  const available = availableInputs(sources, { siteDomains: context.settings.siteDomains });
  const valueOf = (cell: Cell): MetricValue => {
    if (cell.problem !== null) return withLinkCategory(nullValue(cell.metric, cell.problem), cell.linkCategory);
    // With no messages there are no sources to blame: counts are 0 and rates have a zero denominator.
    const missing = messages > 0 ? missingInputs(METRICS_BY_ID[cell.metric].requiredInputs, available) : [];
    if (missing.length > 0) return inputsUnavailableValue(cell.metric, missing, sources, cell.linkCategory);
    const index = context.columnIndex.get(selectionKey(cell))!;
    const denominator = row[denominatorColumn(index)];
    const totals = { numerator: Number(row[numeratorColumn(index)]), denominator: denominator === undefined ? null : Number(denominator) };
    return metricValueFromTotals(cell.metric, totals, cell.linkCategory);
  };
  const cells = context.metrics.flatMap((metric) => cellsOf(metric, context.grouping, category));
  const ctr = valueOf(cellsOf(context.ctrMetric, context.grouping, category)[0]);
  return { group, messages, values: cells.map((cell) => servedValue(valueOf(cell))), ctr: servedValue(ctr) };
}

/**
 * Served rows of a result. Grouped by link category, the single result row becomes one row per category
 * (none when no message matched); ungrouped, the one total row is served even when nothing matched.
 */
export function servedRows(rowContext: RowContext, rows: readonly SqlRow[]): MetricRow[] {
  const context: Located = { ...rowContext, columnIndex: new Map(rowContext.selections.map((selection, index) => [selectionKey(selection), index])) };
  if (context.grouping === 'LINK_CATEGORY') {
    const [total] = rows;
    if (!total || Number(total.messages) === 0) return [];
    return LINK_CATEGORIES.map((category) =>
      servedRow(context, total, { dimension: 'LINK_CATEGORY', key: category, label: categoryLabel(category) }, category),
    );
  }
  return rows.map((row) => servedRow(context, row, groupOf(context.grouping, row)));
}
