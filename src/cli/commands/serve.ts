import type { Command } from 'commander';
import { startServer } from '../../server/app';
import { readConfig } from '../../server/config';
import { createLogger } from '../../server/logger';
import { createEventPubSub } from '../../server/pubsub';
import { createApiKey } from '../../services/api-keys';
import { cipherFromConfig } from '../../services/connectors/cipher';
import { startSyncScheduler } from '../../services/sync/scheduler';
import { seedDemoWorkspaceIfEmpty } from '../../services/demo';
import { openConfiguredStore } from '../open-store';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('run migrations and serve the GraphQL API (HTTP and graphql-ws on one port)')
    .option('--demo', 'seed the demo workspace when the database is empty, and print a demo API key')
    .option('--port <port>', 'port (default: PORT or 4000)')
    .action(async (options: { demo?: boolean; port?: string }) => {
      const config = readConfig();
      const logger = createLogger(process.env.LOG_LEVEL ?? 'info');
      const store = await openConfiguredStore(config, 'funnelgraph serve');
      let demoKey: string | undefined;
      if (options.demo) {
        const demo = await seedDemoWorkspaceIfEmpty(store.dataSource, (line) => process.stdout.write(`${line}\n`));
        if (demo) demoKey = (await createApiKey(store.dataSource, demo.workspaceId, 'admin', 'demo key printed at start')).key;
      }
      const cipher = cipherFromConfig(config);
      const pubSub = createEventPubSub({ redisUrl: config.redisUrl, onError: (err) => logger.error({ err }, 'redis pub/sub error') });
      const server = await startServer({ store, port: options.port ? Number(options.port) : config.port, logger, pubSub, sweepIntervalMs: config.sweepSeconds * 1000, cipher, publicUrl: config.publicUrl });
      // Configured pulls (connectors add --sync-every) run from this process; FUNNELGRAPH_SYNC_SCHEDULER=off leaves them to another.
      const scheduler = process.env.FUNNELGRAPH_SYNC_SCHEDULER === 'off' ? null : startSyncScheduler({
        dataSource: store.dataSource, cipher, leadEvents: pubSub, tickMs: 60_000,
        onRun: (summary) => logger.info({ importId: summary.importId, source: summary.source, status: summary.status, imported: summary.imported }, 'scheduled pull'),
        onError: (err, due) => logger.error({ err, ...due }, 'scheduled pull failed'),
      });
      process.stdout.write(`funnelgraph is serving ${server.url} (database: ${store.kind === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL'})\n`);
      process.stdout.write(`GraphQL subscriptions: ${server.wsUrl} (pub/sub: ${pubSub.kind === 'redis' ? 'Redis' : 'in memory'})\n`);
      if (demoKey) process.stdout.write(`Demo API key: ${demoKey}\n`);
      let stopping = false;
      const stop = async (signal: string) => {
        if (stopping) return;
        stopping = true;
        logger.info({ signal }, 'shutting down');
        await scheduler?.stop();
        await server.close();
        await pubSub.close();
        await store.close();
        process.exit(0);
      };
      process.on('SIGINT', () => void stop('SIGINT'));
      process.on('SIGTERM', () => void stop('SIGTERM'));
    });
}
