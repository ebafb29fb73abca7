/**
 * File kind `events-csv`: generic events and spend rows as CSV (comma, semicolon or tab; columns in schemas.ts).
 */
import type { ByteSource, FileKind, ParseContext, ParseOutput } from '../sdk/connector';
import { readCsvRows, sniffDelimiter } from '../sdk/input';
import { mapGenericRow, type CampaignsSeen } from './map';
import { genericRowSchema, REQUIRED_COLUMNS } from './schemas';

export const eventsCsv: FileKind = {
  name: 'events-csv',
  description: 'generic events (read time, page views, form submissions, conversions …) and spend rows, CSV',
  detect(head) {
    const header = head.split(/\r?\n/)[0] ?? '';
    const columns = header.split(sniffDelimiter(header)).map((name) => name.trim().replace(/^"|"$/g, ''));
    return columns.includes('type') && (columns.includes('contact') || columns.includes('period_start'));
  },
  parse: parseEventsCsv,
};

async function* parseEventsCsv(input: ByteSource, context: ParseContext): AsyncGenerator<ParseOutput> {
  const campaignsSeen: CampaignsSeen = new Set();
  for await (const row of readCsvRows(input, context.fileName, REQUIRED_COLUMNS)) {
    const { line, raw } = row;
    if ('error' in row) {
      yield { line, rejected: { line, reason: row.error, raw } };
      continue;
    }
    // CSV cells are always strings, so the shape check cannot fail here; map.ts reads the values.
    const result = mapGenericRow(genericRowSchema.parse(row.values), campaignsSeen);
    yield 'records' in result ? { line, records: result.records } : { line, rejected: { line, field: result.field, reason: result.reason, raw } };
  }
}
