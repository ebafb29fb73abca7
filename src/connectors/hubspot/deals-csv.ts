/**
 * File kind `deals-csv`: a deals view exported from the HubSpot UI (source-formats.md §3.6). Each row is one
 * `deal` record; "Deal Stage" is the stage label ("Closed Won"), mapped back to the stage id and a status.
 */
import type { ContactRef } from '../../domain/model';
import type { FileKind } from '../sdk/connector';
import { readCsvRows } from '../sdk/input';
import { ASSOCIATED_CONTACT_IDS_COLUMN, checkTimeZone, csvProperties, DEAL_COLUMNS, exportHeader, exportZoneNote, isDealsHeader } from './csv-export';
import { mapDeal } from './map';
import { FieldProblem, outcomeOf, shown, toParseOutput } from './outcome';

export const dealsCsv: FileKind = {
  name: 'deals-csv',
  description: 'HubSpot deals export (CSV from a deals view): deals with stage, status, amount and dates',
  detect(head) {
    const header = exportHeader(head);
    return header !== undefined && isDealsHeader(header);
  },
  async *parse(input, context) {
    checkTimeZone(context);
    for await (const row of readCsvRows(input, context.fileName, ['Record ID', 'Deal Stage'])) {
      if ('error' in row) {
        yield { line: row.line, rejected: { line: row.line, reason: row.error, raw: row.raw } };
        continue;
      }
      const props = csvProperties(row.values, DEAL_COLUMNS, context.timezone);
      yield toParseOutput(row.line, row.raw, outcomeOf(() => [mapDeal(props, associatedContact(row.values[ASSOCIATED_CONTACT_IDS_COLUMN]))]));
    }
  },
  notes: (context) => [exportZoneNote(context)],
};

/**
 * A deal record names one contact; HubSpot lists a deal's associated contacts without marking a primary one,
 * so the first listed id is taken (multi-value cells are separated by ";").
 */
function associatedContact(cell: string | undefined): ContactRef | undefined {
  const ids = (cell ?? '')
    .split(/[;,]/)
    .map((id) => id.trim())
    .filter((id) => id !== '');
  if (ids.length === 0) return undefined;
  if (!ids.every((id) => /^\d+$/.test(id))) {
    throw new FieldProblem(ASSOCIATED_CONTACT_IDS_COLUMN, `"${ASSOCIATED_CONTACT_IDS_COLUMN}" is not a list of HubSpot record ids (got ${shown(cell)})`);
  }
  return { externalId: ids[0] };
}
