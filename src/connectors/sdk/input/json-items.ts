/**
 * Streams the elements of a vendor's collection response (Mailchimp members, HubSpot events) one by one. A page such as
 * `{"emails":[{…},{…}], "campaign_id":"…", "total_items":280, "_links":[…]}` can hold thousands of members,
 * each with up to 2,000 activities: rather than buffering the whole document (as sdk readJsonValues does),
 * this scanner cuts each element of the named array (`emails`, `members`, `reports`) out of the text as soon
 * as it closes, with the line it starts on, so one bad element is one rejection at its own line.
 *
 * What it reads: one JSON document, several concatenated or one per line (saved pages), or a top-level
 * array of documents. A document without the named array (a single report, `GET …/members/{hash}`) is
 * yielded whole; a page's envelope (the document with the array emptied) is yielded after its elements.
 */
import { StringDecoder } from 'node:string_decoder';
import type { ByteSource } from '../connector';
import { UnusableInputError } from '../errors';
import { assertLooksLikeText, toBuffer } from './binary';
import { MAX_DOCUMENT_BYTES } from './limits';

export type JsonItem =
  /** An element of the collection array `key`. */
  | { kind: 'element'; key: string; line: number; value: unknown; raw: string }
  /** A whole document; with `splitKey` set, its collection array was emptied (the elements came before). */
  | { kind: 'document'; splitKey?: string; line: number; value: unknown; raw: string }
  | { kind: 'error'; line: number; error: string; raw: string };

type Mode = 'between' | 'document' | 'elements' | 'element';

const RAW_PREVIEW = 2000;

export async function* readJsonItems(input: ByteSource, fileName: string, collectionKeys: readonly string[]): AsyncGenerator<JsonItem> {
  const decoder = new StringDecoder('utf8');
  let line = 1;
  let mode = 'between' as Mode; // widened: the scanner closure changes it
  let inTopArray = false;
  let sawValue = false;
  let firstChunk = true;
  // String state, shared by every mode.
  let inString = false;
  let escaped = false;
  // The document being read.
  let depth = 0;
  let isObject = false;
  let expectKey = false;
  let capturingKey = false;
  let keyText = '';
  let lastKey: string | undefined;
  let splitKey: string | undefined;
  let documentLine = 1;
  let documentParts: string[] = [];
  let documentSize = 0;
  // The element being read.
  let elementDepth = 0;
  let elementScalar = false;
  let elementLine = 1;
  let elementParts: string[] = [];
  let elementSize = 0;
  let elementCount = 0;

  const addDocument = (text: string): void => {
    documentParts.push(text);
    documentSize += text.length;
    if (documentSize > MAX_DOCUMENT_BYTES) tooLarge(fileName, documentLine);
  };
  const addElement = (text: string): void => {
    elementParts.push(text);
    elementSize += text.length;
    if (elementSize > MAX_DOCUMENT_BYTES) tooLarge(fileName, elementLine);
  };

  const scan = function* (chunk: string): Generator<JsonItem> {
    let mark = 0;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i];
      if (c === '\n') line++;
      if (inString) {
        if (escaped) escaped = false;
        else if (c === '\\') escaped = true;
        else if (c === '"') {
          inString = false;
          if (capturingKey) {
            capturingKey = false;
            lastKey = decodeKey(keyText);
          }
          continue;
        }
        if (capturingKey) keyText += c;
        continue;
      }
      if (mode === 'between') {
        if (c === ' ' || c === '\n' || c === '\r' || c === '\t') continue;
        if (c === '[' && !inTopArray) {
          inTopArray = sawValue = true;
          continue;
        }
        if (inTopArray && c === ',') continue;
        if (inTopArray && c === ']') {
          inTopArray = false;
          continue;
        }
        if (c !== '{' && c !== '[') {
          const start = JSON.stringify(chunk.slice(i, i + 40));
          throw new UnusableInputError(fileName, line, sawValue ? `unexpected text ${start} between JSON values` : `this is not JSON (it starts with ${start})`);
        }
        sawValue = true;
        mode = 'document';
        depth = 1;
        isObject = c === '{';
        expectKey = isObject;
        lastKey = splitKey = undefined;
        documentLine = line;
        documentParts = [];
        documentSize = 0;
        mark = i;
        continue;
      }
      if (mode === 'elements') {
        if (c === ' ' || c === '\n' || c === '\r' || c === '\t' || c === ',') continue;
        if (c === ']') {
          // The envelope resumes with this bracket, so it reads `"emails":[]`.
          mode = 'document';
          depth = 1;
          mark = i;
          continue;
        }
        mode = 'element';
        elementLine = line;
        elementParts = [];
        elementSize = 0;
        elementScalar = c !== '{' && c !== '[';
        elementDepth = elementScalar ? 0 : 1;
        if (c === '"') inString = true;
        mark = i;
        continue;
      }
      if (mode === 'element') {
        if (elementScalar) {
          if (c === ',' || c === ']') {
            addElement(chunk.slice(mark, i));
            yield finish('element');
            mode = c === ']' ? 'document' : 'elements';
            depth = 1;
            mark = i;
          } else if (c === '"') inString = true;
          continue;
        }
        if (c === '"') inString = true;
        else if (c === '{' || c === '[') elementDepth++;
        else if (c === '}' || c === ']') {
          elementDepth--;
          if (elementDepth === 0) {
            addElement(chunk.slice(mark, i + 1));
            yield finish('element');
            mode = 'elements';
          }
        }
        continue;
      }
      // mode === 'document'
      if (c === '"') {
        inString = true;
        if (depth === 1 && isObject && expectKey) {
          capturingKey = true;
          keyText = '';
        }
        continue;
      }
      if (depth === 1 && isObject) {
        if (c === ':') expectKey = false;
        else if (c === ',') expectKey = true;
        else if (c === '[' && !expectKey && splitKey === undefined && lastKey !== undefined && collectionKeys.includes(lastKey)) {
          addDocument(chunk.slice(mark, i + 1));
          splitKey = lastKey;
          elementCount = 0;
          mode = 'elements';
          continue;
        }
      }
      if (c === '{' || c === '[') depth++;
      else if (c === '}' || c === ']') {
        depth--;
        if (depth === 0) {
          addDocument(chunk.slice(mark, i + 1));
          yield finish('document');
          mode = 'between';
        }
      }
    }
    if (mode === 'document') addDocument(chunk.slice(mark));
    else if (mode === 'element') addElement(chunk.slice(mark));
  };

  const finish = (what: 'element' | 'document'): JsonItem => {
    const raw = (what === 'element' ? elementParts : documentParts).join('');
    const line = what === 'element' ? elementLine : documentLine;
    if (what === 'element') elementCount++;
    try {
      const value: unknown = JSON.parse(raw);
      return what === 'element' ? { kind: 'element', key: splitKey ?? '', line, value, raw } : { kind: 'document', splitKey, line, value, raw };
    } catch (error) {
      return { kind: 'error', line, error: `not valid JSON (${(error as Error).message})`, raw: raw.slice(0, RAW_PREVIEW) };
    }
  };

  for await (const rawChunk of input) {
    const bytes = toBuffer(rawChunk);
    if (bytes.length === 0) continue;
    if (firstChunk) assertLooksLikeText(bytes, fileName);
    let chunk = decoder.write(bytes);
    if (firstChunk && chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    firstChunk = false;
    yield* scan(chunk);
  }
  yield* scan(decoder.end());

  if (!sawValue) throw new UnusableInputError(fileName, undefined, 'the file is empty');
  if (mode === 'element') {
    yield { kind: 'error', line: elementLine, error: `truncated JSON: the file ends inside this element of "${splitKey}"`, raw: elementParts.join('').slice(0, RAW_PREVIEW) };
  } else if (mode === 'elements') {
    yield { kind: 'error', line, error: `truncated JSON: the file ends inside the "${splitKey}" array, after ${elementCount} element(s)`, raw: '' };
  } else if (mode === 'document') {
    yield { kind: 'error', line: documentLine, error: 'truncated JSON: the file ends inside this value', raw: documentParts.join('').slice(0, RAW_PREVIEW) };
  } else if (inTopArray) {
    yield { kind: 'error', line, error: 'truncated JSON: the file ends before the closing "]" of its top-level array', raw: '' };
  }
}

function decodeKey(text: string): string {
  try {
    return JSON.parse(`"${text}"`) as string;
  } catch {
    return text;
  }
}

function tooLarge(fileName: string, line: number): never {
  throw new UnusableInputError(fileName, line, `a JSON value starting here is larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MiB`);
}
