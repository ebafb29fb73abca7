/**
 * File kind `audience-csv`: one CSV of the Mailchimp app's "Export Audience" ZIP. Mailchimp writes one file
 * per status and no status or audience column, so both come from the file name Mailchimp gives it:
 *   `<status>_members_export_<audience id>.csv`, status ∈ subscribed | unsubscribed | cleaned | nonsubscribed
 * (e.g. `subscribed_members_export_a6b5da1054.csv`). The status cannot be read from the columns: audiences
 * re-imported from an old export carry merge fields named UNSUB_TIME & co. in their subscribed file.
 * Timestamps ("2015-03-16 14:40:47") carry no zone and are read as UTC.
 * Repeated column names (a merge field labelled like a system column) keep the last column's value: Mailchimp
 * writes its own columns after the merge fields, so the system column wins.
 */
import type { ByteSource, FileKind, ParseContext, ParseOutput } from '../sdk/connector';
import { UnusableInputError } from '../sdk/errors';
import { readCsvRows } from '../sdk/input';
import { type AudienceExportFile, mapAudienceRow } from './map';

const EXPORT_FILE_NAME = /(?:^|[\\/])(subscribed|unsubscribed|cleaned|nonsubscribed)_members_export_([0-9a-f]+)(?:\s*\(\d+\))?\.csv$/i;

const REQUIRED_COLUMNS: Record<AudienceExportFile['status'], string[]> = {
  subscribed: ['Email Address', 'OPTIN_TIME', 'CONFIRM_TIME', 'LAST_CHANGED'],
  unsubscribed: ['Email Address', 'OPTIN_TIME', 'CONFIRM_TIME', 'LAST_CHANGED', 'UNSUB_TIME'],
  cleaned: ['Email Address', 'OPTIN_TIME', 'CONFIRM_TIME', 'LAST_CHANGED', 'CLEAN_TIME'],
  nonsubscribed: ['Email Address', 'LAST_CHANGED'],
};

/** The status and audience id Mailchimp encodes in an export's file name, or undefined. */
export function audienceExportFileOf(fileName: string): AudienceExportFile | undefined {
  const match = EXPORT_FILE_NAME.exec(fileName.trim());
  if (!match) return undefined;
  return { status: match[1].toLowerCase() as AudienceExportFile['status'], listExternalId: match[2].toLowerCase() };
}

async function* parseAudienceCsv(input: ByteSource, context: ParseContext): AsyncGenerator<ParseOutput> {
  const file = audienceExportFileOf(context.fileName);
  if (!file) {
    throw new UnusableInputError(
      context.fileName,
      undefined,
      'a Mailchimp audience export has no status or audience column, so its file name must say both: keep the name Mailchimp gave it, ' +
        'or rename it <status>_members_export_<audience id>.csv (status subscribed, unsubscribed, cleaned or nonsubscribed; ' +
        'the Audience ID is under Audience → Settings → Audience name and defaults)',
    );
  }
  for await (const row of readCsvRows(input, context.fileName, REQUIRED_COLUMNS[file.status])) {
    if ('error' in row) {
      yield { line: row.line, rejected: { line: row.line, reason: row.error, raw: row.raw } };
      continue;
    }
    const result = mapAudienceRow(row.values, file);
    if (result.records.length > 0) yield { line: row.line, records: result.records };
    for (const problem of result.problems) {
      yield { line: row.line, rejected: { line: row.line, field: problem.field, reason: problem.reason, raw: row.raw } };
    }
  }
}

export const audienceCsvKind: FileKind = {
  name: 'audience-csv',
  description: 'Mailchimp "Export Audience" CSV (subscribed / unsubscribed / cleaned / nonsubscribed _members_export_<audience id>.csv)',
  detect: (head) => {
    const header = head.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0];
    return /^"?Email Address"?[,;\t]/.test(header) && /\bMEMBER_RATING\b/.test(header) && /\bLAST_CHANGED\b/.test(header);
  },
  parse: parseAudienceCsv,
  notes: (context) => {
    const file = audienceExportFileOf(context.fileName);
    return [
      file
        ? `Audience "${file.listExternalId}" and status ${file.status} taken from the file name.`
        : 'The audience id and status are taken from the export file name (<status>_members_export_<audience id>.csv).',
      'Export timestamps carry no time zone and are read as UTC.',
    ];
  },
};
