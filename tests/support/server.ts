import { startServer, type RunningServer } from '../../src/server/app';
import { createEventPubSub, type EventPubSub } from '../../src/server/pubsub';
import { createApiKey } from '../../src/services/api-keys';
import { cipherFromSecret, type SecretCipher } from '../../src/services/connectors/cipher';
import { ensureWorkspace } from '../../src/services/workspaces';
import type { Store } from '../../src/store/data-source';
import { openTestStore } from './store';

export interface TestApi {
  store: Store;
  server: RunningServer;
  /** The key the server encrypts connector credentials with (FUNNELGRAPH_SECRET_KEY of a real server). */
  cipher: SecretCipher;
  /** POSTs a GraphQL operation with the given key; returns HTTP status and body. */
  graphql(query: string, variables?: object, key?: string | null): Promise<{ status: number; body: { data?: any; errors?: Array<{ message: string; extensions?: { code?: string } }> } }>;
  close(): Promise<void>;
}

/**
 * The pub/sub of a test server: Redis when REDIS_URL is set (the suites run both ways), else in memory. Test
 * files run in parallel against one Redis and their databases reuse workspace ids, so each gets its own channels.
 */
export function testPubSub(channelPrefix = `test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`): EventPubSub {
  return createEventPubSub({ redisUrl: process.env.REDIS_URL || undefined, channelPrefix });
}

/** The connector-credential key of test servers and CLI runs (tests/support/cli.ts passes the same as FUNNELGRAPH_SECRET_KEY). */
export const TEST_SECRET_KEY = 'funnelgraph-test-secret-key-0123456789';
export const testCipher = () => cipherFromSecret(TEST_SECRET_KEY);

/** A real server on 127.0.0.1 with a random port, over the test database. */
export async function startTestApi(options: { pubSub?: EventPubSub; publicUrl?: string } = {}): Promise<TestApi> {
  const store = await openTestStore();
  const pubSub = options.pubSub ?? testPubSub();
  const cipher = testCipher();
  const server = await startServer({ store, port: 0, host: '127.0.0.1', pubSub, cipher, publicUrl: options.publicUrl });
  return {
    store,
    server,
    cipher,
    async graphql(query, variables, key) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (key) headers.authorization = `Bearer ${key}`;
      const response = await fetch(server.url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
      return { status: response.status, body: (await response.json()) as any };
    },
    async close() {
      await server.close();
      await pubSub.close();
      await store.close();
    },
  };
}

export async function workspaceWithKey(store: Store, slug: string, scope = 'admin'): Promise<{ workspaceId: number; key: string }> {
  const { workspace } = await ensureWorkspace(store.dataSource, slug);
  const { key } = await createApiKey(store.dataSource, workspace.id, scope);
  return { workspaceId: workspace.id, key };
}
