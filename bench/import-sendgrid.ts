import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { sendgridConnector } from '../src/connectors/sendgrid';
import { runImport } from '../src/connectors/sdk/import/run-import';
import { ensureWorkspace } from '../src/services/workspaces';
import { openStore } from '../src/store/data-source';
import { sendgridEventLines } from './generators/sendgrid-events';
import { perSecond, seconds, type Benchmark } from './harness';

/**
 * Imports N generated SendGrid events (NDJSON) into PostgreSQL through the connector SDK — contact resolution,
 * messages, the event ledger, derived facts — and, in the same run, a raw COPY of the same events (parsed from
 * the same file) into a bare table with the ledger's columns: the fastest PostgreSQL can take them in.
 */
export const importSendgridBenchmark: Benchmark = {
  name: 'import-sendgrid',
  description: 'SendGrid NDJSON import vs raw COPY',
  async run({ databaseUrl, scale, log }) {
    const events = Math.round(1_000_000 * scale);
    const file = path.resolve(__dirname, `../../bench/data/sendgrid-${events}.ndjson`);
    if (!fs.existsSync(file)) {
      log(`generating ${events.toLocaleString('en-US')} events → ${file}`);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      await pipeline(Readable.from((function* () { for (const line of sendgridEventLines({ events, seed: 42 })) yield `${line}\n`; })()), fs.createWriteStream(file));
    }
    const bytes = fs.statSync(file).size;

    const database = await freshDatabase(databaseUrl, 'funnelgraph_bench');
    const store = await openStore({ databaseUrl: database });
    try {
      log('raw COPY baseline …');
      const copyMs = await copyBaseline(database, file);
      log(`  ${seconds(copyMs)}`);
      const workspaceId = (await ensureWorkspace(store.dataSource, 'bench')).workspace.id;
      log('import through the connector SDK …');
      const started = Date.now();
      const summary = await runImport({ dataSource: store.dataSource, workspaceId, connector: sendgridConnector, files: [{ name: path.basename(file), open: () => fs.createReadStream(file, { highWaterMark: 1 << 20 }) }] });
      const importMs = Date.now() - started;
      log(`  ${seconds(importMs)}`);
      const [{ n }] = await store.dataSource.query('SELECT count(*)::int AS n FROM engagement_event');
      if (n !== events) throw new Error(`import wrote ${n} events, expected ${events}`);
      const ratio = copyMs / importMs;
      return {
        name: 'import-sendgrid',
        rows: [
          { measure: `raw COPY of ${events.toLocaleString('en-US')} events (baseline)`, value: `${seconds(copyMs)} · ${perSecond(events, copyMs)}`, ratio: '1.00' },
          { measure: 'import via connector SDK', value: `${seconds(importMs)} · ${perSecond(events, importMs)}`, ratio: ratio.toFixed(2) },
        ],
        data: { events, bytes, copyMs, importMs, importRateVsCopy: ratio, target: 0.5, summary: { counts: summary.counts, rejected: summary.rejected.length } },
      };
    } finally {
      await store.close();
    }
  },
};

export async function freshDatabase(url: string, name: string): Promise<string> {
  const admin = new Client({ connectionString: url });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  return target.toString();
}

async function copyBaseline(url: string, file: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE TABLE copy_baseline (workspace_id bigint, source text, source_event_id text, type text, occurred_at timestamptz,
      email text, message_id text, is_machine boolean, bounce_kind text, url text, payload jsonb)`);
    const started = Date.now();
    const escape = (value: unknown) => (value === undefined || value === null ? '\\N' : String(value).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n'));
    const rows = (async function* () {
      for await (const line of readline.createInterface({ input: fs.createReadStream(file, { highWaterMark: 1 << 20 }), crlfDelay: Infinity })) {
        if (!line) continue;
        const e = JSON.parse(line) as Record<string, unknown>;
        yield [1, 'sendgrid', e.sg_event_id, e.event, new Date(Number(e.timestamp) * 1000).toISOString(), e.email, e.sg_message_id, e.sg_machine_open ?? false, e.type, e.url, line]
          .map(escape).join('\t') + '\n';
      }
    })();
    await pipeline(Readable.from(rows), client.query(copyFrom('COPY copy_baseline FROM STDIN')));
    return Date.now() - started;
  } finally {
    await client.end();
  }
}
