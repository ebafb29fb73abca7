/**
 * The one SQL statement of a metrics request: every selected metric's numerator and denominator, compiled from
 * the catalogue's measures by measureToSql, aggregated over the workspace's message rows (joined to their
 * campaign for the campaign's filters and groups) in one pass, one result row per group.
 *
 * Every value from the request travels as a placeholder; the only text spliced in comes from the catalogue
 * (checked by measure-sql) and from the fixed grouping expressions below.
 */
import { METRICS_BY_ID, type MetricGrouping } from '../../domain/metrics';
import { metricToSql } from '../../store/metrics/measure-sql';
import type { Selection } from './plan';
import type { MetricFilter } from './types';

/** A message's send time, or its campaign's when the message has none (Mailchimp activity has no send event). */
export const SEND_TIME = 'coalesce(m.sent_at, c.sent_at)';
const UTC_SEND_TIME = `(${SEND_TIME} AT TIME ZONE 'UTC')`;

interface GroupingSql {
  key: string;
  label: string;
  /** An aggregate or the key: groups are listed in this order. */
  order: string;
  joinsList?: boolean;
}

const period = (unit: 'day' | 'week' | 'month', labelFormat: string): GroupingSql => ({
  key: `to_char(date_trunc('${unit}', ${UTC_SEND_TIME}), 'YYYY-MM-DD')`,
  label: `to_char(date_trunc('${unit}', ${UTC_SEND_TIME}), '${labelFormat}')`,
  order: 'group_key',
});
const word = (column: string): GroupingSql => ({ key: column, label: column, order: 'group_key' });

/** Periods are UTC calendar days, ISO weeks (from Monday) and months, keyed by their first day. */
export const GROUPING_SQL: Readonly<Record<Exclude<MetricGrouping, 'LINK_CATEGORY'>, GroupingSql>> = {
  CAMPAIGN: { key: 'c.id::text', label: 'c.name', order: 'min(c.sent_at), min(c.id)' },
  DAY: period('day', 'YYYY-MM-DD'),
  WEEK: period('week', 'IYYY-"W"IW'),
  MONTH: period('month', 'YYYY-MM'),
  CHANNEL: word('c.channel'),
  CAMPAIGN_TYPE: word('c.type'),
  SOURCE: word('c.source'),
  LIST: { key: 'c.list_id::text', label: 'l.name', order: 'min(l.name), group_key', joinsList: true },
};

export interface Statement {
  sql: string;
  parameters: unknown[];
}

/** The WHERE clause: the workspace first, always, then each filter that is set. */
function whereOf(workspaceId: number, filter: MetricFilter, parameters: unknown[]): string {
  const bind = (value: unknown) => {
    parameters.push(value);
    return `$${parameters.length}`;
  };
  const conditions = [`m.workspace_id = ${bind(workspaceId)}`];
  if (filter.from) conditions.push(`${SEND_TIME} >= ${bind(filter.from)}`);
  if (filter.to) conditions.push(`${SEND_TIME} < ${bind(filter.to)}`);
  if (filter.campaignIds) conditions.push(`m.campaign_id = ANY(${bind([...filter.campaignIds])}::bigint[])`);
  if (filter.contactIds) conditions.push(`m.contact_id = ANY(${bind([...filter.contactIds])}::bigint[])`);
  if (filter.channel) conditions.push(`c.channel = ${bind(filter.channel)}`);
  if (filter.campaignType) conditions.push(`c.type = ${bind(filter.campaignType)}`);
  if (filter.source) conditions.push(`c.source = ${bind(filter.source)}`);
  if (filter.listId) conditions.push(`c.list_id = ${bind(filter.listId)}`);
  return conditions.join('\n   AND ');
}

/** Column names of a selection's numerator and denominator in the result rows. */
export const numeratorColumn = (index: number) => `n${index}`;
export const denominatorColumn = (index: number) => `d${index}`;

/**
 * The statement for one grouping (null: the whole selection as one row; LINK_CATEGORY: one row too, whose
 * per-category columns the caller splits into category rows). Result columns: group_key, group_label,
 * messages, sources (the distinct sources of the group's messages), then n<i> and d<i> per selection.
 */
export function metricsStatement(
  workspaceId: number,
  filter: MetricFilter,
  grouping: MetricGrouping | null,
  selections: readonly Selection[],
  deepReadSeconds: number,
): Statement {
  const parameters: unknown[] = [];
  const where = whereOf(workspaceId, filter, parameters);
  const grouped = grouping === null || grouping === 'LINK_CATEGORY' ? null : GROUPING_SQL[grouping];
  const columns = [
    grouped ? `${grouped.key} AS group_key` : 'NULL::text AS group_key',
    grouped ? `${grouped.label} AS group_label` : 'NULL::text AS group_label',
    'count(*) AS messages',
    'array_agg(DISTINCT m.source) AS sources',
  ];
  selections.forEach((selection, index) => {
    const sql = metricToSql(selection.metric, 'm', { params: { deepReadSeconds, linkCategory: selection.linkCategory } });
    columns.push(`${sql.numerator} AS ${numeratorColumn(index)}`);
    if (sql.denominator !== null) columns.push(`${sql.denominator} AS ${denominatorColumn(index)}`);
  });
  const joins = [
    'JOIN campaign c ON c.workspace_id = m.workspace_id AND c.id = m.campaign_id',
    ...(grouped?.joinsList ? ['LEFT JOIN contact_list l ON l.workspace_id = c.workspace_id AND l.id = c.list_id'] : []),
  ];
  const tail = grouped ? `\nGROUP BY group_key, group_label\nORDER BY ${grouped.order} NULLS LAST, group_key NULLS LAST` : '';
  const sql = `SELECT ${columns.join(',\n  ')}\nFROM message m\n${joins.join('\n')}\nWHERE ${where}${tail}`;
  return { sql, parameters };
}

const EPOCH_DAY = `DATE '1970-01-01'`;
/** The rollup row's day, NULL for messages with no send time at all (as the direct statement groups them). */
const ROLLUP_DAY = `NULLIF(r.day, ${EPOCH_DAY})`;
const rollupPeriod = (unit: 'day' | 'week' | 'month', labelFormat: string): GroupingSql => ({
  key: `to_char(date_trunc('${unit}', ${ROLLUP_DAY}), 'YYYY-MM-DD')`,
  label: `to_char(date_trunc('${unit}', ${ROLLUP_DAY}), '${labelFormat}')`,
  order: 'group_key',
});
const ROLLUP_GROUPING_SQL: Readonly<Record<Exclude<MetricGrouping, 'LINK_CATEGORY'>, GroupingSql>> = {
  ...GROUPING_SQL,
  DAY: rollupPeriod('day', 'YYYY-MM-DD'),
  WEEK: rollupPeriod('week', 'IYYY-"W"IW'),
  MONTH: rollupPeriod('month', 'YYYY-MM'),
};

/**
 * The same request answered from the rollup rows (services/metrics/rollups.ts): the same result columns, each
 * numerator and denominator the sum of the rows' totals. The caller has checked that the rollups can answer.
 */
export function rollupStatement(workspaceId: number, filter: MetricFilter, grouping: MetricGrouping | null, selections: readonly Selection[], measureKeyOf: (selection: Selection, part: 'n' | 'd') => string): Statement {
  const parameters: unknown[] = [];
  const bind = (value: unknown) => {
    parameters.push(value);
    return `$${parameters.length}`;
  };
  const conditions = [`r.workspace_id = ${bind(workspaceId)}`];
  if (filter.from || filter.to) conditions.push(`r.day <> ${EPOCH_DAY}`);
  if (filter.from) conditions.push(`r.day >= (${bind(filter.from)}::timestamptz AT TIME ZONE 'UTC')::date`);
  if (filter.to) conditions.push(`r.day < (${bind(filter.to)}::timestamptz AT TIME ZONE 'UTC')::date`);
  if (filter.campaignIds) conditions.push(`r.campaign_id = ANY(${bind([...filter.campaignIds])}::bigint[])`);
  if (filter.channel) conditions.push(`c.channel = ${bind(filter.channel)}`);
  if (filter.campaignType) conditions.push(`c.type = ${bind(filter.campaignType)}`);
  if (filter.source) conditions.push(`c.source = ${bind(filter.source)}`);
  if (filter.listId) conditions.push(`c.list_id = ${bind(filter.listId)}`);
  const grouped = grouping === null || grouping === 'LINK_CATEGORY' ? null : ROLLUP_GROUPING_SQL[grouping];
  const total = (key: string) => `coalesce(sum((r.measures->>${bind(key)})::numeric), 0)`;
  const columns = [
    grouped ? `${grouped.key} AS group_key` : 'NULL::text AS group_key',
    grouped ? `${grouped.label} AS group_label` : 'NULL::text AS group_label',
    'coalesce(sum(r.messages), 0) AS messages',
    'array_agg(DISTINCT r.source) AS sources',
  ];
  selections.forEach((selection, index) => {
    columns.push(`${total(measureKeyOf(selection, 'n'))} AS ${numeratorColumn(index)}`);
    if (METRICS_BY_ID[selection.metric].denominator) columns.push(`${total(measureKeyOf(selection, 'd'))} AS ${denominatorColumn(index)}`);
  });
  const joins = [
    'JOIN campaign c ON c.workspace_id = r.workspace_id AND c.id = r.campaign_id',
    ...(grouped?.joinsList ? ['LEFT JOIN contact_list l ON l.workspace_id = c.workspace_id AND l.id = c.list_id'] : []),
  ];
  const tail = grouped ? `\nGROUP BY group_key, group_label\nORDER BY ${grouped.order} NULLS LAST, group_key NULLS LAST` : '';
  return { sql: `SELECT ${columns.join(',\n  ')}\nFROM message_rollup r\n${joins.join('\n')}\nWHERE ${conditions.join('\n   AND ')}${tail}`, parameters };
}
