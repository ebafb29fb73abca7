import { openStore, type Store } from '../../src/store/data-source';

/**
 * The database a test runs on: in-memory PGlite by default; the machine's PostgreSQL when DATABASE_URL is set,
 * in a schema of its own per test file so files can run in parallel and leave nothing behind.
 */
export async function openTestStore(): Promise<Store> {
  const url = process.env.DATABASE_URL;
  if (!url) return openStore();
  const schema = `test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = await openStore({ databaseUrl: url, migrate: false, poolSize: 1 });
  await admin.dataSource.query(`CREATE SCHEMA "${schema}"`);
  await admin.close();
  const separator = url.includes('?') ? '&' : '?';
  const store = await openStore({ databaseUrl: `${url}${separator}options=${encodeURIComponent(`-c search_path=${schema}`)}` });
  const close = store.close.bind(store);
  store.close = async () => {
    await close();
    const cleaner = await openStore({ databaseUrl: url, migrate: false, poolSize: 1 });
    await cleaner.dataSource.query(`DROP SCHEMA IF EXISTS "${schema}_reporting" CASCADE`);
    await cleaner.dataSource.query(`DROP SCHEMA "${schema}" CASCADE`);
    await cleaner.close();
  };
  return store;
}

export const databaseKind = () => (process.env.DATABASE_URL ? 'postgres' : 'pglite');
