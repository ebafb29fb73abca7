import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sendgridEventLines } from '../../bench/generators/sendgrid-events';
import { listImports } from '../../src/services/imports';
import { createSharedDatabase } from '../support/database-env';
import { runCli } from '../support/cli';
import { dumpDomain } from '../support/dump';
import { databaseKind } from '../support/store';

describe(`import on ${databaseKind()}, killed halfway`, () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'funnelgraph-crash-')), 'events.ndjson');
  beforeAll(() => fs.writeFileSync(file, [...sendgridEventLines({ events: 6000, seed: 11 })].join('\n') + '\n'));

  it('SIGKILL mid-file, then the same import again, gives exactly the database of one clean run', async () => {
    const crashed = await createSharedDatabase();
    const clean = await createSharedDatabase();
    try {
      for (const database of [crashed, clean]) {
        expect((await runCli(['keys', 'create', '--workspace', 'acme'], database.env)).code).toBe(0);
      }
      const importArgs = ['import', '--source', 'sendgrid', '--workspace', 'acme', '--batch-size', '500', file];
      let killedAfter = '';
      const killed = await runCli(importArgs, crashed.env, (stderr, child) => {
        // Two committed batches, then the process dies without any chance to clean up.
        if (!killedAfter && (stderr.match(/^progress:/gm) ?? []).length >= 2) {
          killedAfter = stderr;
          child.kill('SIGKILL');
        }
      });
      expect(killed.signal).toBe('SIGKILL');

      const midway = await crashed.open();
      const partial = (await midway.dataSource.query('SELECT count(*)::int AS n FROM engagement_event'))[0].n as number;
      // The killed run is not left RUNNING: listing imports finds its process gone and says how to finish.
      const [{ id: workspaceId }] = await midway.dataSource.query(`SELECT id FROM workspace WHERE slug = 'acme'`);
      expect((await midway.dataSource.query('SELECT status FROM import_run'))[0].status).toBe('RUNNING');
      const listed = await listImports(midway.dataSource.manager, Number(workspaceId), { first: 10 });
      expect(listed.edges[0].node).toMatchObject({ status: 'FAILED', error: expect.stringMatching(/^interrupted: the process that ran it \(pid \d+ on .+\) stopped before it finished; .* import the same files again/) });
      await midway.close();
      expect(batchBoundaries(file, 500)).toContain(partial); // whole batches only
      expect(partial).toBeGreaterThan(0);
      expect(partial).toBeLessThan(6000);

      const resumed = await runCli([...importArgs, '--json'], crashed.env);
      expect(resumed.code).toBe(0);
      const summary = JSON.parse(resumed.stdout);
      expect(summary.counts.event).toEqual({ new: 6000 - partial, updated: 0, unchanged: partial });

      expect((await runCli([...importArgs, '--json'], clean.env)).code).toBe(0);
      const [a, b] = [await crashed.open(), await clean.open()];
      try {
        const [dumpA, dumpB] = [await dumpDomain(a.dataSource), await dumpDomain(b.dataSource)];
        expect(dumpA.events).toHaveLength(6000);
        expect(dumpA).toEqual(dumpB);
      } finally {
        await a.close();
        await b.close();
      }
    } finally {
      await crashed.drop();
      await clean.drop();
    }
  }, 180_000);
});

/** Events committed after each whole batch: a batch closes once it holds 500 records (the first event of a campaign also yields its campaign record). */
function batchBoundaries(file: string, batchSize: number): number[] {
  const boundaries: number[] = [];
  const campaigns = new Set<string>();
  let records = 0;
  let events = 0;
  for (const line of fs.readFileSync(file, 'utf8').split('\n').filter(Boolean)) {
    const campaign = (JSON.parse(line) as { singlesend_id: string }).singlesend_id;
    records += campaigns.has(campaign) ? 1 : 2;
    campaigns.add(campaign);
    events++;
    if (records >= batchSize) {
      boundaries.push(events);
      records = 0;
    }
  }
  return boundaries;
}
