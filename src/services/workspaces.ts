import type { DataSource, EntityManager } from 'typeorm';
import { Workspace } from '../store/entities';
import { NotFoundError, UserInputError } from './errors';

const SLUG = /^[a-z0-9][a-z0-9-]{1,62}$/;

export async function findWorkspaceBySlug(manager: EntityManager, slug: string): Promise<Workspace | null> {
  return manager.getRepository(Workspace).findOneBy({ slug });
}

export async function requireWorkspace(manager: EntityManager, slug: string): Promise<Workspace> {
  const workspace = await findWorkspaceBySlug(manager, slug);
  if (!workspace) throw new NotFoundError(`no workspace "${slug}"; create it with: npx funnelgraph keys create --workspace ${slug}`);
  return workspace;
}

/** Finds the workspace, creating it when new (slug: lower-case letters, digits and dashes). */
export async function ensureWorkspace(dataSource: DataSource, slug: string, name?: string): Promise<{ workspace: Workspace; created: boolean }> {
  if (!SLUG.test(slug)) throw new UserInputError(`workspace slug "${slug}" must be 2–63 lower-case letters, digits or dashes, starting with a letter or digit`);
  const repository = dataSource.getRepository(Workspace);
  const inserted = (await dataSource.query(`INSERT INTO workspace (slug, name) VALUES ($1, $2) ON CONFLICT (slug) DO NOTHING RETURNING id`, [slug, name ?? slug])) as unknown[];
  const workspace = await repository.findOneByOrFail({ slug });
  return { workspace, created: inserted.length > 0 };
}
