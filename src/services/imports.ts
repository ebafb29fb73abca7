import type { EntityManager } from 'typeorm';
import { ImportRun } from '../store/entities';
import type { Page } from '../schema/connection';
import { NotFoundError } from './errors';
import { paginate, type PageRequest } from './pagination';

export function listImports(manager: EntityManager, workspaceId: number, page: PageRequest): Promise<Page<ImportRun>> {
  const query = manager.getRepository(ImportRun).createQueryBuilder('run').where('run.workspaceId = :workspaceId', { workspaceId });
  return paginate(query, 'run', page);
}

export async function getImport(manager: EntityManager, workspaceId: number, id: number): Promise<ImportRun> {
  const run = await manager.getRepository(ImportRun).findOneBy({ workspaceId, id });
  if (!run) throw new NotFoundError(`no import ${id} in this workspace`);
  return run;
}
