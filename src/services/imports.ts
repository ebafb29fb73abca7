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
  await closeInterruptedRuns(manager, workspaceId, undefined, id);
  const run = await manager.getRepository(ImportRun).findOneBy({ workspaceId, id });
  if (!run) throw new NotFoundError(`no import ${id} in this workspace`);
  return run;
}

/**
 * What a finished run has to tell besides its counts: each file's notes (e.g. the time zone a WhatsApp export was
 * read in) and the run's warnings (e.g. a pull stream the account does not have), from its stored summary.
 */
export function notesOf(summary: Record<string, unknown> | null | undefined): string[] {
  const notes: string[] = [];
  const files = Array.isArray(summary?.files) ? (summary.files as Array<{ file?: unknown; notes?: unknown }>) : [];
  for (const file of files) {
    if (Array.isArray(file.notes)) for (const note of file.notes) notes.push(`${String(file.file)}: ${String(note)}`);
  }
  if (Array.isArray(summary?.warnings)) for (const warning of summary.warnings) notes.push(String(warning));
  return notes;
}
