import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CLI, runCli } from '../support/cli';

// PGlite is one process's database: only meaningful on the embedded default.
const describeEmbedded = process.env.DATABASE_URL ? describe.skip : describe;

describeEmbedded('a CLI command aimed at ./data held by a running server', () => {
  it('stops at once with what to do, and the server keeps its data', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'funnelgraph-lock-'));
    const env = { DATABASE_URL: '', FUNNELGRAPH_DATA_DIR: dataDir };
    expect((await runCli(['keys', 'create', '--workspace', 'acme'], env)).code).toBe(0);
    const server = spawn(process.execPath, [CLI, 'serve', '--port', '0'], { env: { ...process.env, ...env, NODE_OPTIONS: '', LOG_LEVEL: 'silent' }, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      await new Promise<void>((resolve, reject) => {
        let out = '';
        server.stdout.on('data', (chunk) => {
          out += chunk;
          if (out.includes('serving')) resolve();
        });
        server.on('exit', (code) => reject(new Error(`serve exited with ${code}`)));
      });
      const started = Date.now();
      const blocked = await runCli(['keys', 'create', '--workspace', 'other'], env);
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(blocked.code).toBe(2);
      expect(blocked.stderr).toBe(
        `funnelgraph: the embedded database in ${dataDir} is in use by another funnelgraph process (pid ${server.pid}: funnelgraph serve (pid ${server.pid})). ` +
          `PGlite allows one process at a time: stop that process first (kill ${server.pid}), or use a PostgreSQL server for several processes (set DATABASE_URL).\n`,
      );
    } finally {
      server.kill('SIGTERM');
      await new Promise((resolve) => server.on('close', resolve));
    }
    // Once the server has stopped, the same command works and the first key's workspace is still there.
    expect((await runCli(['keys', 'create', '--workspace', 'acme'], env)).stderr).not.toMatch(/created workspace/);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);
});
