/** The streaming element scanner behind the JSON kinds: chunk boundaries and the JSON shapes pages are saved in. */
import { emailActivityKind } from '../../../src/connectors/mailchimp/email-activity';
import { readJsonItems, type JsonItem } from '../../../src/connectors/sdk/input/json-items';
import { listMembersKind } from '../../../src/connectors/mailchimp/list-members';
import { reportsKind } from '../../../src/connectors/mailchimp/reports';
import type { FileKind } from '../../../src/connectors/sdk/connector';
import { parseFixture } from './helpers';

async function items(text: string, keys: string[], chunkSize = 3): Promise<JsonItem[]> {
  const chunks: Buffer[] = [];
  const bytes = Buffer.from(text, 'utf8');
  for (let start = 0; start < bytes.length; start += chunkSize) chunks.push(bytes.subarray(start, start + chunkSize));
  const out: JsonItem[] = [];
  for await (const item of readJsonItems((async function* () { yield* chunks; })(), 'test.json', keys)) out.push(item);
  return out;
}

const CASES: Array<[FileKind, string]> = [
  [reportsKind, 'reports-list.json'],
  [reportsKind, 'reports-bad.json'],
  [reportsKind, 'reports-truncated.json'],
  [emailActivityKind, 'email-activity.json'],
  [emailActivityKind, 'email-activity-pages.ndjson'],
  [emailActivityKind, 'email-activity-bad.json'],
  [emailActivityKind, 'email-activity-truncated.json'],
  [listMembersKind, 'list-members.json'],
  [listMembersKind, 'member-single.json'],
];

describe('mailchimp JSON element scanner', () => {
  it.each(CASES)('reads %s the same in 7-byte chunks as in 64 KiB chunks (%s)', async (kind, file) => {
    expect(await parseFixture(kind, file, { chunkBytes: 7 })).toEqual(await parseFixture(kind, file));
  });

  it('cuts the elements of the named array and yields the page envelope after them', async () => {
    const text = '{"emails": [{"a": 1},\n {"b": "x]}"}], "campaign_id": "c1", "total_items": 2}';
    expect(await items(text, ['emails'])).toEqual([
      { kind: 'element', key: 'emails', line: 1, value: { a: 1 }, raw: '{"a": 1}' },
      { kind: 'element', key: 'emails', line: 2, value: { b: 'x]}' }, raw: '{"b": "x]}"}' },
      { kind: 'document', splitKey: 'emails', line: 1, value: { emails: [], campaign_id: 'c1', total_items: 2 }, raw: '{"emails": [], "campaign_id": "c1", "total_items": 2}' },
    ]);
  });

  it('only splits the named array at the top of a document, and reads escaped keys', async () => {
    const text = '[{"id": "r1", "timeseries": [{"emails": [1]}]}, {"rep\\u006frts": [{"id": "r2"}]}]';
    const out = await items(text, ['reports']);
    expect(out.map((item) => [item.kind, 'value' in item ? item.value : undefined])).toEqual([
      ['document', { id: 'r1', timeseries: [{ emails: [1] }] }],
      ['element', { id: 'r2' }],
      ['document', { reports: [] }],
    ]);
  });

  it('yields scalar elements as they are, for the mapping to refuse', async () => {
    const out = await items('{"members": [1, "two" ,null]}', ['members']);
    expect(out.filter((item) => item.kind === 'element').map((item) => ('value' in item ? item.value : undefined))).toEqual([1, 'two', null]);
  });

  it('rejects an element that is not valid JSON and goes on with the next', async () => {
    const out = await items('{"emails": [{"a": tru}, {"a": true}]}', ['emails']);
    expect(out.map((item) => item.kind)).toEqual(['error', 'element', 'document']);
    expect(out[0]).toMatchObject({ line: 1, raw: '{"a": tru}' });
  });

  it('reports a missing closing bracket of a top-level array as truncation', async () => {
    const out = await items('[{"id": "r1"},\n{"id": "r2"}\n', ['reports']);
    expect(out.map((item) => item.kind)).toEqual(['document', 'document', 'error']);
    expect(out[2]).toEqual({ kind: 'error', line: 3, error: 'truncated JSON: the file ends before the closing "]" of its top-level array', raw: '' });
  });

  it('refuses text between JSON values', async () => {
    await expect(items('{"id": 1}\nGARBAGE', ['reports'], 64)).rejects.toThrow('test.json line 2: unexpected text "GARBAGE" between JSON values');
  });
});
