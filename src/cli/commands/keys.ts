import type { Command } from 'commander';
import { readConfig } from '../../server/config';
import { createApiKey } from '../../services/api-keys';
import { ensureWorkspace } from '../../services/workspaces';
import { openConfiguredStore } from '../open-store';

export function registerKeys(program: Command): void {
  const keys = program.command('keys').description('API keys');
  keys
    .command('create')
    .description('create an API key (and the workspace, when new); the key is printed once')
    .requiredOption('--workspace <slug>', 'workspace slug')
    .option('--scope <scope>', 'read, write or admin', 'admin')
    .option('--label <text>', 'what the key is for')
    .action(async (options: { workspace: string; scope: string; label?: string }) => {
      const store = await openConfiguredStore(readConfig(), 'funnelgraph keys create');
      try {
        const { workspace, created } = await ensureWorkspace(store.dataSource, options.workspace);
        const { key } = await createApiKey(store.dataSource, workspace.id, options.scope, options.label);
        if (created) process.stderr.write(`created workspace "${workspace.slug}"\n`);
        process.stderr.write(`API key (${options.scope}) for workspace "${workspace.slug}" — shown once, store it now:\n`);
        process.stdout.write(`${key}\n`);
      } finally {
        await store.close();
      }
    });
}
