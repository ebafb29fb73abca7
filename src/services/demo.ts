import type { DataSource } from 'typeorm';
import { ensureWorkspace } from './workspaces';

export const DEMO_WORKSPACE = 'demo';

/**
 * Seeds the demo workspace when the database has no workspace at all. Returns the demo workspace (seeded now or
 * before), or undefined when the database holds other workspaces and no demo.
 */
export async function seedDemoWorkspaceIfEmpty(dataSource: DataSource, say: (line: string) => void): Promise<{ workspaceId: number } | undefined> {
  const [{ count }] = (await dataSource.query('SELECT count(*)::int AS count FROM workspace')) as Array<{ count: number }>;
  if (count > 0) {
    const [demo] = (await dataSource.query('SELECT id FROM workspace WHERE slug = $1', [DEMO_WORKSPACE])) as Array<{ id: number }>;
    return demo ? { workspaceId: demo.id } : undefined;
  }
  say('the database is empty: seeding the demo workspace …');
  const { workspace } = await ensureWorkspace(dataSource, DEMO_WORKSPACE, 'Demo: Northwind Export Co.');
  return { workspaceId: workspace.id };
}
