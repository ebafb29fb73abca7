import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { API_KEY_SCOPES, isOneOf, type ApiKeyScope } from '../domain/model';
import { AuthenticationError, UserInputError } from './errors';

/**
 * API keys look like `fg_<workspace id>_<32 random bytes, base64url>`. Only a SHA-256 of the key is stored; the
 * workspace id in the key keeps the lookup scoped to one workspace's rows (workspace_id leads every key).
 */
const KEY_FORMAT = /^fg_(\d+)_([A-Za-z0-9_-]{43})$/;

export interface Principal {
  workspaceId: number;
  apiKeyId: number;
  scope: ApiKeyScope;
}

const hashKey = (key: string) => createHash('sha256').update(key).digest('hex');

export async function createApiKey(dataSource: DataSource, workspaceId: number, scope: string = 'admin', label?: string): Promise<{ key: string; id: number }> {
  if (!isOneOf(API_KEY_SCOPES, scope)) throw new UserInputError(`scope "${scope}" is not one of ${API_KEY_SCOPES.join(', ')}`);
  const key = `fg_${workspaceId}_${randomBytes(32).toString('base64url')}`;
  const [row] = (await dataSource.query(
    'INSERT INTO api_key (workspace_id, key_hash, scope, label) VALUES ($1, $2, $3, $4) RETURNING id',
    [workspaceId, hashKey(key), scope, label ?? null],
  )) as Array<{ id: number }>;
  return { key, id: row.id };
}

/** Resolves a bearer key to its workspace and scope; anything else is an AuthenticationError (never data). */
export async function authenticateApiKey(dataSource: DataSource, presented: string | undefined | null): Promise<Principal> {
  const key = presented?.replace(/^Bearer\s+/i, '').trim();
  if (!key) throw new AuthenticationError('missing API key: send "Authorization: Bearer <key>" (create one with npx funnelgraph keys create --workspace <slug>)');
  const match = KEY_FORMAT.exec(key);
  if (!match) throw new AuthenticationError('invalid API key');
  const workspaceId = Number(match[1]);
  const hash = hashKey(key);
  const rows = (await dataSource.query(
    'SELECT id, key_hash, scope FROM api_key WHERE workspace_id = $1 AND key_hash = $2 AND revoked_at IS NULL',
    [workspaceId, hash],
  )) as Array<{ id: number; key_hash: string; scope: ApiKeyScope }>;
  const row = rows[0];
  if (!row || !timingSafeEqual(Buffer.from(row.key_hash), Buffer.from(hash))) throw new AuthenticationError('invalid API key');
  // Last use is advisory: one write a minute per key at most.
  void dataSource
    .query(`UPDATE api_key SET last_used_at = now() WHERE workspace_id = $1 AND id = $2 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`, [workspaceId, row.id])
    .catch(() => undefined);
  return { workspaceId, apiKeyId: row.id, scope: row.scope };
}

const SCOPE_RANK: Record<ApiKeyScope, number> = { read: 0, write: 1, admin: 2 };
export function hasScope(principal: Principal, needed: ApiKeyScope): boolean {
  return SCOPE_RANK[principal.scope] >= SCOPE_RANK[needed];
}
