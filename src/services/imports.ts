import type { EntityManager } from 'typeorm';
import { ImportRun } from '../store/entities';
import type { Page } from '../schema/connection';
import { paginate, type PageRequest } from './pagination';

export function listImports(manager: EntityManager, workspaceId: number, page: PageRequest): Promise<Page<ImportRun>> {
  const query = manager.getRepository(ImportRun).createQueryBuilder('run').where('run.workspaceId = :workspaceId', { workspaceId });
  return paginate(query, 'run', page);
}
