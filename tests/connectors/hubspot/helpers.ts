import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import type { ImportRecord } from '../../../src/domain/model';
import type { FileKind, ParseOutput, Rejection } from '../../../src/connectors/sdk/connector';
import { HEAD_BYTES } from '../../../src/connectors/sdk/input';
import { readHead } from '../../../src/connectors/sdk/input/lines';

export const fixturePath = (name: string): string => join(__dirname, 'fixtures', name);

/** Streams a fixture file through a file kind's parser, as the importer does. */
export async function parseFixture(kind: FileKind, name: string, timezone = 'UTC'): Promise<ParseOutput[]> {
  const outputs: ParseOutput[] = [];
  for await (const output of kind.parse(createReadStream(fixturePath(name)), { fileName: name, timezone })) outputs.push(output);
  return outputs;
}

export const recordsOf = (outputs: ParseOutput[]): ImportRecord[] => outputs.flatMap((output) => ('records' in output ? output.records : []));

export const rejectionsOf = (outputs: ParseOutput[]): Rejection[] => outputs.flatMap((output) => ('rejected' in output ? [output.rejected] : []));

export const headOf = (name: string): Promise<string> => readHead(createReadStream(fixturePath(name)), HEAD_BYTES);
