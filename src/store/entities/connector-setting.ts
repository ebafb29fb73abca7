import { Column, Entity, PrimaryColumn } from 'typeorm';
import { nullableText, timestamptz } from './columns';

/**
 * How a workspace reaches one source: its credentials (encrypted, see services/connectors/cipher.ts), an optional
 * base URL (proxies, tests) and a pull schedule. Which secrets are present is kept in clear so listing connectors
 * never needs to decrypt anything.
 */
@Entity('connector_setting')
export class ConnectorSetting {
  @PrimaryColumn({ type: 'bigint' })
  workspaceId!: number;

  @PrimaryColumn({ type: 'text' })
  source!: string;

  /** AES-256-GCM ciphertext of a JSON object of the secrets (api key, webhook secret, webhook public key). */
  @nullableText()
  credentials!: string | null;

  /** Fingerprint of the key the credentials were encrypted with, to name the problem when it changes. */
  @nullableText()
  credentialsKeyId!: string | null;

  /** Names of the secrets present, e.g. {apiKey,webhookSecret}. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  secretNames!: string[];

  @nullableText()
  baseUrl!: string | null;

  @Column({ type: 'integer', nullable: true })
  syncIntervalMinutes!: number | null;

  @timestamptz({ default: () => 'now()' })
  createdAt!: Date;

  @timestamptz({ default: () => 'now()' })
  updatedAt!: Date;
}
