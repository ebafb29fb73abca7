import type { EntityManager } from 'typeorm';
import { ImportRun } from '../store/entities';
import { closeInterruptedRuns } from '../store/ingest/import-runs';
import type { Page } from '../schema/connection';
import { NotFoundError } from './errors';
import { paginate, type PageRequest } from './pagination';

export async function listImports(manager: EntityManager, workspaceId: number, page: PageRequest): Promise<Page<ImportRun>> {
  await closeInterruptedRuns(manager, workspaceId);
  const query = manager.getRepository(ImportRun).createQueryBuilder('run').where('run.workspaceId = :workspaceId', { workspaceId });
  return paginate(query, 'run', page);
}

export async function getImport(manager: EntityManager, workspaceId: number, id: number): Promise<ImportRun> {
  await closeInterruptedRuns(manager, workspaceId);
  const run = await manager.getRepository(ImportRun).findOneBy({ workspaceId, id });
  if (!run) throw new NotFoundError(`no import ${id} in this workspace`);
  return run;
}
