import type { Command } from 'commander';
import { readConfig } from '../../server/config';
import { openConfiguredStore } from '../open-store';

export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('apply pending database migrations')
    .action(async () => {
      const store = await openConfiguredStore(readConfig(), 'funnelgraph migrate', false);
      try {
        const applied = await store.dataSource.runMigrations({ transaction: 'each' });
        process.stdout.write(applied.length ? `applied ${applied.length} migration(s): ${applied.map((m) => m.name).join(', ')}\n` : 'the database is up to date\n');
      } finally {
        await store.close();
      }
    });
}
