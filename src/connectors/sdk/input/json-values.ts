import { StringDecoder } from 'node:string_decoder';
import type { ByteSource } from '../connector';
import { UnusableInputError } from '../errors';
import { assertLooksLikeText, toBuffer } from './binary';
import { readLines } from './lines';
import { MAX_DOCUMENT_BYTES } from './limits';

/** One JSON value read from a file, or why the text starting at `line` is not one. */
export type JsonValueOutput = { line: number; value: unknown; raw: string } | { line: number; error: string; raw: string };

/**
 * Reads the JSON documents of a file in a stream, with the line each starts on:
 * - NDJSON (one value per line; each line parsed on its own, so one bad line is one rejection);
 * - a JSON array, or several concatenated (one per webhook POST): each element is yielded on its own;
 * - one or more pretty-printed objects.
 * The mode is chosen from the first non-blank line: a complete JSON object on it means NDJSON.
 */
export async function* readJsonValues(input: ByteSource, fileName: string): AsyncGenerator<JsonValueOutput> {
  const iterator = input[Symbol.asyncIterator]();
  const buffered: Buffer[] = [];
  let head = '';
  // Peek until the first complete line (or 64 KiB) to choose the mode, then replay what was read.
  while (!head.includes('\n') && head.length < 65536) {
    const next = await iterator.next();
    if (next.done) break;
    const chunk = toBuffer(next.value);
    if (buffered.length === 0 && chunk.length > 0) assertLooksLikeText(chunk, fileName);
    buffered.push(chunk);
    head += chunk.toString('utf8');
  }
  const replay: ByteSource = (async function* () {
    yield* buffered;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  })();
  const firstLine = head.replace(/^\uFEFF/, '').split('\n').find((line) => line.trim() !== '') ?? '';
  if (firstLine === '') throw new UnusableInputError(fileName, undefined, 'the file is empty');
  if (looksLikeNdjsonLine(firstLine)) {
    yield* readNdjson(replay, fileName);
  } else if (firstLine.trimStart().startsWith('[') || firstLine.trimStart().startsWith('{')) {
    yield* scanJsonDocuments(replay, fileName);
  } else {
    throw new UnusableInputError(fileName, 1, `this is not JSON (it starts with ${JSON.stringify(firstLine.slice(0, 40))})`);
  }
}

function looksLikeNdjsonLine(line: string): boolean {
  const trimmed = line.trim();
  if (!trimmed.startsWith('{') || !trimmed.endsWith('}')) return false;
  try {
    JSON.parse(trimmed);
    return true;
  } catch {
    return false;
  }
}

async function* readNdjson(input: ByteSource, fileName: string): AsyncGenerator<JsonValueOutput> {
  for await (const { line, text } of readLines(input, fileName)) {
    const trimmed = text.trim();
    if (trimmed === '') continue;
    try {
      const value: unknown = JSON.parse(trimmed);
      // A line holding a whole webhook batch (an array) counts as its elements.
      if (Array.isArray(value)) for (const element of value) yield { line, value: element, raw: JSON.stringify(element) };
      else yield { line, value, raw: trimmed };
    } catch (error) {
      yield { line, error: `not valid JSON (${(error as Error).message})`, raw: trimmed };
    }
  }
}

/**
 * A small streaming scanner: tracks strings, nesting and line numbers, and cuts the text into top-level
 * values (top-level arrays are flattened into their elements). Each value is parsed with JSON.parse.
 */
async function* scanJsonDocuments(input: ByteSource, fileName: string): AsyncGenerator<JsonValueOutput> {
  const decoder = new StringDecoder('utf8');
  let line = 1;
  let depth = 0; // nesting inside the value being collected (plus 1 inside a top-level array)
  let inTopArray = false;
  let collecting = false;
  let baseDepth = 0;
  let inString = false;
  let escaped = false;
  let startLine = 1;
  let parts: string[] = [];
  let size = 0;
  let scalar = false;

  function* finish(text: string): Generator<JsonValueOutput> {
    collecting = false;
    const raw = text.trim();
    try {
      yield { line: startLine, value: JSON.parse(raw), raw };
    } catch (error) {
      yield { line: startLine, error: `not valid JSON (${(error as Error).message})`, raw };
    }
  }

  for await (const rawChunk of input) {
    let chunk = decoder.write(toBuffer(rawChunk));
    if (line === 1 && chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    let segmentStart = 0;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i];
      if (c === '\n') line++;
      if (inString) {
        if (escaped) escaped = false;
        else if (c === '\\') escaped = true;
        else if (c === '"') inString = false;
        continue;
      }
      if (!collecting) {
        if (c === ' ' || c === '\n' || c === '\r' || c === '\t') continue;
        if (!inTopArray && c === '[') {
          inTopArray = true;
          continue;
        }
        if (inTopArray && c === ',') continue;
        if (inTopArray && c === ']') {
          inTopArray = false;
          continue;
        }
        collecting = true;
        baseDepth = 0;
        depth = 0;
        startLine = line;
        parts = [];
        size = 0;
        segmentStart = i;
        scalar = c !== '{' && c !== '[';
        if (scalar && !inTopArray) {
          // Text that is neither an object nor an array at the top level: the file is not JSON from here on.
          throw new UnusableInputError(fileName, line, `unexpected ${JSON.stringify(c)}: expected a JSON object or array`);
        }
      }
      if (scalar) {
        if (c === ',' || c === ']') {
          parts.push(chunk.slice(segmentStart, i));
          yield* finish(parts.join(''));
          if (c === ']') inTopArray = false;
        } else if (c === '"') inString = true;
        continue;
      }
      if (c === '"') inString = true;
      else if (c === '{' || c === '[') depth++;
      else if (c === '}' || c === ']') {
        depth--;
        if (depth === baseDepth) {
          parts.push(chunk.slice(segmentStart, i + 1));
          yield* finish(parts.join(''));
        }
      }
    }
    if (collecting) {
      const rest = chunk.slice(segmentStart);
      parts.push(rest);
      size += rest.length;
      if (size > MAX_DOCUMENT_BYTES) {
        throw new UnusableInputError(fileName, startLine, `a JSON value starting here is larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MiB`);
      }
    }
  }
  if (collecting || inString) {
    const raw = parts.join('').slice(0, 2000);
    yield { line: startLine, error: 'truncated JSON: the file ends inside this value', raw };
  }
}
