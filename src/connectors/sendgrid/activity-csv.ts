/**
 * File kind `activity-csv`: the Email Activity CSV export (Activity → "Export CSV", or the link
 * POST /v3/messages/download mails). Column order from source-formats.md §1.6: processed, message_id, event,
 * api_key_id, …, email, …, categories, marketing_campaign_id, marketing_campaign_name, …, unique_args.
 */
import type { ByteSource, FileKind, ParseContext, ParseOutput } from '../sdk/connector';
import { readCsvRows, sniffDelimiter } from '../sdk/input';
import { CampaignsSeen } from './campaigns-seen';
import { mapActivityRow } from './map-activity';

/** Columns every Email Activity export has; together they appear in no other source's CSV. */
const REQUIRED_COLUMNS = ['processed', 'message_id', 'event', 'email'];

export function looksLikeActivityCsv(head: string): boolean {
  const headerLine = head.replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '';
  const columns = headerLine.split(sniffDelimiter(headerLine)).map((cell) => cell.trim().replace(/^"(.*)"$/, '$1'));
  return REQUIRED_COLUMNS.every((column) => columns.includes(column));
}

async function* parseActivityCsv(input: ByteSource, context: ParseContext): AsyncGenerator<ParseOutput> {
  const campaigns = new CampaignsSeen();
  for await (const row of readCsvRows(input, context.fileName, REQUIRED_COLUMNS)) {
    if ('error' in row) {
      yield { line: row.line, rejected: { line: row.line, reason: row.error, raw: row.raw } };
      continue;
    }
    const mapped = mapActivityRow(row.values);
    if (!mapped.ok) {
      const { field, reason } = mapped;
      yield { line: row.line, rejected: { line: row.line, ...(field && { field }), reason, raw: row.raw } };
      continue;
    }
    yield { line: row.line, records: [...campaigns.announce(mapped.campaign), mapped.event] };
  }
}

export const activityCsvKind: FileKind = {
  name: 'activity-csv',
  description: 'SendGrid Email Activity CSV export (one event per row)',
  detect: looksLikeActivityCsv,
  parse: parseActivityCsv,
};
