import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cipherFromSecret } from '../../src/services/connectors/cipher';
import { loadConnectorSettings } from '../../src/services/connectors/settings';
import { runCli } from '../support/cli';
import { createSharedDatabase, type SharedDatabase } from '../support/database-env';
import { TEST_SECRET_KEY } from '../support/server';
import { databaseKind } from '../support/store';

describe(`funnelgraph connectors (${databaseKind()})`, () => {
  let database: SharedDatabase;
  let dir: string;
  beforeAll(async () => {
    database = await createSharedDatabase();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fg-connectors-'));
    const created = await runCli(['keys', 'create', '--workspace', 'cli-conn'], database.env);
    expect(created.code).toBe(0);
  }, 60_000);
  afterAll(async () => {
    await database.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('add stores the secrets encrypted with FUNNELGRAPH_SECRET_KEY; list shows names only', async () => {
    const keyFile = path.join(dir, 'sendgrid.pub');
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    fs.writeFileSync(keyFile, publicKey.export({ type: 'spki', format: 'der' }).toString('base64'));
    const apiKeyFile = path.join(dir, 'api-key');
    fs.writeFileSync(apiKeyFile, 'SG.very-secret-key\n');
    const added = await runCli(['connectors', 'add', '--workspace', 'cli-conn', '--source', 'sendgrid', '--api-key-file', apiKeyFile,
      '--webhook-public-key', keyFile, '--base-url', 'http://127.0.0.1:1/', '--sync-every', '60'], database.env);
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/SendGrid set up for workspace "cli-conn": secrets apiKey, webhookPublicKey/);
    expect(added.stdout).toMatch(/webhook URL: .*\/webhooks\/sendgrid\/cli-conn/);

    const listed = await runCli(['connectors', 'list', '--workspace', 'cli-conn', '--json'], database.env);
    expect(listed.code).toBe(0);
    expect(listed.stdout).not.toMatch(/very-secret/);
    expect(JSON.parse(listed.stdout)[0]).toMatchObject({ source: 'sendgrid', secrets: ['apiKey', 'webhookPublicKey'], syncIntervalMinutes: 60 });

    const store = await database.open();
    try {
      const [{ id }] = await store.dataSource.query(`SELECT id FROM workspace WHERE slug = 'cli-conn'`);
      const settings = await loadConnectorSettings(store.dataSource, cipherFromSecret(TEST_SECRET_KEY), id, 'sendgrid');
      expect(settings).toMatchObject({ apiKey: 'SG.very-secret-key', baseUrl: 'http://127.0.0.1:1/', syncIntervalMinutes: 60 });
    } finally {
      await store.close();
    }
  }, 60_000);

  it('a process with another key is told which key the secrets need, exit 2', async () => {
    const result = await runCli(['connectors', 'add', '--workspace', 'cli-conn', '--source', 'sendgrid', '--api-key', 'SG.rotated'],
      { ...database.env, FUNNELGRAPH_SECRET_KEY: 'some-other-secret-key-000' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/stored with another FUNNELGRAPH_SECRET_KEY/);
    expect(result.stderr).not.toMatch(/at .*\.js/); // no stack trace
  }, 60_000);

  it('bad arguments exit 2 with the reason', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['--source', 'generic', '--api-key', 'x'], /choose one of/],
      [['--source', 'hubspot', '--webhook-public-key', '/nonexistent'], /for SendGrid/],
      [['--source', 'sendgrid', '--webhook-public-key', '/nonexistent'], /no such file/],
      [['--source', 'hubspot', '--sync-every', 'often'], /whole number of minutes/],
    ];
    for (const [args, message] of cases) {
      const result = await runCli(['connectors', 'add', '--workspace', 'cli-conn', ...args], database.env);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(message);
    }
    const unknown = await runCli(['connectors', 'add', '--workspace', 'no-such', '--source', 'hubspot', '--api-key', 'x'], database.env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no workspace "no-such"/);
  }, 120_000);
});
