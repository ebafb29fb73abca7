/**
 * `funnelgraph sync` as a real child process against the local HubSpot contract server: killed with SIGKILL after
 * its first committed page, then run again, it ends with exactly the database of one clean run (whole pages only,
 * cursor committed with them), and a third run changes nothing.
 */
import { createSharedDatabase } from '../support/database-env';
import { runCli } from '../support/cli';
import { dumpDomain } from '../support/dump';
import { databaseKind } from '../support/store';
import { startHubSpotServer, type CrmRecord } from '../support/vendors/hubspot-server';

const TOKEN = 'pat-na1-cli-token';
const iso = (minutes: number) => new Date(Date.parse('2026-10-01T00:00:00Z') + minutes * 60_000).toISOString();
const contacts: CrmRecord[] = Array.from({ length: 300 }, (_, i) => ({
  id: String(5000 + i),
  properties: { email: `cli${i}@crm.test`, firstname: `Cli${i}`, createdate: iso(i), lastmodifieddate: iso(1000 + i), lifecyclestage: 'lead', hs_lifecyclestage_lead_date: iso(i + 1) },
}));

describe(`funnelgraph sync on ${databaseKind()}, killed halfway`, () => {
  it('SIGKILL after a committed page, then sync again, gives exactly the database of one clean sync', async () => {
    const server = await startHubSpotServer({ token: TOKEN, contacts, deals: [] });
    const crashed = await createSharedDatabase();
    const clean = await createSharedDatabase();
    try {
      for (const database of [crashed, clean]) {
        expect((await runCli(['keys', 'create', '--workspace', 'acme'], database.env)).code).toBe(0);
        const added = await runCli(['connectors', 'add', '--workspace', 'acme', '--source', 'hubspot', '--api-key', TOKEN, '--base-url', server.url], database.env);
        expect(added.stderr).toBe('');
        expect(added.code).toBe(0);
      }
      const syncArgs = ['sync', '--workspace', 'acme', '--source', 'hubspot'];
      // Slow pages, so the kill lands after the first commit and before the last.
      server.faults.push('slow', 'slow', 'slow', 'slow');
      let killed = false;
      const crash = await runCli(syncArgs, crashed.env, (stderr, child) => {
        if (!killed && /contacts: \d+ records committed/.test(stderr)) {
          killed = true;
          child.kill('SIGKILL');
        }
      });
      expect(crash.signal).toBe('SIGKILL');
      const midway = await crashed.open();
      const partial = Number((await midway.dataSource.query('SELECT count(*) AS n FROM contact'))[0].n);
      await midway.close();
      expect([100, 200]).toContain(partial);

      const resumed = await runCli([...syncArgs, '--json'], crashed.env);
      expect(resumed.code).toBe(0);
      expect(JSON.parse(resumed.stdout)).toMatchObject({ status: 'SUCCEEDED', rejected: [] });
      expect((await runCli([...syncArgs, '--json'], clean.env)).code).toBe(0);
      const again = await runCli([...syncArgs, '--json'], clean.env);
      expect(JSON.parse(again.stdout)).toMatchObject({ status: 'SUCCEEDED', imported: 0 });

      const [a, b] = [await crashed.open(), await clean.open()];
      try {
        const [dumpA, dumpB] = [await dumpDomain(a.dataSource), await dumpDomain(b.dataSource)];
        expect(dumpA.contacts).toHaveLength(300);
        expect(dumpA).toEqual(dumpB);
      } finally {
        await a.close();
        await b.close();
      }
    } finally {
      await server.close();
      await crashed.drop();
      await clean.drop();
    }
  }, 180_000);

  it('says what to do when the source is not set up or cannot pull', async () => {
    const database = await createSharedDatabase();
    try {
      expect((await runCli(['keys', 'create', '--workspace', 'acme'], database.env)).code).toBe(0);
      const missing = await runCli(['sync', '--workspace', 'acme', '--source', 'hubspot'], database.env);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toMatch(/hubspot is not set up for workspace "acme": run npx funnelgraph connectors add/);
      const noPull = await runCli(['sync', '--workspace', 'acme', '--source', 'whatsapp'], database.env);
      expect(noPull.code).toBe(2);
      expect(noPull.stderr).toMatch(/whatsapp has no API pull yet/);
    } finally {
      await database.drop();
    }
  }, 60_000);
});
