import { Router, type Request, type Response } from 'express';
import type { DataSource } from 'typeorm';
import { UserInputError } from '../../services/errors';
import { queryFunnel, type FunnelBreakdown, type FunnelMode, type FunnelQuery } from '../../services/funnel';
import { funnelCsv } from '../../services/funnel/csv';
import { checkGrouping, metricsCsv, queryMetrics, requestedMetrics, type MetricFilter } from '../../services/metrics';
import { principalOf, requireKey } from './require-key';

/** A query parameter as one string: repeated parameters (?metrics=a&metrics=b) are joined with commas. */
function param(req: Request, name: string): string | undefined {
  const value = (req.query as Record<string, unknown>)[name];
  if (value === undefined) return undefined;
  const text = Array.isArray(value) ? value.join(',') : String(value);
  return text.trim() === '' ? undefined : text.trim();
}

const list = (text: string | undefined) => text?.split(',').map((item) => item.trim()).filter(Boolean);

function ids(req: Request, name: string): number[] | undefined {
  return list(param(req, name))?.map((id) => {
    if (!/^\d{1,15}$/.test(id)) throw new UserInputError(`${name} takes comma-separated numeric ids (got "${id}")`);
    return Number(id);
  });
}

function date(req: Request, name: string): Date | undefined {
  const text = param(req, name);
  if (text === undefined) return undefined;
  const parsed = new Date(text);
  if (!/^\d{4}-\d{2}-\d{2}/.test(text) || Number.isNaN(parsed.getTime())) {
    throw new UserInputError(`${name} is an ISO 8601 date or date-time, e.g. 2026-03-01 or 2026-03-01T00:00:00Z (got "${text}")`);
  }
  return parsed;
}

/** "campaignType", "campaign_type" or "CAMPAIGN_TYPE" → "CAMPAIGN_TYPE". */
const constantCase = (text: string | undefined) => text?.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();

function filterOf(req: Request): MetricFilter {
  const [listId] = ids(req, 'listId') ?? [];
  return {
    from: date(req, 'from'),
    to: date(req, 'to'),
    campaignIds: ids(req, 'campaignIds'),
    contactIds: ids(req, 'contactIds'),
    listId,
    channel: constantCase(param(req, 'channel')) as MetricFilter['channel'],
    campaignType: constantCase(param(req, 'campaignType')) as MetricFilter['campaignType'],
    source: param(req, 'source')?.toLowerCase(),
  };
}

function requiredDate(req: Request, name: string): Date {
  const parsed = date(req, name);
  if (!parsed) throw new UserInputError(`${name} is required: an ISO 8601 date or date-time, e.g. 2026-03-01 or 2026-03-01T00:00:00Z`);
  return parsed;
}

/** The funnel query's parameters; `at` defaults to now, read here at the edge as the GraphQL resolver does. */
function funnelQueryOf(req: Request): FunnelQuery {
  return {
    from: requiredDate(req, 'from'),
    to: requiredDate(req, 'to'),
    mode: (constantCase(param(req, 'mode')) ?? 'COHORT') as FunnelMode,
    at: date(req, 'at') ?? new Date(),
    breakdown: (constantCase(param(req, 'breakdown')) ?? 'NONE') as FunnelBreakdown,
  };
}

/** Runs a CSV export: a UserInputError (a bad parameter) is a 400 with what to fix. */
async function sendCsv(res: Response, fileName: string, build: () => Promise<string>): Promise<void> {
  let csv: string;
  try {
    csv = await build();
  } catch (error) {
    if (error instanceof UserInputError) {
      res.status(400).json({ error: error.message });
      return;
    }
    throw error;
  }
  res.attachment(fileName).type('text/csv; charset=utf-8').send(csv);
}

/**
 * GET /export/metrics.csv?groupBy=day&metrics=deliveryRate,clickRate&from=2026-03-01&to=2026-04-01&channel=EMAIL
 * (also campaignType, source, listId, campaignIds, contactIds): the metrics query as CSV, read scope. `to` is
 * exclusive; every message metric when `metrics` is absent; one row per group, ungrouped one total row.
 */
export function exportRoutes(dataSource: DataSource): Router {
  const router = Router();
  router.get('/export/metrics.csv', requireKey(dataSource, 'read'), (req, res) =>
    sendCsv(res, 'metrics.csv', async () => {
      const metrics = requestedMetrics(list(param(req, 'metrics')));
      const groupBy = checkGrouping(constantCase(param(req, 'groupBy')));
      const rows = await queryMetrics(dataSource.manager, principalOf(res).workspaceId, { filter: filterOf(req), groupBy, metrics });
      return metricsCsv(rows, metrics, groupBy);
    }),
  );
  // GET /export/funnel.csv?from=2026-03-01&to=2026-04-01&mode=cohort&at=2026-05-01&breakdown=channel: the funnel
  // query as CSV, read scope, one line per group × stage (services/funnel/csv.ts).
  router.get('/export/funnel.csv', requireKey(dataSource, 'read'), (req, res) =>
    sendCsv(res, 'funnel.csv', async () => funnelCsv(await queryFunnel(dataSource.manager, principalOf(res).workspaceId, funnelQueryOf(req)))),
  );
  return router;
}
