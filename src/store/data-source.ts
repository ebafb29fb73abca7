import { PGlite } from '@electric-sql/pglite';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../migrations';
import { ENTITIES } from './entities';
import { SnakeNamingStrategy } from './naming-strategy';
import { ExclusivePGlitePool } from './pglite/exclusive-pool';
import { lockDataDir, type DataDirLock } from './pglite/data-dir-lock';
import { QueryCounter } from './query-counter';
import { installPgTypeParsers, PGLITE_PARSERS } from './type-parsers';

export interface StoreOptions {
  /** postgres://… → PostgreSQL through pg. Unset → embedded PGlite. */
  databaseUrl?: string;
  /** PGlite directory (persisted); unset with no databaseUrl → in-memory (tests). */
  dataDir?: string;
  /** Who holds the PGlite directory, shown to a second process that finds it locked. */
  holderDescription?: string;
  /** Run pending migrations on open (default true). */
  migrate?: boolean;
  poolSize?: number;
}

export interface Store {
  dataSource: DataSource;
  kind: 'postgres' | 'pglite';
  queryCounter: QueryCounter;
  close(): Promise<void>;
}

/** Opens the database the options name, runs migrations (unless told not to) and returns it ready to use. */
export async function openStore(options: StoreOptions = {}): Promise<Store> {
  const queryCounter = new QueryCounter();
  const common = {
    type: 'postgres' as const,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migration',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    logging: ['query' as const],
    logger: queryCounter,
  };
  let lock: DataDirLock | undefined;
  let dataSourceOptions: DataSourceOptions;
  if (options.databaseUrl) {
    installPgTypeParsers();
    dataSourceOptions = { ...common, url: options.databaseUrl, poolSize: options.poolSize ?? 10 };
  } else {
    if (options.dataDir) lock = lockDataDir(options.dataDir, options.holderDescription ?? `funnelgraph pid ${process.pid}`);
    const database = PGlite.create({ dataDir: options.dataDir, parsers: PGLITE_PARSERS });
    const pool = new ExclusivePGlitePool(database);
    dataSourceOptions = { ...common, database: 'pglite', driver: { Pool: function Pool() { return pool; } } };
  }
  const dataSource = new DataSource(dataSourceOptions);
  try {
    await dataSource.initialize();
    if (options.migrate !== false) await dataSource.runMigrations({ transaction: 'each' });
  } catch (error) {
    lock?.release();
    throw error;
  }
  return {
    dataSource,
    kind: options.databaseUrl ? 'postgres' : 'pglite',
    queryCounter,
    async close() {
      if (dataSource.isInitialized) await dataSource.destroy();
      lock?.release();
    },
  };
}
