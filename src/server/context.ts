import type { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '../services/api-keys';
import { missingCipher, type SecretCipher } from '../services/connectors/cipher';
import type { LeadEventBus } from '../services/engagement/bus';
import { createLoaders, type Loaders } from '../store/loaders';

/** What every resolver gets: who is asking (the key's workspace and scope), the database, and this request's loaders. */
export interface RequestContext {
  principal: Principal;
  workspaceId: number;
  dataSource: DataSource;
  manager: EntityManager;
  loaders: Loaders;
  /** Where lead tier and stage changes are published and subscribed to (absent in contexts that serve neither). */
  leadEvents?: LeadEventBus;
  /** Encrypts and decrypts stored connector credentials (FUNNELGRAPH_SECRET_KEY). */
  cipher: SecretCipher;
}

const NO_CIPHER = missingCipher('this server was started without a key for connector credentials (FUNNELGRAPH_SECRET_KEY)');

export function createRequestContext(dataSource: DataSource, principal: Principal, leadEvents?: LeadEventBus, cipher: SecretCipher = NO_CIPHER): RequestContext {
  return {
    principal,
    workspaceId: principal.workspaceId,
    dataSource,
    manager: dataSource.manager,
    loaders: createLoaders(dataSource.manager, principal.workspaceId),
    leadEvents,
    cipher,
  };
}

/**
 * A subscription's context lives as long as the subscription, but every event it delivers must read fresh rows:
 * this swaps in new loaders as each event is taken, right before it is resolved.
 */
export function withFreshLoadersPerEvent<T>(context: RequestContext, events: AsyncIterableIterator<T>): AsyncIterableIterator<T> {
  const renew = (result: IteratorResult<T>) => {
    if (!result.done) context.loaders = createLoaders(context.manager, context.workspaceId);
    return result;
  };
  return {
    next: () => events.next().then(renew),
    return: (value?: unknown) => events.return?.(value as T) ?? Promise.resolve({ done: true, value: undefined as T }),
    throw: (error?: unknown) => events.throw?.(error) ?? Promise.reject(error),
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
