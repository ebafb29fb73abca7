import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cipherFromConfig, cipherFromSecret, CredentialKeyError } from '../../../src/services/connectors/cipher';

describe('connector credential cipher (AES-256-GCM)', () => {
  const cipher = cipherFromSecret('a-long-random-secret-for-tests');

  it('round-trips, and never stores the plaintext or the same ciphertext twice', () => {
    const first = cipher.encrypt('SG.secret-api-key', 'workspace 1 / sendgrid');
    const second = cipher.encrypt('SG.secret-api-key', 'workspace 1 / sendgrid');
    expect(first).not.toContain('SG.secret');
    expect(first).not.toEqual(second); // fresh IV each time
    expect(cipher.decrypt(first, 'workspace 1 / sendgrid')).toBe('SG.secret-api-key');
  });

  it('refuses a ciphertext moved to another row (workspace/source bound as associated data)', () => {
    const sealed = cipher.encrypt('token', 'workspace 1 / hubspot');
    expect(() => cipher.decrypt(sealed, 'workspace 2 / hubspot')).toThrow(/failed authentication/);
  });

  it('refuses a tampered ciphertext and a different key', () => {
    const sealed = cipher.encrypt('token', 'w');
    const bytes = Buffer.from(sealed.slice(3), 'base64');
    bytes[bytes.length - 1] ^= 1;
    expect(() => cipher.decrypt(`v1:${bytes.toString('base64')}`, 'w')).toThrow(CredentialKeyError);
    expect(() => cipherFromSecret('another-long-random-secret').decrypt(sealed, 'w')).toThrow(CredentialKeyError);
    expect(cipherFromSecret('another-long-random-secret').keyId).not.toBe(cipher.keyId);
  });

  it('rejects a short secret with advice', () => {
    expect(() => cipherFromSecret('short')).toThrow(/at least 16/);
  });

  it('embedded default without a key: creates one in the data directory (0600) and reuses it', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fg-cipher-'));
    try {
      const first = cipherFromConfig({ dataDir });
      const file = path.join(dataDir, 'secret.key');
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      const second = cipherFromConfig({ dataDir });
      expect(second.keyId).toBe(first.keyId);
      expect(second.decrypt(first.encrypt('x', 'w'), 'w')).toBe('x');
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('PostgreSQL without a key: says to set FUNNELGRAPH_SECRET_KEY when credentials are needed', () => {
    const cipher = cipherFromConfig({ dataDir: '/nonexistent', databaseUrl: 'postgres://x' });
    expect(() => cipher.encrypt('x', 'w')).toThrow(/FUNNELGRAPH_SECRET_KEY is not set/);
  });
});
