/**
 * Shared reading of HubSpot JSON files: API responses saved as they came (one page object, several pages in
 * an array or one per line), or the page's items on their own. A value that is neither is a rejection, unless
 * it is the first value of the file: then the file is not this kind at all.
 */
import type { ByteSource, ParseContext, ParseOutput } from '../sdk/connector';
import { UnusableInputError } from '../sdk/errors';
import { readJsonItems } from '../sdk/input';
import { isPlainObject } from '../sdk/values';
import { type MapOutcome, toParseOutput } from './outcome';

export interface JsonFileShape {
  /** The page key holding the items: "events" (Email Events API) or "results" (CRM lists). */
  itemsKey: string;
  /** Whether a value is one item on its own (not wrapped in a page). */
  isItem(value: Record<string, unknown>): boolean;
  mapItem(value: unknown): MapOutcome;
  /** What the file should contain, for the error when it does not. */
  expected: string;
}

export async function* readHubSpotJson(input: ByteSource, context: ParseContext, shape: JsonFileShape): AsyncGenerator<ParseOutput> {
  let recognised = false;
  // Each item of a page is cut out as it closes, with its own line: one bad event is one rejection at its line.
  for await (const item of readJsonItems(input, context.fileName, [shape.itemsKey])) {
    if (item.kind === 'error') {
      yield { line: item.line, rejected: { line: item.line, reason: item.error, raw: item.raw } };
      continue;
    }
    const { value, line } = item;
    if (item.kind === 'element') {
      recognised = true;
      yield toParseOutput(line, item.raw, shape.mapItem(value));
    } else if (item.splitKey !== undefined) {
      recognised = true; // a page's envelope (paging cursors), after its items
    } else if (isPlainObject(value) && shape.isItem(value)) {
      recognised = true;
      yield toParseOutput(line, item.raw, shape.mapItem(value));
    } else if (!recognised) {
      throw new UnusableInputError(context.fileName, line, `this is not ${shape.expected}`);
    } else {
      yield { line, rejected: { line, reason: `this value is not ${shape.expected}`, raw: item.raw } };
    }
  }
}

/** Whether the first 64 KiB look like JSON (detection runs before any parsing). */
export function startsLikeJson(head: string): boolean {
  const text = head.trimStart();
  return text.startsWith('{') || text.startsWith('[');
}
