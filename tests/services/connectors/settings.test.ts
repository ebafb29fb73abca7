import { generateKeyPairSync } from 'node:crypto';
import { cipherFromSecret } from '../../../src/services/connectors/cipher';
import { listConnectorSettings, loadConnectorSettings, removeConnectorSettings, saveConnectorSettings, scheduledConnectors } from '../../../src/services/connectors/settings';
import { ensureWorkspace } from '../../../src/services/workspaces';
import type { Store } from '../../../src/store/data-source';
import { openTestStore } from '../../support/store';

describe('connector settings (encrypted at rest)', () => {
  let store: Store;
  let workspaceId: number;
  let otherWorkspaceId: number;
  const cipher = cipherFromSecret('settings-test-secret-key-0123');

  beforeAll(async () => {
    store = await openTestStore();
    workspaceId = (await ensureWorkspace(store.dataSource, 'settings-a')).workspace.id;
    otherWorkspaceId = (await ensureWorkspace(store.dataSource, 'settings-b')).workspace.id;
  });
  afterAll(() => store.close());

  it('stores secrets encrypted, returns them to the process, and lists them by name only', async () => {
    const view = await saveConnectorSettings(store.dataSource, cipher, workspaceId, 'hubspot', { apiKey: 'pat-na1-secret-token', webhookSecret: 'client-secret-xyz', baseUrl: 'http://127.0.0.1:9/', syncIntervalMinutes: 15 });
    expect(view).toMatchObject({ source: 'hubspot', secretNames: ['apiKey', 'webhookSecret'], baseUrl: 'http://127.0.0.1:9/', syncIntervalMinutes: 15 });
    const [row] = await store.dataSource.query(`SELECT * FROM connector_setting WHERE workspace_id = $1 AND source = 'hubspot'`, [workspaceId]);
    expect(JSON.stringify(row)).not.toMatch(/pat-na1|client-secret/);
    expect(row.credentials_key_id).toBe(cipher.keyId);
    const loaded = await loadConnectorSettings(store.dataSource, cipher, workspaceId, 'hubspot');
    expect(loaded).toMatchObject({ apiKey: 'pat-na1-secret-token', webhookSecret: 'client-secret-xyz', syncIntervalMinutes: 15 });
    expect(await loadConnectorSettings(store.dataSource, cipher, otherWorkspaceId, 'hubspot')).toBeNull();
    expect(JSON.stringify(await listConnectorSettings(store.dataSource, workspaceId))).not.toMatch(/pat-na1|client-secret/);
    expect(await scheduledConnectors(store.dataSource)).toContainEqual({ workspaceId, source: 'hubspot', syncIntervalMinutes: 15 });
  });

  it('a change keeps what it does not mention, and clear removes', async () => {
    await saveConnectorSettings(store.dataSource, cipher, workspaceId, 'hubspot', { apiKey: 'pat-rotated' });
    expect(await loadConnectorSettings(store.dataSource, cipher, workspaceId, 'hubspot')).toMatchObject({ apiKey: 'pat-rotated', webhookSecret: 'client-secret-xyz', baseUrl: 'http://127.0.0.1:9/' });
    const view = await saveConnectorSettings(store.dataSource, cipher, workspaceId, 'hubspot', { clear: ['webhookSecret', 'baseUrl', 'syncIntervalMinutes'] });
    expect(view).toMatchObject({ secretNames: ['apiKey'], baseUrl: null, syncIntervalMinutes: null });
    expect(await loadConnectorSettings(store.dataSource, cipher, workspaceId, 'hubspot')).toEqual({ workspaceId, source: 'hubspot', apiKey: 'pat-rotated', baseUrl: undefined, syncIntervalMinutes: undefined });
  });

  it('another key cannot read them, and says which key they were stored with', async () => {
    const other = cipherFromSecret('a-different-secret-key-456789');
    await expect(loadConnectorSettings(store.dataSource, other, workspaceId, 'hubspot')).rejects.toThrow(/another FUNNELGRAPH_SECRET_KEY/);
  });

  it('credentials copied onto another workspace’s row do not decrypt there', async () => {
    await saveConnectorSettings(store.dataSource, cipher, otherWorkspaceId, 'hubspot', { apiKey: 'pat-other' });
    await store.dataSource.query(
      `UPDATE connector_setting SET credentials = (SELECT credentials FROM connector_setting WHERE workspace_id = $1 AND source = 'hubspot') WHERE workspace_id = $2 AND source = 'hubspot'`,
      [workspaceId, otherWorkspaceId],
    );
    await expect(loadConnectorSettings(store.dataSource, cipher, otherWorkspaceId, 'hubspot')).rejects.toThrow(/failed authentication/);
  });

  it('validates input with messages that say what to do', async () => {
    const save = (source: string, input: object) => saveConnectorSettings(store.dataSource, cipher, workspaceId, source, input);
    await expect(save('generic', { apiKey: 'x' })).rejects.toThrow(/choose one of: sendgrid, mailchimp, hubspot, whatsapp/);
    await expect(save('nope', {})).rejects.toThrow(/no connector "nope"/);
    await expect(save('sendgrid', { baseUrl: 'not a url' })).rejects.toThrow(/not a URL/);
    await expect(save('sendgrid', { baseUrl: 'ftp://x' })).rejects.toThrow(/http or https/);
    await expect(save('sendgrid', { syncIntervalMinutes: 0 })).rejects.toThrow(/1 to 10080/);
    await expect(save('sendgrid', { apiKey: '  ' })).rejects.toThrow(/empty/);
    await expect(save('sendgrid', { webhookPublicKey: 'garbage' })).rejects.toThrow(/not a public key/);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    await expect(save('sendgrid', { webhookPublicKey: rsa })).rejects.toThrow(/ECDSA/);
    expect(await loadConnectorSettings(store.dataSource, cipher, workspaceId, 'sendgrid')).toBeNull();
  });

  it('accepts SendGrid’s verification key as base64 DER and as PEM', async () => {
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const der = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
    await saveConnectorSettings(store.dataSource, cipher, workspaceId, 'sendgrid', { webhookPublicKey: der });
    expect((await loadConnectorSettings(store.dataSource, cipher, workspaceId, 'sendgrid'))?.webhookPublicKey).toBe(der);
    const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    await saveConnectorSettings(store.dataSource, cipher, workspaceId, 'sendgrid', { webhookPublicKey: pem });
    expect((await loadConnectorSettings(store.dataSource, cipher, workspaceId, 'sendgrid'))?.webhookPublicKey).toBe(pem);
  });

  it('remove deletes the row and its secrets', async () => {
    expect(await removeConnectorSettings(store.dataSource, workspaceId, 'sendgrid')).toBe(true);
    expect(await removeConnectorSettings(store.dataSource, workspaceId, 'sendgrid')).toBe(false);
    expect(await loadConnectorSettings(store.dataSource, cipher, workspaceId, 'sendgrid')).toBeNull();
  });
});
