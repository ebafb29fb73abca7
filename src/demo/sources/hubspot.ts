/**
 * HubSpot UI exports of the demo CRM (source-formats.md §3.6): a contacts view and a deals view, columns by
 * property label, enumerations as option labels, dates as zone-less "YYYY-MM-DD HH:mm" (the exporting user's
 * zone is UTC here). The columns are the ones the HubSpot connector reads (connectors/hubspot/csv-export.ts)
 * plus a few it ignores, as a real view has them.
 */
import { csvText, wallMinutes } from '../format';
import type { DemoPlan, Stage } from '../plan';

const STAGE_LABELS: Record<Stage, string> = {
  SUBSCRIBER: 'Subscriber',
  LEAD: 'Lead',
  MQL: 'Marketing Qualified Lead',
  SQL: 'Sales Qualified Lead',
  OPPORTUNITY: 'Opportunity',
  CUSTOMER: 'Customer',
};

const STAGE_DATE_COLUMNS: ReadonlyArray<readonly [Stage, string]> = [
  ['SUBSCRIBER', 'Became a Subscriber Date'],
  ['LEAD', 'Became a Lead Date'],
  ['MQL', 'Became a Marketing Qualified Lead Date'],
  ['SQL', 'Became a Sales Qualified Lead Date'],
  ['OPPORTUNITY', 'Became an Opportunity Date'],
  ['CUSTOMER', 'Became a Customer Date'],
];

const SALES_REPS = ['Jana Fischer', 'Marco Rossi', 'Priya Natarajan'];

export function hubspotContactsCsv(plan: DemoPlan): string {
  const header = [
    'Record ID', 'First Name', 'Last Name', 'Email', 'Phone Number', 'Company Name', 'Country/Region', 'Lifecycle Stage', 'Lead Status',
    'Original Source', 'Create Date', ...STAGE_DATE_COLUMNS.map(([, label]) => label),
  ];
  const rows = plan.people.map((person) => {
    const dates = plan.crm.stageDates.get(person.index) ?? {};
    return [
      person.recordId, person.firstName, person.lastName, person.email, person.phone, person.company, person.country,
      STAGE_LABELS[person.stage], plan.crm.leadStatus.get(person.index), person.originalSource, wallMinutes(person.createdAt),
      ...STAGE_DATE_COLUMNS.map(([stage]) => (dates[stage] ? wallMinutes(dates[stage] as Date) : '')),
    ];
  });
  return csvText([header, ...rows], true);
}

/** Deals with the contact they belong to ("Associated Contact IDs", which the connector reads when present). */
export function hubspotDealsCsv(plan: DemoPlan): string {
  const header = ['Record ID', 'Deal Name', 'Deal Stage', 'Amount', 'Deal owner', 'Close Date', 'Create Date', 'Pipeline', 'Associated Contact IDs'];
  const rows = plan.crm.deals.map((deal) => [
    deal.recordId, deal.name, deal.stageLabel, deal.amount.toFixed(2), SALES_REPS[Number(deal.person.recordId) % SALES_REPS.length],
    wallMinutes(deal.closeAt), wallMinutes(deal.createdAt), 'Sales Pipeline', deal.person.recordId,
  ]);
  return rows.length ? csvText([header, ...rows]) : '';
}
