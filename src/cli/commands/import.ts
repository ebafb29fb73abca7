import type { Command } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import { findConnector, connectorNames } from '../../connectors/registry';
import { runImport, type ImportSummary } from '../../connectors/sdk/import/run-import';
import { readConfig } from '../../server/config';
import { createEventPubSub } from '../../server/pubsub';
import { UserInputError } from '../../services/errors';
import { requireWorkspace } from '../../services/workspaces';
import { EXIT_OK, EXIT_REJECTED, EXIT_UNUSABLE } from '../exit';
import { openConfiguredStore } from '../open-store';
import { createProgressBar, createProgressLines } from '../progress';

interface ImportOptions {
  source: string;
  workspace: string;
  kind?: string;
  strict?: boolean;
  json?: boolean;
  timezone: string;
  batchSize: number;
}

export function registerImport(program: Command): void {
  program
    .command('import')
    .description('import export files through a connector (exit 0: all rows imported, 1: some rows rejected, 2: unusable input)')
    .requiredOption('--source <name>', 'sendgrid, mailchimp, hubspot, whatsapp or generic')
    .requiredOption('--workspace <slug>', 'workspace slug')
    .option('--kind <kind>', 'file kind, when detection from content should be overridden')
    .option('--strict', 'fail the whole import when any row is rejected (nothing is written)')
    .option('--json', 'print one JSON summary object')
    .option('--batch-size <n>', 'records written per transaction', (value) => Number(value), 5000)
    .option('--timezone <zone>', 'IANA time zone for zone-less timestamps (WhatsApp chat exports, CSV dates)', 'UTC')
    .argument('<files...>', 'export files')
    .action(async (files: string[], options: ImportOptions) => {
      const connector = findConnector(options.source);
      if (!connector) throw new UserInputError(`unknown source "${options.source}" (sources: ${connectorNames()})`);
      if (!isTimeZone(options.timezone)) throw new UserInputError(`--timezone "${options.timezone}" is not an IANA time zone (e.g. Europe/Berlin)`);
      for (const file of files) {
        if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new UserInputError(`${file}: no such file`);
      }
      const config = readConfig();
      const store = await openConfiguredStore(config, 'funnelgraph import');
      // With Redis, the tier and stage changes of this import reach the API instances' subscribers live.
      const leadEvents = config.redisUrl ? createEventPubSub({ redisUrl: config.redisUrl }) : undefined;
      try {
        const workspace = await requireWorkspace(store.dataSource.manager, options.workspace);
        if (!Number.isInteger(options.batchSize) || options.batchSize < 1) throw new UserInputError('--batch-size must be a positive integer');
        // A terminal gets a progress bar; logs and pipes get one line per committed batch.
        const progress = options.json ? undefined : process.stderr.isTTY ? createProgressBar() : createProgressLines();
        const summary = await runImport({
          dataSource: store.dataSource,
          workspaceId: workspace.id,
          connector,
          files: files.map((file) => ({ name: path.basename(file), open: () => fs.createReadStream(file), size: fs.statSync(file).size })),
          kind: options.kind,
          strict: options.strict,
          timezone: options.timezone,
          batchSize: options.batchSize,
          onProgress: progress?.update,
          leadEvents,
        });
        progress?.stop();
        printSummary(summary, Boolean(options.json));
        if (summary.error) process.stderr.write(`funnelgraph: ${summary.error}\n`);
        process.exitCode = summary.status === 'FAILED' && summary.rejected.length === 0 ? EXIT_UNUSABLE : summary.rejected.length ? EXIT_REJECTED : EXIT_OK;
      } finally {
        await leadEvents?.close();
        await store.close();
      }
    });
}

function printSummary(summary: ImportSummary, json: boolean): void {
  if (json) {
    process.stdout.write(`${JSON.stringify(summary)}\n`);
    return;
  }
  const out = (line: string) => process.stdout.write(`${line}\n`);
  out(`import ${summary.importId} (${summary.source}): ${summary.status.toLowerCase()} in ${(summary.durationMs / 1000).toFixed(1)} s`);
  for (const file of summary.files) {
    out(`  ${file.file} [${file.kind}]: ${file.rows} rows → ${file.records} records`);
    for (const note of file.notes) out(`    note: ${note}`);
  }
  out(`  imported ${summary.imported}, duplicates ${summary.duplicates}, rejected ${summary.rejected.length}`);
  for (const [kind, counts] of Object.entries(summary.counts)) out(`    ${kind}: ${counts.new} new, ${counts.updated} updated, ${counts.unchanged} unchanged`);
  for (const rejection of summary.rejected.slice(0, 20)) {
    out(`  rejected ${rejection.file} line ${rejection.line}${rejection.field ? ` (${rejection.field})` : ''}: ${rejection.reason}`);
  }
  if (summary.rejected.length > 20) out(`  … ${summary.rejected.length - 20} more rejected rows: query imports { rejectedRows } for all of them`);
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
