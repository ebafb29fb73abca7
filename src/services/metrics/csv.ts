/**
 * Metric rows as CSV for BI tools: one line per group, and for every metric its value, numerator and denominator
 * (a BI tool re-aggregates rates from the last two, never by averaging values). RFC 4180: CRLF line ends, a field
 * with a comma, quote or line break is quoted and its quotes doubled. A null is an empty field, never 0.
 */
import type { MessageMetricId, MetricGrouping } from '../../domain/metrics';
import { cellsOf } from './plan';
import type { MetricRow } from './types';

export function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const csvLine = (fields: ReadonlyArray<string | number | null>) => fields.map(csvField).join(',') + '\r\n';

/**
 * The metric columns, in the order the rows' values come: grouped by link category a per-category metric is one
 * column set (the row is the category); otherwise one set per category, named metric_CATEGORY.
 */
export function metricColumns(metrics: readonly MessageMetricId[], grouping: MetricGrouping | null): string[] {
  if (grouping === 'LINK_CATEGORY') return [...metrics];
  return metrics.flatMap((metric) => cellsOf(metric, grouping).map((cell) => (cell.linkCategory ? `${metric}_${cell.linkCategory}` : metric)));
}

export function metricsCsv(rows: readonly MetricRow[], metrics: readonly MessageMetricId[], grouping: MetricGrouping | null): string {
  const columns = metricColumns(metrics, grouping);
  const header = ['group_key', 'group_label', 'messages', ...columns.flatMap((name) => [`${name}_value`, `${name}_numerator`, `${name}_denominator`])];
  const lines = rows.map((row) => {
    if (row.values.length !== columns.length) throw new Error(`a metrics row has ${row.values.length} values for ${columns.length} columns`);
    return csvLine([row.group.key, row.group.label, row.messages, ...row.values.flatMap((value) => [value.value, value.numerator, value.denominator])]);
  });
  return csvLine(header) + lines.join('');
}
