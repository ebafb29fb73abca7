/**
 * Files for the generic connector (connectors/generic/schemas.ts documents the columns): the site's events as
 * NDJSON — read time of each mailing's web version, page views, forms, orders with their value — and the
 * monthly spend per channel as CSV. Every row has an `id`, so re-importing the files changes nothing.
 */
import { csvText, isoDay, isoSeconds } from '../format';
import type { DemoPlan } from '../plan';

const CURRENCY = 'USD';

export function genericEventsNdjson(plan: DemoPlan): string {
  const lines = plan.siteEvents.map((event) =>
    JSON.stringify({
      // `contact` stays near the front: the kind is recognised by "type" and "contact" on the first line.
      id: event.id,
      type: event.type.toLowerCase(),
      contact: event.person.email,
      timestamp: isoSeconds(event.at),
      // Site events about a mailing name the SendGrid campaign (campaign_source), not a campaign of their own.
      ...(event.campaign && { campaign: event.campaign, campaign_source: 'sendgrid', channel: 'EMAIL' }),
      ...(event.url && { url: event.url }),
      ...(event.readSeconds !== undefined && { read_seconds: event.readSeconds }),
      ...(event.value !== undefined && { value: event.value, currency: CURRENCY }),
    }),
  );
  return lines.length ? `${lines.join('\n')}\n` : '';
}

export function genericSpendCsv(plan: DemoPlan): string {
  const rows = plan.spend.map((row) => ['spend', row.id, row.channel, isoDay(row.periodStart), isoDay(row.periodEnd), row.amount.toFixed(2), CURRENCY]);
  return rows.length ? csvText([['type', 'id', 'channel', 'period_start', 'period_end', 'amount', 'currency'], ...rows]) : '';
}
