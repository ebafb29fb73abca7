import { openStore, type Store } from '../store/data-source';
import type { Config } from '../server/config';

/** The CLI's database: PostgreSQL when DATABASE_URL is set, else the embedded PGlite directory (locked per process). */
export function openConfiguredStore(config: Config, purpose: string, migrate = true): Promise<Store> {
  return openStore({
    databaseUrl: config.databaseUrl,
    dataDir: config.databaseUrl ? undefined : config.dataDir,
    holderDescription: `${purpose} (pid ${process.pid})`,
    migrate,
  });
}
