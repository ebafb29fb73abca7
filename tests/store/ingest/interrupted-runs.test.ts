/**
 * Import runs whose process died are closed when runs are listed: only this host's, only dead processes, once.
 */
import os from 'node:os';
import { closeInterruptedRuns, startImportRun } from '../../../src/store/ingest/import-runs';
import { ensureWorkspace } from '../../../src/services/workspaces';
import type { Store } from '../../../src/store/data-source';
import { databaseKind, openTestStore } from '../../support/store';

describe(`interrupted import runs on ${databaseKind()}`, () => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore();
  });
  afterAll(() => store.close());

  it('fails the runs of this host whose process is gone, and leaves live ones and other hosts’ alone', async () => {
    const workspaceId = (await ensureWorkspace(store.dataSource, 'runs')).workspace.id;
    const ours = await startImportRun(store.dataSource, workspaceId, 'sendgrid', ['a.ndjson']);
    const alive = await startImportRun(store.dataSource, workspaceId, 'sendgrid', ['b.ndjson']);
    const elsewhere = await startImportRun(store.dataSource, workspaceId, 'sendgrid', ['c.ndjson']);
    const setOwner = (id: number, owner: object) =>
      store.dataSource.query(`UPDATE import_run SET summary = $3::jsonb WHERE workspace_id = $1 AND id = $2`, [workspaceId, id, JSON.stringify({ owner })]);
    await setOwner(ours, { host: os.hostname(), pid: 999_001 });
    await setOwner(elsewhere, { host: 'another-host', pid: 999_001 });

    const dead = new Set([999_001]);
    expect(await closeInterruptedRuns(store.dataSource.manager, workspaceId, (pid) => !dead.has(pid))).toBe(1);
    const runs = await store.dataSource.query(`SELECT id, status, error IS NOT NULL AS has_error, finished_at IS NOT NULL AS finished FROM import_run WHERE workspace_id = $1 ORDER BY id`, [workspaceId]);
    expect(runs).toEqual([
      { id: ours, status: 'FAILED', has_error: true, finished: true },
      { id: alive, status: 'RUNNING', has_error: false, finished: false },
      { id: elsewhere, status: 'RUNNING', has_error: false, finished: false },
    ]);
    // The real check: this test's own process is alive, so its run stays RUNNING.
    expect(await closeInterruptedRuns(store.dataSource.manager, workspaceId)).toBe(0);
  });
});
