import { createPublicKey } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { findConnector } from '../../connectors/registry';
import type { Source } from '../../domain/model';
import { ConnectorSetting } from '../../store/entities';
import { NotFoundError, UserInputError } from '../errors';
import type { SecretCipher } from './cipher';

/** The secrets of a connector: encrypted at rest, never returned by the API, never logged. */
export interface ConnectorSecrets {
  /** API key (SendGrid, Mailchimp), private-app token (HubSpot) or access token (WhatsApp). */
  apiKey?: string;
  /** Shared webhook secret: Mailchimp's URL secret, HubSpot's client secret, WhatsApp's app secret. */
  webhookSecret?: string;
  /** WhatsApp's hub.verify_token for the subscription handshake. */
  webhookVerifyToken?: string;
  /** SendGrid's Signed Event Webhook verification key (PEM, or base64 DER as SendGrid shows it). */
  webhookPublicKey?: string;
}

export const SECRET_NAMES = ['apiKey', 'webhookSecret', 'webhookVerifyToken', 'webhookPublicKey'] as const satisfies ReadonlyArray<keyof ConnectorSecrets>;
export type SecretName = (typeof SECRET_NAMES)[number];

export interface ConnectorSettings extends ConnectorSecrets {
  workspaceId: number;
  source: Source;
  baseUrl?: string;
  syncIntervalMinutes?: number;
}

/** What the API may show of a connector: which secrets are set, never their values. */
export interface ConnectorSettingsView {
  source: Source;
  secretNames: SecretName[];
  baseUrl: string | null;
  syncIntervalMinutes: number | null;
  createdAt: Date;
  updatedAt: Date;
}

/** A change: given fields replace, `clear` removes, the rest stay as they were. */
export interface ConnectorSettingsInput extends ConnectorSecrets {
  baseUrl?: string;
  syncIntervalMinutes?: number;
  clear?: Array<SecretName | 'baseUrl' | 'syncIntervalMinutes'>;
}

/** Sources that can be set up: every registered connector except the file-only generic one. */
export function configurableSource(source: string): Source {
  const connector = findConnector(source);
  if (!connector || connector.source === 'generic') {
    throw new UserInputError(`no connector "${source}" to configure; choose one of: sendgrid, mailchimp, hubspot, whatsapp`);
  }
  return connector.source;
}

const boundTo = (workspaceId: number, source: string) => `workspace ${workspaceId} / ${source}`;

export async function loadConnectorSettings(dataSource: DataSource, cipher: SecretCipher, workspaceId: number, source: Source): Promise<ConnectorSettings | null> {
  const row = await dataSource.getRepository(ConnectorSetting).findOneBy({ workspaceId, source });
  if (!row) return null;
  return {
    workspaceId,
    source,
    ...readSecrets(row, cipher),
    baseUrl: row.baseUrl ?? undefined,
    syncIntervalMinutes: row.syncIntervalMinutes ?? undefined,
  };
}

export async function listConnectorSettings(dataSource: DataSource, workspaceId: number): Promise<ConnectorSettingsView[]> {
  const rows = await dataSource.getRepository(ConnectorSetting).find({ where: { workspaceId }, order: { source: 'ASC' } });
  return rows.map(toView);
}

/** Every configured pull schedule, over all workspaces (the scheduler's list). */
export async function scheduledConnectors(dataSource: DataSource): Promise<Array<{ workspaceId: number; source: Source; syncIntervalMinutes: number }>> {
  const rows = (await dataSource.query(
    `SELECT workspace_id AS "workspaceId", source, sync_interval_minutes AS "syncIntervalMinutes"
       FROM connector_setting WHERE sync_interval_minutes IS NOT NULL ORDER BY workspace_id, source`,
  )) as Array<{ workspaceId: number; source: Source; syncIntervalMinutes: number }>;
  return rows;
}

export async function saveConnectorSettings(
  dataSource: DataSource,
  cipher: SecretCipher,
  workspaceId: number,
  sourceName: string,
  input: ConnectorSettingsInput,
): Promise<ConnectorSettingsView> {
  const source = configurableSource(sourceName);
  validateInput(input);
  return dataSource.transaction(async (manager) => {
    const repository = manager.getRepository(ConnectorSetting);
    // Row lock: two concurrent set-ups of one connector must not lose each other's secrets.
    const existing = await repository.findOne({ where: { workspaceId, source }, lock: { mode: 'pessimistic_write' } });
    const clear = new Set(input.clear ?? []);
    const secrets: ConnectorSecrets = existing ? readSecrets(existing, cipher) : {};
    for (const name of SECRET_NAMES) {
      if (clear.has(name)) delete secrets[name];
      if (input[name] !== undefined) secrets[name] = input[name];
    }
    const secretNames = SECRET_NAMES.filter((name) => secrets[name] !== undefined);
    const row = repository.create({
      workspaceId,
      source,
      credentials: secretNames.length ? cipher.encrypt(JSON.stringify(secrets), boundTo(workspaceId, source)) : null,
      credentialsKeyId: secretNames.length ? cipher.keyId : null,
      secretNames,
      baseUrl: clear.has('baseUrl') ? null : (input.baseUrl ?? existing?.baseUrl ?? null),
      syncIntervalMinutes: clear.has('syncIntervalMinutes') ? null : (input.syncIntervalMinutes ?? existing?.syncIntervalMinutes ?? null),
      createdAt: existing?.createdAt ?? new Date(),
      updatedAt: new Date(),
    });
    return toView(await repository.save(row));
  });
}

export async function removeConnectorSettings(dataSource: DataSource, workspaceId: number, sourceName: string): Promise<boolean> {
  const source = configurableSource(sourceName);
  const result = await dataSource.getRepository(ConnectorSetting).delete({ workspaceId, source });
  return (result.affected ?? 0) > 0;
}

/** The settings a webhook or pull needs, or a NotFoundError that says how to add them. */
export async function requireConnectorSettings(dataSource: DataSource, cipher: SecretCipher, workspaceId: number, source: Source, workspaceSlug = String(workspaceId)): Promise<ConnectorSettings> {
  const settings = await loadConnectorSettings(dataSource, cipher, workspaceId, source);
  if (!settings) throw new NotFoundError(`${source} is not set up for workspace "${workspaceSlug}": run npx funnelgraph connectors add --workspace ${workspaceSlug} --source ${source} …`);
  return settings;
}

function readSecrets(row: ConnectorSetting, cipher: SecretCipher): ConnectorSecrets {
  if (!row.credentials) return {};
  if (row.credentialsKeyId && row.credentialsKeyId !== cipher.keyId && cipher.keyId !== 'none') {
    throw new UserInputError(
      `the ${row.source} credentials were stored with another FUNNELGRAPH_SECRET_KEY (key ${row.credentialsKeyId}, this process has ${cipher.keyId}): set that key again, or add the connector again with the new one`,
    );
  }
  return JSON.parse(cipher.decrypt(row.credentials, boundTo(row.workspaceId, row.source))) as ConnectorSecrets;
}

function toView(row: ConnectorSetting): ConnectorSettingsView {
  return {
    source: row.source as Source,
    secretNames: row.secretNames as SecretName[],
    baseUrl: row.baseUrl,
    syncIntervalMinutes: row.syncIntervalMinutes,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function validateInput(input: ConnectorSettingsInput): void {
  for (const name of SECRET_NAMES) {
    const value = input[name];
    if (value !== undefined && value.trim() === '') throw new UserInputError(`${name} is empty; to remove it, clear it instead`);
  }
  if (input.baseUrl !== undefined) {
    let url: URL;
    try {
      url = new URL(input.baseUrl);
    } catch {
      throw new UserInputError(`baseUrl "${input.baseUrl}" is not a URL; give it with its scheme, e.g. https://proxy.example.com`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UserInputError(`baseUrl must be http or https (got ${url.protocol})`);
  }
  if (input.syncIntervalMinutes !== undefined && (!Number.isInteger(input.syncIntervalMinutes) || input.syncIntervalMinutes < 1 || input.syncIntervalMinutes > 7 * 24 * 60)) {
    throw new UserInputError(`syncIntervalMinutes must be a whole number of minutes from 1 to 10080 (got ${input.syncIntervalMinutes})`);
  }
  if (input.webhookPublicKey !== undefined) parseWebhookPublicKey(input.webhookPublicKey);
}

/** SendGrid shows its verification key as base64 DER (SPKI); a PEM file works too. Must be an EC P-256 key. */
export function parseWebhookPublicKey(text: string) {
  const trimmed = text.trim();
  let key;
  try {
    key = trimmed.startsWith('-----BEGIN')
      ? createPublicKey(trimmed)
      : createPublicKey({ key: Buffer.from(trimmed, 'base64'), format: 'der', type: 'spki' });
  } catch {
    throw new UserInputError('webhookPublicKey is not a public key: paste the verification key SendGrid shows (base64) or a PEM file');
  }
  if (key.asymmetricKeyType !== 'ec') throw new UserInputError(`webhookPublicKey must be an ECDSA (P-256) key, got ${key.asymmetricKeyType}`);
  return key;
}
