import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Connector } from '../../src/connectors/sdk/connector';
import { runImport, type ImportFile, type ImportOptions, type ImportSummary } from '../../src/connectors/sdk/import/run-import';
import { ensureWorkspace } from '../../src/services/workspaces';
import type { Store } from '../../src/store/data-source';
import { openTestStore } from './store';

/**
 * End-to-end imports for connector tests: real files, read through fs.createReadStream as the CLI reads them,
 * written by the SDK writer into a real database (PGlite, or PostgreSQL with DATABASE_URL).
 *
 * One database per test file: opening PGlite and migrating it costs over a second, so tests empty it with
 * reset() instead of opening a new one. Temp files (for overlapping or edited copies of fixtures) live in a
 * directory of their own that close() removes.
 */
export interface ImportHarness {
  readonly store: Store;
  readonly workspaceId: number;
  /** Imports the files in one import run, through the harness's connector unless another is given. */
  run(files: ImportFile[], options?: Partial<Pick<ImportOptions, 'kind' | 'timezone' | 'batchSize' | 'connector'>>): Promise<ImportSummary>;
  /** Empties every table and re-creates the workspace: the state of a fresh database. */
  reset(): Promise<void>;
  /** A file of the given text, written to a temp directory, named `name` (names matter to some kinds). */
  tempFile(name: string, text: string): ImportFile;
  close(): Promise<void>;
}

const WORKSPACE = 'acme';

export async function openImportHarness(connector: Connector): Promise<ImportHarness> {
  const store = await openTestStore();
  let workspaceId = (await ensureWorkspace(store.dataSource, WORKSPACE)).workspace.id;
  let tempDir: string | undefined;
  let tempCount = 0;
  return {
    store,
    get workspaceId() {
      return workspaceId;
    },
    run: (files, options = {}) => runImport({ dataSource: store.dataSource, workspaceId, files, ...options, connector: options.connector ?? connector }),
    async reset() {
      const tables = (await store.dataSource.query(
        `SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> 'schema_migration'`,
      )) as Array<{ tablename: string }>;
      await store.dataSource.query(`TRUNCATE ${tables.map((table) => `"${table.tablename}"`).join(', ')} RESTART IDENTITY`);
      workspaceId = (await ensureWorkspace(store.dataSource, WORKSPACE)).workspace.id;
    },
    tempFile(name, text) {
      tempDir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'funnelgraph-import-'));
      // Each temp file gets a directory of its own, so two files may share a name (the name a kind reads).
      const dir = path.join(tempDir, String(++tempCount));
      fs.mkdirSync(dir);
      fs.writeFileSync(path.join(dir, name), text);
      return fileAt(path.join(dir, name));
    },
    async close() {
      if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
      await store.close();
    },
  };
}

/** A file on disk, opened as a fresh read stream each time the importer asks (it reads twice: detect, parse). */
export function fileAt(filePath: string): ImportFile {
  return { name: path.basename(filePath), open: () => fs.createReadStream(filePath), size: fs.statSync(filePath).size };
}

/** The fixture files of a connector's test folder, by name. */
export function fixtures(dir: string): (name: string) => ImportFile {
  return (name) => fileAt(path.join(dir, 'fixtures', name));
}

/** A fixture's text, to build overlapping or edited copies from (tests only; parsers stream). */
export function fixtureText(dir: string, name: string): string {
  return fs.readFileSync(path.join(dir, 'fixtures', name), 'utf8');
}
