import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli, type CliResult } from '../support/cli';
import { createSharedDatabase, type SharedDatabase } from '../support/database-env';
import { databaseKind } from '../support/store';

const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'funnelgraph-malformed-'));
const write = (name: string, content: string | Buffer) => {
  const file = path.join(directory, name);
  fs.writeFileSync(file, content);
  return file;
};
const event = (id: string, extra: object = {}) => JSON.stringify({ email: 'a@example.com', event: 'processed', sg_event_id: id, sg_message_id: 'm1.filter1', timestamp: 1700000000, ...extra });

/** No stack trace reaches the user: no "    at …" frames, no "Error:" dumps. */
const expectNoStackTrace = (result: CliResult) => expect(`${result.stdout}${result.stderr}`).not.toMatch(/^\s+at .+\(.+:\d+:\d+\)$/m);

describe(`funnelgraph import on malformed input (${databaseKind()})`, () => {
  let database: SharedDatabase;
  beforeAll(async () => {
    database = await createSharedDatabase();
    expect((await runCli(['keys', 'create', '--workspace', 'acme'], database.env)).code).toBe(0);
  });
  afterAll(() => database.drop());
  const importFile = (source: string, file: string, ...extra: string[]) => runCli(['import', '--source', source, '--workspace', 'acme', '--json', ...extra, file], database.env);

  it('truncated JSON: the whole events before the cut land, the cut one is rejected with its line (exit 1)', async () => {
    const file = write('truncated.json', `[\n${event('t1')},\n${event('t2')},\n{"email": "b@example.com", "event": "deliv`);
    const result = await importFile('sendgrid', file);
    expect(result.code).toBe(1);
    const summary = JSON.parse(result.stdout);
    expect(summary.counts.event.new).toBe(2);
    expect(summary.rejected).toEqual([{ file: 'truncated.json', line: 4, reason: 'truncated JSON: the file ends inside this value' }]);
    expectNoStackTrace(result);
  });

  it('a bad date and an unknown event type are rejected row by row, naming line and field (exit 1)', async () => {
    const file = write('bad-rows.ndjson', [event('b1'), event('b2', { timestamp: 'yesterday' }), event('b3', { event: 'teleported' }), event('b4')].join('\n'));
    const result = await importFile('sendgrid', file);
    expect(result.code).toBe(1);
    const summary = JSON.parse(result.stdout);
    expect(summary.counts.event.new).toBe(2);
    expect(summary.rejected.map((r: { line: number }) => r.line)).toEqual([2, 3]);
    expect(summary.rejected[0].reason).toContain('yesterday');
    expect(summary.rejected[1].reason).toContain('teleported');
  });

  it('a CSV with the wrong delimiter is unusable: exit 2 with the missing columns named', async () => {
    const file = write('contacts.csv', 'Record ID|First Name|Email|Lifecycle Stage|Create Date\n1|Ada|ada@example.com|Lead|2026-01-01 10:00\n');
    const result = await importFile('hubspot', file, '--kind', 'contacts-csv');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^funnelgraph: contacts\.csv line 1: missing column/);
    expectNoStackTrace(result);
  });

  it('a binary file is unusable: exit 2 saying so', async () => {
    const file = write('export.xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00, 0x08, 0x00]));
    const result = await importFile('sendgrid', file);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('funnelgraph: export.xlsx line 1: this is a binary file, not a text export (found a NUL byte); export the data as CSV or JSON\n');
  });

  it('an empty file is unusable: exit 2 saying so', async () => {
    const result = await importFile('hubspot', write('empty.csv', ''));
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('funnelgraph: empty.csv: the file is empty\n');
  });

  it('a file of another vendor is unusable, with the kinds this connector reads', async () => {
    const result = await importFile('mailchimp', write('events.ndjson', event('x1')));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^funnelgraph: events\.ndjson line 1: not a Mailchimp file this connector reads \(kinds: /);
  });

  it('bad arguments exit 2 with a message: unknown source, missing file, bad time zone', async () => {
    const file = write('ok.ndjson', event('ok1'));
    expect((await runCli(['import', '--source', 'klaviyo', '--workspace', 'acme', file], database.env)).stderr).toMatch(/unknown source "klaviyo" \(sources: sendgrid, mailchimp, hubspot, whatsapp, generic\)/);
    const missing = await runCli(['import', '--source', 'sendgrid', '--workspace', 'acme', path.join(directory, 'nope.json')], database.env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.json: no such file/);
    const zone = await runCli(['import', '--source', 'whatsapp', '--workspace', 'acme', '--timezone', 'Mars/Olympus', file], database.env);
    expect(zone.code).toBe(2);
    expect(zone.stderr).toMatch(/"Mars\/Olympus" is not an IANA time zone/);
    const workspace = await runCli(['import', '--source', 'sendgrid', '--workspace', 'nobody', file], database.env);
    expect(workspace.code).toBe(2);
    expect(workspace.stderr).toMatch(/no workspace "nobody"/);
  });
});
