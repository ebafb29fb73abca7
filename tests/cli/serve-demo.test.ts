import { spawn } from 'node:child_process';
import { CLI } from '../support/cli';
import { createSharedDatabase } from '../support/database-env';
import { databaseKind } from '../support/store';

describe(`funnelgraph serve --demo (what npm start runs) on ${databaseKind()}`, () => {
  it('seeds the demo workspace through the connectors, prints the URL and a key, and serves campaigns of both channels to that key', async () => {
    const database = await createSharedDatabase();
    const child = spawn(process.execPath, [CLI, 'serve', '--demo', '--port', '0'], {
      env: { ...process.env, ...database.env, NODE_OPTIONS: '', LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let stdout = '';
      child.stdout.on('data', (chunk) => (stdout += chunk));
      let stderr = '';
      child.stderr.on('data', (chunk) => (stderr += chunk));
      const ready = await new Promise<{ url: string; key: string }>((resolve, reject) => {
        const timer = setInterval(() => {
          const url = /serving (http:\S+)/.exec(stdout)?.[1];
          const key = /^Demo API key: (\S+)$/m.exec(stdout)?.[1];
          if (url && key) {
            clearInterval(timer);
            resolve({ url, key });
          }
        }, 100);
        child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
      });
      expect(stdout).toMatch(/seeding the demo workspace/);
      expect(stdout).toMatch(/demo workspace "demo": 12 files imported, \d+ engagement events\n/);
      const response = await fetch(ready.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${ready.key}` },
        body: JSON.stringify({ query: '{ campaigns(first: 100) { totalCount edges { node { name channel source counts { sent delivered } } } } contacts(first: 1) { totalCount } }' }),
      });
      const body = (await response.json()) as { data: { campaigns: { totalCount: number; edges: Array<{ node: { channel: string; source: string; counts: { sent: number } } }> }; contacts: { totalCount: number } } };
      expect(body.data.contacts.totalCount).toBe(3000);
      const campaigns = body.data.campaigns.edges.map((edge) => edge.node);
      expect(new Set(campaigns.map((c) => c.channel))).toEqual(new Set(['EMAIL', 'WHATSAPP']));
      // Site read time and forms name the SendGrid mailings (campaign_source), so no campaign is the generic file's own.
      expect(new Set(campaigns.map((c) => c.source))).toEqual(new Set(['sendgrid', 'mailchimp', 'whatsapp']));
      expect(campaigns.filter((c) => c.source === 'sendgrid').every((c) => c.counts.sent > 100)).toBe(true);
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.on('close', resolve));
      await database.drop();
    }
  }, 120_000);
});
