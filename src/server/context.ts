import type { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '../services/api-keys';
import { createLoaders, type Loaders } from '../store/loaders';

/** What every resolver gets: who is asking (the key's workspace and scope), the database, and this request's loaders. */
export interface RequestContext {
  principal: Principal;
  workspaceId: number;
  dataSource: DataSource;
  manager: EntityManager;
  loaders: Loaders;
}

export function createRequestContext(dataSource: DataSource, principal: Principal): RequestContext {
  return {
    principal,
    workspaceId: principal.workspaceId,
    dataSource,
    manager: dataSource.manager,
    loaders: createLoaders(dataSource.manager, principal.workspaceId),
  };
}
