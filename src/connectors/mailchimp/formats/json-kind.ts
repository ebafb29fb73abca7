/**
 * The shared parse loop of the three JSON file kinds: elements of the collection array (or a document that
 * is itself one element) go through the kind's pure mapping; its problems become rejections at the element's
 * line. A first document of the wrong shape means the file is not this kind at all (UnusableInputError).
 */
import type { ImportRecord } from '../../../domain/model';
import type { ByteSource, ParseContext, ParseOutput } from '../../sdk/connector';
import { UnusableInputError } from '../../sdk/errors';
import { isPlainObject } from '../../sdk/values';
import type { MapResult } from '../problems';
import { readJsonItems } from '../../sdk/input/json-items';

export interface JsonKindSpec {
  /** The collection array of a page: `reports`, `emails`, `members`. */
  collectionKey: string;
  /** What the file should be, for error messages. */
  expected: string;
  /** Whether a whole document is itself one element (a single-object GET response). */
  isElement(document: Record<string, unknown>): boolean;
  map(element: unknown): MapResult<ImportRecord>;
}

export async function* parseJsonKind(input: ByteSource, context: ParseContext, spec: JsonKindSpec): AsyncGenerator<ParseOutput> {
  let first = true;
  for await (const item of readJsonItems(input, context.fileName, [spec.collectionKey])) {
    const wasFirst = first;
    first = false;
    if (item.kind === 'error') {
      yield { line: item.line, rejected: { line: item.line, reason: item.error, raw: item.raw } };
      continue;
    }
    if (item.kind === 'document' && item.splitKey !== undefined) continue; // a page envelope: total_items, _links
    if (item.kind === 'document' && !(isPlainObject(item.value) && spec.isElement(item.value))) {
      const reason = describeUnexpected(item.value, spec.expected);
      if (wasFirst) throw new UnusableInputError(context.fileName, item.line, reason);
      yield { line: item.line, rejected: { line: item.line, reason, raw: item.raw } };
      continue;
    }
    const result = spec.map(item.value);
    if (result.records.length > 0) yield { line: item.line, records: result.records };
    for (const problem of result.problems) {
      yield { line: item.line, rejected: { line: item.line, field: problem.field, reason: problem.reason, raw: problem.raw ?? item.raw } };
    }
  }
}

function describeUnexpected(value: unknown, expected: string): string {
  if (isPlainObject(value) && typeof value.status === 'number' && typeof value.title === 'string' && 'detail' in value) {
    // application/problem+json: an API error saved to a file instead of the data.
    return `this is a Mailchimp API error response, not data: ${value.status} ${value.title} — ${String(value.detail)}`;
  }
  const found = isPlainObject(value)
    ? `an object with keys ${Object.keys(value).slice(0, 6).map((key) => JSON.stringify(key)).join(', ') || '(none)'}`
    : Array.isArray(value)
      ? 'an array'
      : `a ${typeof value}`;
  return `expected ${expected}; found ${found}`;
}
