/** Runs fixture files through a file kind, as the CLI does: a byte stream from disk. */
import { createReadStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportRecord } from '../../../src/domain/model';
import type { FileKind, ParseOutput, Rejection } from '../../../src/connectors/sdk/connector';

export const FIXTURES = join(__dirname, 'fixtures');

export async function parseFixture(kind: FileKind, file: string, options: { fileName?: string; chunkBytes?: number } = {}): Promise<ParseOutput[]> {
  const stream = createReadStream(join(FIXTURES, file), options.chunkBytes ? { highWaterMark: options.chunkBytes } : {});
  const outputs: ParseOutput[] = [];
  for await (const output of kind.parse(stream, { fileName: options.fileName ?? file, timezone: 'UTC' })) outputs.push(output);
  return outputs;
}

export function recordsOf(outputs: ParseOutput[]): ImportRecord[] {
  return outputs.flatMap((output) => ('records' in output ? output.records : []));
}

export function rejectionsOf(outputs: ParseOutput[]): Rejection[] {
  return outputs.flatMap((output) => ('rejected' in output ? [output.rejected] : []));
}

export function ofKind<K extends ImportRecord['kind']>(records: ImportRecord[], kind: K): Extract<ImportRecord, { kind: K }>[] {
  return records.filter((record): record is Extract<ImportRecord, { kind: K }> => record.kind === kind);
}

/** The first 64 KiB as text, as detection sees it. */
export function headOf(file: string): string {
  return readFileSync(join(FIXTURES, file)).subarray(0, 65536).toString('utf8');
}
