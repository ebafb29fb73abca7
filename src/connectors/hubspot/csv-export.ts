/**
 * HubSpot UI exports (source-formats.md §3.6): first column "Record ID", then the view's columns by property
 * LABEL. These tables translate labels back to internal property names so map.ts reads exports and API
 * objects alike. Labels are localised when the exporting user's HubSpot language is not English; such a file
 * fails detection and, forced with --kind, names the missing "Record ID" column.
 */
import type { ParseContext } from '../sdk/connector';
import { UnusableInputError } from '../sdk/errors';
import { sniffDelimiter } from '../sdk/input';
import { assertTimeZone, parseExportDate } from './export-dates';
import { LIFECYCLE_STAGE_TABLE, type PropertySource } from './map';
import { FieldProblem, shown } from './outcome';

/** Internal property name → export column label. */
export type ColumnTable = Readonly<Record<string, string>>;

export const CONTACT_COLUMNS: ColumnTable = {
  hs_object_id: 'Record ID',
  firstname: 'First Name',
  lastname: 'Last Name',
  email: 'Email',
  phone: 'Phone Number',
  company: 'Company Name',
  lifecyclestage: 'Lifecycle Stage',
  createdate: 'Create Date',
  hs_lead_status: 'Lead Status',
  hs_analytics_source: 'Original Source',
  hs_analytics_source_data_1: 'Original Source Drill-Down 1',
  hs_analytics_source_data_2: 'Original Source Drill-Down 2',
  ...Object.fromEntries(LIFECYCLE_STAGE_TABLE.map((entry) => [entry.dateProperty, entry.dateLabel])),
};

export const DEAL_COLUMNS: ColumnTable = {
  hs_object_id: 'Record ID',
  dealname: 'Deal Name',
  dealstage: 'Deal Stage',
  amount: 'Amount',
  closedate: 'Close Date',
  createdate: 'Create Date',
  pipeline: 'Pipeline',
};

/**
 * Not shown in §3.6 for deals: contacts exports carry "Associated Deal IDs", so a deals export with
 * associations is read the same way ("Associated Contact IDs"). Read when present, never required.
 */
export const ASSOCIATED_CONTACT_IDS_COLUMN = 'Associated Contact IDs';

const DEAL_ONLY_COLUMNS = ['Deal Name', 'Deal Stage'];
const CONTACT_ONLY_COLUMNS = ['Email', 'First Name', 'Last Name', 'Phone Number', 'Lifecycle Stage'];

/** The header cells of an export's first line, or undefined when it is not a HubSpot export header. */
export function exportHeader(head: string): string[] | undefined {
  const firstLine = head.replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '';
  const trimmed = firstLine.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return undefined;
  const cells = splitHeader(firstLine, sniffDelimiter(firstLine));
  return cells.includes('Record ID') ? cells : undefined;
}

export function isDealsHeader(cells: string[]): boolean {
  return DEAL_ONLY_COLUMNS.some((name) => cells.includes(name));
}

export function isContactsHeader(cells: string[]): boolean {
  return !isDealsHeader(cells) && CONTACT_ONLY_COLUMNS.some((name) => cells.includes(name));
}

/** Splits one header line on the delimiter outside double quotes (headers never span lines). */
function splitHeader(line: string, delimiter: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') {
      if (quoted && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else quoted = !quoted;
    } else if (c === delimiter && !quoted) {
      cells.push(cell.trim());
      cell = '';
    } else cell += c;
  }
  cells.push(cell.trim());
  return cells;
}

/** Reads one CSV row through a column table; dates are zone-less wall time in the import's time zone. */
export function csvProperties(values: Record<string, string>, columns: ColumnTable, timezone: string): PropertySource {
  const fieldName = (property: string) => columns[property] ?? property;
  const text = (property: string) => {
    const label = columns[property];
    const value = label === undefined ? undefined : values[label]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  return {
    fieldName,
    text,
    date(property) {
      const value = text(property);
      if (value === undefined) return undefined;
      const parsed = parseExportDate(value, timezone);
      if ('date' in parsed) return parsed.date;
      const label = fieldName(property);
      throw new FieldProblem(label, `"${label}" ${parsed.problem} (got ${shown(value)})${parsed.hint ? `; ${parsed.hint}` : ''}`);
    },
  };
}

/** Checks the import's time zone once, before any row: a bad zone would otherwise reject every dated row. */
export function checkTimeZone(context: ParseContext): void {
  try {
    assertTimeZone(context.timezone);
  } catch {
    throw new UnusableInputError(context.fileName, undefined, `time zone ${shown(context.timezone)} is not an IANA zone name (e.g. "Europe/Berlin"); HubSpot export dates carry no zone, so one is needed`);
  }
}

export function exportZoneNote(context: ParseContext): string {
  return `HubSpot export dates carry no time zone: read as ${context.timezone} wall-clock time (the exporting user's HubSpot time zone should be used); date-only values as midnight UTC`;
}
