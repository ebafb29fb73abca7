import type { ConnectorPull, PullCredentials } from '../../src/connectors/sdk/pull/pull';
import type { Source } from '../../src/domain/model';
import { runSync, type SyncOptions, type SyncSummary } from '../../src/services/sync/run-sync';
import { ensureWorkspace } from '../../src/services/workspaces';
import type { Store } from '../../src/store/data-source';
import { dumpDomain } from './dump';
import { openTestStore } from './store';

/**
 * Fresh databases with one workspace each, whose `sync` runs `pull` against a vendor contract server; `closeAll`
 * (afterEach) closes every store opened since.
 */
export function pullWorkspaces(options: { slug: string; source: Source; credentials: () => PullCredentials }) {
  const stores: Store[] = [];
  const open = async (pull: ConnectorPull) => {
    const store = await openTestStore();
    stores.push(store);
    const workspaceId = (await ensureWorkspace(store.dataSource, options.slug)).workspace.id;
    const sync = (extra: Partial<SyncOptions> = {}) => runSync({ dataSource: store.dataSource, workspaceId, source: options.source, pull, credentials: options.credentials(), ...extra });
    const count = async (sql: string) => Number((await store.dataSource.query(sql))[0].n);
    return { store, workspaceId, sync, count };
  };
  const closeAll = () => Promise.all(stores.splice(0).map((store) => store.close()));
  return { open, closeAll };
}

interface PullWorkspace {
  store: Store;
  sync(extra?: Partial<SyncOptions>): Promise<SyncSummary>;
}

/**
 * The two runs every pull's resume test starts from: one clean pull (its dump is what a resumed pull must end
 * with) and one stopped as if killed at the page `stopAt` picks (1-based over all streams), each in a fresh database.
 */
export async function cleanAndStoppedRuns<W extends PullWorkspace>(
  freshWorkspace: () => Promise<W>,
  stopAt: (page: { stream: string }, index: number) => boolean,
): Promise<{ expected: Record<string, unknown[]>; interrupted: W; stopped: SyncSummary }> {
  const clean = await freshWorkspace();
  await clean.sync();
  const expected = await dumpDomain(clean.store.dataSource);
  const interrupted = await freshWorkspace();
  let pages = 0;
  const stopped = await interrupted.sync({ onPage: (page) => { if (stopAt(page, ++pages)) throw new Error('process killed'); } });
  return { expected, interrupted, stopped };
}
