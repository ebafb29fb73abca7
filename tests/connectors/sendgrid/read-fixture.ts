/** Test helpers: run a fixture file through a file kind exactly as the importer does (a read stream). */
import fs from 'node:fs';
import path from 'node:path';
import type { ImportRecord } from '../../../src/domain/model';
import type { FileKind, ParseOutput, Rejection } from '../../../src/connectors/sdk/connector';

export const FIXTURES = path.join(__dirname, 'fixtures');

export async function parseFixture(kind: FileKind, name: string, highWaterMark?: number): Promise<ParseOutput[]> {
  const outputs: ParseOutput[] = [];
  const stream = fs.createReadStream(path.join(FIXTURES, name), highWaterMark ? { highWaterMark } : {});
  for await (const output of kind.parse(stream, { fileName: name, timezone: 'UTC' })) outputs.push(output);
  return outputs;
}

export function recordsOf(outputs: ParseOutput[]): ImportRecord[] {
  return outputs.flatMap((output) => ('records' in output ? output.records : []));
}

export function eventsOf(outputs: ParseOutput[]) {
  return recordsOf(outputs).flatMap((record) => (record.kind === 'event' ? [record] : []));
}

export function campaignsOf(outputs: ParseOutput[]) {
  return recordsOf(outputs).flatMap((record) => (record.kind === 'campaign' ? [record] : []));
}

export function rejectionsOf(outputs: ParseOutput[]): Rejection[] {
  return outputs.flatMap((output) => ('rejected' in output ? [output.rejected] : []));
}

/** What detect() is given: the first 64 KiB of the file as text. */
export function headOf(name: string): string {
  const buffer = fs.readFileSync(path.join(FIXTURES, name));
  return buffer.subarray(0, 64 * 1024).toString('utf8');
}
