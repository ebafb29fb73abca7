/**
 * File kind `contacts-csv`: a contacts view exported from the HubSpot UI (source-formats.md §3.6). Each row is
 * one `contact` record plus one `lifecycle` record per filled "Became a … Date" column (the stage history),
 * mapped by map.ts exactly as CRM API contacts are.
 */
import type { FileKind } from '../sdk/connector';
import { UnusableInputError } from '../sdk/errors';
import { readCsvRows } from '../sdk/input';
import { checkTimeZone, CONTACT_COLUMNS, csvProperties, exportHeader, exportZoneNote, isContactsHeader, isDealsHeader } from './csv-export';
import { mapContact } from './map';
import { outcomeOf, toParseOutput } from './outcome';

export const contactsCsv: FileKind = {
  name: 'contacts-csv',
  description: 'HubSpot contacts export (CSV from a contacts view): contacts with their lifecycle stage and stage dates',
  detect(head) {
    const header = exportHeader(head);
    return header !== undefined && isContactsHeader(header);
  },
  async *parse(input, context) {
    checkTimeZone(context);
    let checkedKind = false;
    for await (const row of readCsvRows(input, context.fileName, ['Record ID'])) {
      if ('error' in row) {
        yield { line: row.line, rejected: { line: row.line, reason: row.error, raw: row.raw } };
        continue;
      }
      if (!checkedKind) {
        // Deals exports also start with "Record ID": reading one as contacts would invent a contact per deal.
        if (isDealsHeader(Object.keys(row.values))) {
          throw new UnusableInputError(context.fileName, 1, 'this is a HubSpot deals export (it has "Deal Name"/"Deal Stage" columns); import it as deals-csv');
        }
        checkedKind = true;
      }
      const props = csvProperties(row.values, CONTACT_COLUMNS, context.timezone);
      yield toParseOutput(row.line, row.raw, outcomeOf(() => mapContact(props)));
    }
  },
  notes: (context) => [exportZoneNote(context)],
};
