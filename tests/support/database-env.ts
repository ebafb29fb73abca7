import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStore, type Store } from '../../src/store/data-source';

/**
 * A database that child processes can open: a fresh PostgreSQL schema when DATABASE_URL is set,
 * else a fresh PGlite directory. `env` is what a child needs; `open` opens it here (after the children exit).
 */
export interface SharedDatabase {
  env: NodeJS.ProcessEnv;
  open(): Promise<Store>;
  drop(): Promise<void>;
}

export async function createSharedDatabase(): Promise<SharedDatabase> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const schema = `cli_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = await openStore({ databaseUrl: url, migrate: false, poolSize: 1 });
    await admin.dataSource.query(`CREATE SCHEMA "${schema}"`);
    await admin.close();
    const scopedUrl = `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
    return {
      env: { DATABASE_URL: scopedUrl },
      open: () => openStore({ databaseUrl: scopedUrl }),
      async drop() {
        const cleaner = await openStore({ databaseUrl: url, migrate: false, poolSize: 1 });
        await cleaner.dataSource.query(`DROP SCHEMA IF EXISTS "${schema}_reporting" CASCADE`);
        await cleaner.dataSource.query(`DROP SCHEMA "${schema}" CASCADE`);
        await cleaner.close();
      },
    };
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'funnelgraph-test-'));
  return {
    env: { DATABASE_URL: '', FUNNELGRAPH_DATA_DIR: dataDir },
    open: () => openStore({ dataDir }),
    async drop() {
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
