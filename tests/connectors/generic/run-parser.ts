/** Test helper: runs a file kind over a fixture file, as the SDK does, and collects its outputs. */
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import type { FileKind, ParseContext, ParseOutput } from '../../../src/connectors/sdk/connector';
import type { ImportRecord } from '../../../src/domain/model';
import type { Rejection } from '../../../src/connectors/sdk/connector';

export const fixture = (name: string): string => join(__dirname, 'fixtures', name);

export interface ParsedFile {
  outputs: ParseOutput[];
  records: ImportRecord[];
  rejections: Rejection[];
  context: ParseContext;
}

export async function parseFixture(kind: FileKind, name: string, context: Partial<ParseContext> = {}): Promise<ParsedFile> {
  const fullContext: ParseContext = { fileName: name, timezone: 'UTC', ...context };
  const outputs: ParseOutput[] = [];
  for await (const output of kind.parse(createReadStream(fixture(name)), fullContext)) outputs.push(output);
  return {
    outputs,
    records: outputs.flatMap((output) => ('records' in output ? output.records : [])),
    rejections: outputs.flatMap((output) => ('rejected' in output ? [output.rejected] : [])),
    context: fullContext,
  };
}

export function ofKind<K extends ImportRecord['kind']>(records: ImportRecord[], kind: K): Extract<ImportRecord, { kind: K }>[] {
  return records.filter((record): record is Extract<ImportRecord, { kind: K }> => record.kind === kind);
}
