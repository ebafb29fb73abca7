import { readCsvRows } from '../../../src/connectors/sdk/input/csv-rows';
import { readJsonValues } from '../../../src/connectors/sdk/input/json-values';
import { readLines } from '../../../src/connectors/sdk/input/lines';
import { MAX_DOCUMENT_BYTES, MAX_LINE_BYTES } from '../../../src/connectors/sdk/input/limits';
import { UnusableInputError } from '../../../src/connectors/sdk/errors';

const GIB = 1024 ** 3;

/** A 2 GB single-line "file", produced lazily: only what the reader pulls is ever allocated. */
function* twoGigabyteLine(prefix: string): Generator<Buffer> {
  const chunk = Buffer.alloc(1024 * 1024, 'x');
  yield Buffer.from(prefix);
  for (let sent = 0; sent < 2 * GIB; sent += chunk.length) yield chunk;
}
const asAsync = (source: Iterable<Buffer>) => (async function* () { yield* source; })();

async function firstError(iterable: AsyncIterable<unknown>): Promise<UnusableInputError> {
  try {
    for await (const _ of iterable) {
      /* drain */
    }
  } catch (error) {
    return error as UnusableInputError;
  }
  throw new Error('expected an error');
}

describe('a 2 GB line', () => {
  it('in a line-oriented file is refused at the line limit, naming file and line, without reading on', async () => {
    const error = await firstError(readLines(asAsync(twoGigabyteLine('ok line\n')), 'chat.txt'));
    expect(error).toBeInstanceOf(UnusableInputError);
    expect(error.message).toBe(`chat.txt line 2: line is longer than ${MAX_LINE_BYTES / 1024 / 1024} MiB; this is not a line-oriented export (wrong file or wrong --kind?)`);
  });

  it('in a JSON file is refused at the document limit, naming the line where the value starts', async () => {
    const error = await firstError(readJsonValues(asAsync(twoGigabyteLine('[\n{"email": "')), 'events.json'));
    expect(error).toBeInstanceOf(UnusableInputError);
    expect(error.message).toBe(`events.json line 2: a JSON value starting here is larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MiB`);
  });

  it('in a CSV file is refused by the CSV reader with the file named', async () => {
    const error = await firstError(readCsvRows(asAsync(twoGigabyteLine('email,type\n"')), 'contacts.csv', ['email']));
    expect(error).toBeInstanceOf(UnusableInputError);
    expect(error.message).toBe("contacts.csv line 2: CSV could not be read: Max Record Size: record exceed the maximum number of tolerated bytes of 16777216 at line 2");
  });
});
