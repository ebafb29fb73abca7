import type { Command } from 'commander';
import { findPull, pullSources } from '../../connectors/pulls';
import { readConfig } from '../../server/config';
import { createEventPubSub } from '../../server/pubsub';
import { cipherFromConfig } from '../../services/connectors/cipher';
import { configurableSource, requireConnectorSettings } from '../../services/connectors/settings';
import { UserInputError } from '../../services/errors';
import { runSync, type SyncSummary } from '../../services/sync/run-sync';
import { requireWorkspace } from '../../services/workspaces';
import { EXIT_OK, EXIT_REJECTED, EXIT_UNUSABLE } from '../exit';
import { openConfiguredStore } from '../open-store';

interface SyncOptions {
  workspace: string;
  source: string;
  json?: boolean;
}

export function registerSync(program: Command): void {
  program
    .command('sync')
    .description('pull from a vendor API with the workspace’s connector settings, resuming from the saved cursor (exit 0: done, 1: some results rejected, 2: the pull stopped)')
    .requiredOption('--workspace <slug>', 'workspace slug')
    .requiredOption('--source <name>', `a source that pulls: ${pullSources()}`)
    .option('--json', 'print one JSON summary object')
    .action(async (options: SyncOptions) => {
      const source = configurableSource(options.source);
      const pull = findPull(source);
      if (!pull) throw new UserInputError(`${source} has no API pull yet (pulls: ${pullSources()}); import its export files with funnelgraph import`);
      const config = readConfig();
      const store = await openConfiguredStore(config, 'funnelgraph sync');
      const leadEvents = config.redisUrl ? createEventPubSub({ redisUrl: config.redisUrl }) : undefined;
      try {
        const workspace = await requireWorkspace(store.dataSource.manager, options.workspace);
        const settings = await requireConnectorSettings(store.dataSource, cipherFromConfig(config), workspace.id, source, workspace.slug);
        if (!settings.apiKey) throw new UserInputError(`${source} has no API key for workspace "${workspace.slug}": npx funnelgraph connectors add --workspace ${workspace.slug} --source ${source} --api-key …`);
        const summary = await runSync({
          dataSource: store.dataSource, workspaceId: workspace.id, source, pull, leadEvents,
          credentials: { apiKey: settings.apiKey, baseUrl: settings.baseUrl },
          onPage: options.json ? undefined : (page) => void process.stderr.write(`  ${page.stream}: ${page.records} records committed\n`),
        });
        printSummary(summary, Boolean(options.json));
        if (summary.error) process.stderr.write(`funnelgraph: ${summary.error}\n`);
        process.exitCode = summary.status === 'FAILED' ? EXIT_UNUSABLE : summary.rejected.length ? EXIT_REJECTED : EXIT_OK;
      } finally {
        await leadEvents?.close();
        await store.close();
      }
    });
}

function printSummary(summary: SyncSummary, json: boolean): void {
  if (json) return void process.stdout.write(`${JSON.stringify(summary)}\n`);
  const out = (line: string) => process.stdout.write(`${line}\n`);
  out(`sync ${summary.importId} (${summary.source}): ${summary.status.toLowerCase()} in ${(summary.durationMs / 1000).toFixed(1)} s, ${summary.requests} requests (${summary.retries} retried)`);
  for (const stream of summary.streams) out(`  ${stream.stream}: ${stream.pages} pages, ${stream.records} records`);
  for (const warning of summary.warnings) out(`  note: ${warning}`);
  out(`  imported ${summary.imported}, duplicates ${summary.duplicates}, rejected ${summary.rejected.length}`);
  for (const rejection of summary.rejected.slice(0, 20)) out(`  rejected ${rejection.file} #${rejection.line}${rejection.field ? ` (${rejection.field})` : ''}: ${rejection.reason}`);
}
