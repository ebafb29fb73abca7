/**
 * File kind `events-ndjson`: generic events and spend rows as JSON objects, one per line (a JSON array of
 * them reads too). Same fields as the CSV (schemas.ts); numbers may be JSON numbers.
 */
import type { ByteSource, FileKind, ParseContext, ParseOutput } from '../sdk/connector';
import { readJsonValues } from '../sdk/input';
import { mapGenericRow, type CampaignsSeen } from './map';
import { genericRowSchema } from './schemas';

export const eventsNdjson: FileKind = {
  name: 'events-ndjson',
  description: 'generic events (read time, page views, form submissions, conversions …) and spend rows, NDJSON',
  detect(head) {
    const firstLine = head.split(/\r?\n/).find((line) => line.trim() !== '') ?? '';
    return /"type"\s*:/.test(firstLine) && /"(contact|period_start)"\s*:/.test(firstLine);
  },
  parse: parseEventsNdjson,
};

async function* parseEventsNdjson(input: ByteSource, context: ParseContext): AsyncGenerator<ParseOutput> {
  const campaignsSeen: CampaignsSeen = new Set();
  for await (const document of readJsonValues(input, context.fileName)) {
    const { line, raw } = document;
    if ('error' in document) {
      yield { line, rejected: { line, reason: document.error, raw } };
      continue;
    }
    const row = genericRowSchema.safeParse(document.value);
    if (!row.success) {
      const issue = row.error.issues[0];
      const field = issue.path.map(String).join('.');
      const reason = field === '' ? 'not a JSON object with the fields of a generic row' : `"${field}" must be a string or a number`;
      yield { line, rejected: { line, ...(field !== '' && { field }), reason, raw } };
      continue;
    }
    const result = mapGenericRow(row.data, campaignsSeen);
    yield 'records' in result ? { line, records: result.records } : { line, rejected: { line, field: result.field, reason: result.reason, raw } };
  }
}
