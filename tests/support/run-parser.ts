/** Test helper: runs a file kind over a connector's fixture file, as the SDK does, and collects its outputs. */
import { createReadStream } from 'node:fs';
import { basename, join } from 'node:path';
import type { FileKind, ParseContext, ParseOutput, Rejection } from '../../src/connectors/sdk/connector';
import type { ImportRecord } from '../../src/domain/model';

/** The fixtures folder of a connector's tests: tests/connectors/<source>/fixtures. */
export const fixturesOf = (source: string) => (name: string): string => join(__dirname, '..', 'connectors', source, 'fixtures', name);

export interface ParsedFile {
  outputs: ParseOutput[];
  records: ImportRecord[];
  rejections: Rejection[];
  context: ParseContext;
}

/** Parses `path` (a fixture's full path) with `kind`; the file name in the context is the path's base name. */
export async function parseFile(kind: FileKind, path: string, context: Partial<ParseContext> = {}): Promise<ParsedFile> {
  const fullContext: ParseContext = { fileName: basename(path), timezone: 'UTC', ...context };
  const outputs: ParseOutput[] = [];
  for await (const output of kind.parse(createReadStream(path), fullContext)) outputs.push(output);
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
