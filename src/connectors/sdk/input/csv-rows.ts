import { parse } from 'csv-parse';
import { Readable } from 'node:stream';
import type { ByteSource } from '../connector';
import { UnusableInputError } from '../errors';
import { assertLooksLikeText, toBuffer } from './binary';
import { MAX_LINE_BYTES } from './limits';

export interface CsvRow {
  /** 1-based line where the record starts (a quoted field may span lines). */
  line: number;
  /** Values by header name (headers trimmed, BOM dropped). */
  values: Record<string, string>;
  raw: string;
}

export type CsvOutput = CsvRow | { line: number; error: string; raw: string };

/**
 * Streams a CSV export with csv-parse (RFC 4180 quoting, multi-line fields). The delimiter is sniffed from
 * the header line (comma, semicolon or tab), so exports from locales that use ';' read as well.
 * `requiredHeaders` are checked once: their absence means the file is not this kind (wrong delimiter,
 * wrong export), an UnusableInputError naming the missing columns.
 */
export async function* readCsvRows(input: ByteSource, fileName: string, requiredHeaders: string[] = []): AsyncGenerator<CsvOutput> {
  const iterator = input[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) throw new UnusableInputError(fileName, undefined, 'the file is empty');
  const firstChunk = toBuffer(first.value);
  if (firstChunk.length === 0) throw new UnusableInputError(fileName, undefined, 'the file is empty');
  assertLooksLikeText(firstChunk, fileName);
  const headerLine = firstChunk.toString('utf8').replace(/^\uFEFF/, '').split(/\r?\n/)[0];
  const delimiter = sniffDelimiter(headerLine);

  const stream = Readable.from(
    (async function* () {
      yield firstChunk;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield toBuffer(next.value);
    })(),
  );
  const parser = stream.pipe(
    parse({
      bom: true,
      delimiter,
      columns: (header: string[]) => header.map((name) => name.trim()),
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
      raw: true,
      max_record_size: MAX_LINE_BYTES,
    }),
  );
  let checkedHeaders = false;
  try {
    for await (const record of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number; columns?: unknown }; raw: string }>) {
      if (!checkedHeaders) {
        const headers = Object.keys(record.record);
        const missing = requiredHeaders.filter((name) => !headers.includes(name));
        if (missing.length) {
          throw new UnusableInputError(
            fileName,
            1,
            `missing column${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')} (header read with delimiter ${JSON.stringify(delimiter)}: ${headers.slice(0, 8).map((h) => JSON.stringify(h)).join(', ')})`,
          );
        }
        checkedHeaders = true;
      }
      const rawText = record.raw.replace(/\r?\n$/, '');
      const startLine = record.info.lines - (rawText.match(/\n/g)?.length ?? 0);
      yield { line: startLine, values: record.record, raw: rawText };
    }
  } catch (error) {
    if (error instanceof UnusableInputError) throw error;
    const csvError = error as Error & { lines?: number };
    throw new UnusableInputError(fileName, csvError.lines, `CSV could not be read: ${csvError.message}`);
  }
  if (!checkedHeaders && requiredHeaders.length) {
    throw new UnusableInputError(fileName, 1, 'the file has a header line but no rows');
  }
}

export function sniffDelimiter(headerLine: string): string {
  const candidates = [',', ';', '\t'];
  let best = ',';
  let bestCount = 0;
  for (const candidate of candidates) {
    const count = headerLine.split(candidate).length - 1;
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}
