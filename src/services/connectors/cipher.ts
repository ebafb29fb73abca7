import { createCipheriv, createDecipheriv, createHash, randomBytes, scryptSync } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { UserInputError } from '../errors';

/**
 * Encrypts connector credentials at rest (AES-256-GCM, node:crypto). The key is derived from
 * FUNNELGRAPH_SECRET_KEY with scrypt, so any long random string works as the secret. Each ciphertext is bound to
 * its row (workspace and source as additional authenticated data): a ciphertext copied to another row fails to
 * decrypt instead of lending one workspace's credentials to another.
 */
export interface SecretCipher {
  /** Short non-secret fingerprint of the key, stored beside each ciphertext to tell "wrong key" from "tampered". */
  readonly keyId: string;
  encrypt(plaintext: string, boundTo: string): string;
  decrypt(ciphertext: string, boundTo: string): string;
}

const FORMAT = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
// A fixed salt is fine here: the salt's job (defeating precomputed tables) is done by the derivation being
// specific to funnelgraph; the secret itself must be high-entropy, as the README asks.
const SALT = 'funnelgraph/connector-credentials/v1';

export class CredentialKeyError extends UserInputError {
  constructor(message: string) {
    super(message);
    this.name = 'CredentialKeyError';
  }
}

export function cipherFromSecret(secret: string): SecretCipher {
  if (secret.length < 16) throw new CredentialKeyError('FUNNELGRAPH_SECRET_KEY is too short: use at least 16 random characters (e.g. `openssl rand -base64 32`)');
  const key = scryptSync(secret, SALT, 32);
  const keyId = createHash('sha256').update(key).digest('hex').slice(0, 12);
  return {
    keyId,
    encrypt(plaintext, boundTo) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(boundTo, 'utf8'));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return `${FORMAT}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
    },
    decrypt(ciphertext, boundTo) {
      const [format, payload] = ciphertext.split(':', 2);
      if (format !== FORMAT || !payload) throw new CredentialKeyError(`stored credentials are in an unknown format (${format}); add the connector again`);
      const bytes = Buffer.from(payload, 'base64');
      const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES));
      decipher.setAAD(Buffer.from(boundTo, 'utf8'));
      decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      try {
        return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
      } catch {
        throw new CredentialKeyError(`stored credentials for ${boundTo} failed authentication: they were altered or belong to another row; add the connector again`);
      }
    },
  };
}

/** A stand-in when no key is configured: anything that needs credentials says what to do. */
export function missingCipher(reason: string): SecretCipher {
  const fail = (): never => {
    throw new CredentialKeyError(reason);
  };
  return { keyId: 'none', encrypt: fail, decrypt: fail };
}

const KEY_FILE = 'secret.key';

/**
 * The cipher of this process: FUNNELGRAPH_SECRET_KEY when set. On the embedded default without it, a random key
 * kept in the data directory (mode 0600, beside the database it protects) so `npm start` needs no set-up; with
 * DATABASE_URL there is no safe place for such a file, so the key must be given.
 */
export function cipherFromConfig(config: { secretKey?: string; databaseUrl?: string; dataDir: string }): SecretCipher {
  if (config.secretKey) return cipherFromSecret(config.secretKey);
  if (config.databaseUrl) {
    return missingCipher('FUNNELGRAPH_SECRET_KEY is not set: connector credentials are stored encrypted with it. Set it to a long random string (e.g. `openssl rand -base64 32`), the same in every funnelgraph process that shares this database.');
  }
  const file = path.join(config.dataDir, KEY_FILE);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(config.dataDir, { recursive: true });
    try {
      fs.writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      // Another process created it first: use theirs.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return cipherFromSecret(fs.readFileSync(file, 'utf8').trim());
}
