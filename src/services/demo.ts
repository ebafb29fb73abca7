import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { findConnector } from '../connectors/registry';
import { runImport, type ImportSummary } from '../connectors/sdk/import/run-import';
import { generateSampleFiles } from '../demo/generate-sample-files';
import { ensureWorkspace } from './workspaces';

export const DEMO_WORKSPACE = 'demo';

/**
 * Seeds the demo workspace when the database has no workspace at all: generates realistic export files of all
 * five sources and imports them through the connectors, exactly as a user's files would go. Returns the demo
 * workspace (seeded now or before), or undefined when the database holds other workspaces and no demo.
 */
export async function seedDemoWorkspaceIfEmpty(dataSource: DataSource, say: (line: string) => void, now = new Date()): Promise<{ workspaceId: number } | undefined> {
  const [{ count }] = (await dataSource.query('SELECT count(*)::int AS count FROM workspace')) as Array<{ count: number }>;
  if (count > 0) {
    const [demo] = (await dataSource.query('SELECT id FROM workspace WHERE slug = $1', [DEMO_WORKSPACE])) as Array<{ id: number }>;
    return demo ? { workspaceId: demo.id } : undefined;
  }
  say('the database is empty: seeding the demo workspace from generated SendGrid, Mailchimp, HubSpot, WhatsApp and site files …');
  const { workspace } = await ensureWorkspace(dataSource, DEMO_WORKSPACE, 'Demo: Northwind Export Co.');
  await dataSource.query(`UPDATE workspace SET settings = $2::jsonb WHERE id = $1`, [workspace.id, JSON.stringify({ siteDomains: ['northwind-export.example'] })]);
  const summaries = await importDemoFiles(dataSource, workspace.id, now);
  const events = summaries.reduce((sum, summary) => sum + (summary.counts.event?.new ?? 0), 0);
  const rejected = summaries.reduce((sum, summary) => sum + summary.rejected.length, 0);
  say(`demo workspace "${DEMO_WORKSPACE}": ${summaries.length} files imported, ${events} engagement events${rejected ? `, ${rejected} rows rejected (see imports)` : ''}`);
  return { workspaceId: workspace.id };
}

export async function importDemoFiles(dataSource: DataSource, workspaceId: number, now: Date): Promise<ImportSummary[]> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'funnelgraph-demo-'));
  try {
    const summaries: ImportSummary[] = [];
    for (const sample of generateSampleFiles(directory, { now })) {
      const connector = findConnector(sample.source);
      if (!connector) throw new Error(`demo file ${sample.file} names unknown source ${sample.source}`);
      summaries.push(
        await runImport({
          dataSource,
          workspaceId,
          connector,
          kind: sample.kind,
          files: [{ name: path.basename(sample.file), open: () => fs.createReadStream(sample.file) }],
        }),
      );
    }
    return summaries;
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
}
