import type { ByteSource } from '../connector';
import { UnusableInputError } from '../errors';
import { assertLooksLikeText, toBuffer } from './binary';
import { MAX_LINE_BYTES } from './limits';

export interface TextLine {
  /** 1-based line number. */
  line: number;
  /** The line without its terminator (\n or \r\n); a UTF-8 BOM at the start of the file is dropped. */
  text: string;
}

/**
 * Splits a byte stream into lines without holding more than one line in memory. A line over `maxLineBytes`
 * is an UnusableInputError naming the line (a 2 GB "line" is almost always a file of the wrong format).
 * An empty file is an UnusableInputError too.
 */
export async function* readLines(input: ByteSource, fileName: string, maxLineBytes = MAX_LINE_BYTES): AsyncGenerator<TextLine> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let lineNumber = 1;
  let first = true;
  let sawAnyByte = false;

  const take = (end: Buffer): string => {
    const whole = pending.length ? Buffer.concat([...pending, end]) : end;
    pending = [];
    pendingBytes = 0;
    let text = whole.toString('utf8');
    if (text.endsWith('\r')) text = text.slice(0, -1);
    if (first) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    return text;
  };

  for await (const raw of input) {
    const chunk = toBuffer(raw);
    if (!sawAnyByte && chunk.length > 0) {
      assertLooksLikeText(chunk, fileName);
      sawAnyByte = true;
    }
    let start = 0;
    for (let newline = chunk.indexOf(10, start); newline !== -1; newline = chunk.indexOf(10, start)) {
      const piece = chunk.subarray(start, newline);
      if (pendingBytes + piece.length > maxLineBytes) tooLong(fileName, lineNumber, maxLineBytes);
      yield { line: lineNumber, text: take(piece) };
      lineNumber++;
      start = newline + 1;
    }
    if (start < chunk.length) {
      const rest = chunk.subarray(start);
      pendingBytes += rest.length;
      if (pendingBytes > maxLineBytes) tooLong(fileName, lineNumber, maxLineBytes);
      // Copy: the caller's stream may reuse its chunk buffers.
      pending.push(Buffer.from(rest));
    }
  }
  if (!sawAnyByte) throw new UnusableInputError(fileName, undefined, 'the file is empty');
  if (pendingBytes > 0) yield { line: lineNumber, text: take(Buffer.alloc(0)) };
}

function tooLong(fileName: string, line: number, limit: number): never {
  throw new UnusableInputError(
    fileName,
    line,
    `line is longer than ${Math.round(limit / 1024 / 1024)} MiB; this is not a line-oriented export (wrong file or wrong --kind?)`,
  );
}

/** Reads the first bytes of a file as text, for content detection. */
export async function readHead(input: ByteSource, maxBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const raw of input) {
    const chunk = toBuffer(raw);
    chunks.push(chunk);
    size += chunk.length;
    if (size >= maxBytes) break;
  }
  let text = Buffer.concat(chunks).subarray(0, maxBytes).toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text;
}
