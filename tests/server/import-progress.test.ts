import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { IMPORT_PROGRESS_TOPIC } from '../../src/services/engagement/bus';
import { startTestApi, testPubSub, workspaceWithKey, type TestApi } from '../support/server';
import { databaseKind } from '../support/store';
import { observedPubSub } from '../support/subscriber';

const PROGRESS = `subscription($id: ID!) {
  importProgress(importId: $id) { importId file rowsRead recordsWritten bytesRead bytesTotal status imported duplicates rejected }
}`;

/** A graphql-ws client that also records whether the server completed the subscription. */
function watch(url: string, key: string, importId: string) {
  const client = createClient({ url, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${key}` }, retryAttempts: 0 });
  const received: any[] = [];
  const errors: any[] = [];
  const done = new Promise<void>((resolve) => {
    client.subscribe({ query: PROGRESS, variables: { id: importId } }, {
      next: (value) => (value.errors ? errors.push(...value.errors) : received.push((value.data as any).importProgress)),
      error: (error) => {
        errors.push(...(Array.isArray(error) ? error : [error]));
        resolve();
      },
      complete: resolve,
    });
  });
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`not completed: ${JSON.stringify(received)}`)), 20_000).unref());
  return { received, errors, completed: () => Promise.race([done, timeout]), close: () => client.dispose() };
}

/**
 * Generic connector NDJSON: `good` events and `bad` rows with an unknown type. Each row carries an ignored 4 KB
 * column, so that the file is read in many chunks: on in-process PGlite the import only yields to the server's
 * sockets between reads, and the subscriber must be able to connect while it runs.
 */
function eventsFile(good: number, bad: number): string {
  const note = 'n'.repeat(4000);
  const rows = Array.from({ length: good }, (_, n) => ({ id: `e${n}`, type: 'delivered', contact: `p${n % 7}@alpha.example`, timestamp: '2026-01-05T10:00:00Z', campaign: 'progress', note }));
  for (let n = 0; n < bad; n++) rows.splice(10 + n * 20, 0, { id: `bad${n}`, type: 'teleported', contact: 'p1@alpha.example', timestamp: '2026-01-05T10:00:00Z', campaign: 'progress', note });
  return rows.map((row) => JSON.stringify(row)).join('\n') + '\n';
}

describe(`importProgress over graphql-ws, on ${databaseKind()} with ${process.env.REDIS_URL ? 'Redis' : 'in-memory'} pub/sub`, () => {
  const published: Array<{ topic: string; workspaceId: number; payload: any }> = [];
  const inner = observedPubSub(testPubSub());
  const pubSub = { ...inner, publish: (topic: any, workspaceId: number, payload: object) => (published.push({ topic, workspaceId, payload }), inner.publish(topic, workspaceId, payload)) };
  let api: TestApi;
  let alpha: { workspaceId: number; key: string };
  let bravo: { workspaceId: number; key: string };
  const upload = (key: string, body: string, batchSize?: number) =>
    fetch(api.server.url.replace('/graphql', `/imports?source=generic&filename=events.ndjson${batchSize ? `&batchSize=${batchSize}` : ''}`), {
      method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/x-ndjson' }, body,
    }).then(async (response) => ({ status: response.status, body: (await response.json()) as any }));
  const latestImport = async (key: string) => (await api.graphql('{ imports(first: 1) { edges { node { id status } } } }', {}, key)).body.data.imports.edges[0]?.node;

  beforeAll(async () => {
    api = await startTestApi({ pubSub });
    alpha = await workspaceWithKey(api.store, 'alpha');
    bravo = await workspaceWithKey(api.store, 'bravo');
  });
  afterAll(() => api.close());

  it('sends the run’s state, then growing progress after each committed batch, then SUCCEEDED, and completes', async () => {
    const body = eventsFile(240, 3);
    const before = (await latestImport(alpha.key))?.id;
    const uploading = upload(alpha.key, body, 4);
    let run = await latestImport(alpha.key);
    while (!run || run.id === before) run = await latestImport(alpha.key);
    expect(run.status).toBe('RUNNING');

    const alphaWatch = watch(api.server.wsUrl, alpha.key, run.id);
    const bravoWatch = watch(api.server.wsUrl, bravo.key, run.id);
    try {
      const { status, body: summary } = await uploading;
      expect(status).toBe(200);
      expect(summary).toMatchObject({ importId: Number(run.id), status: 'SUCCEEDED', duplicates: expect.any(Number) });
      expect(summary.rejected).toHaveLength(3);
      await alphaWatch.completed();
      await bravoWatch.completed();

      const events = alphaWatch.received;
      expect(alphaWatch.errors).toEqual([]);
      // The first event comes from the import_run row: no read position there.
      expect(events[0]).toMatchObject({ importId: run.id, file: 'events.ndjson', status: 'RUNNING', bytesRead: null, bytesTotal: null });
      const live = events.slice(1, -1);
      expect(live.length).toBeGreaterThan(2);
      for (const event of live) {
        expect(event).toMatchObject({ importId: run.id, file: 'events.ndjson', status: 'RUNNING', bytesTotal: Buffer.byteLength(body) });
      }
      const processed = events.slice(0, -1).map((event) => event.imported + event.duplicates + event.rejected);
      expect(processed).toEqual([...new Set(processed)].sort((a, b) => a - b));
      const rows = live.map((event) => event.rowsRead);
      expect(rows).toEqual([...rows].sort((a, b) => a - b));
      expect(events.at(-1)).toEqual({
        importId: run.id, file: 'events.ndjson', rowsRead: 243, recordsWritten: summary.files[0].records, bytesRead: Buffer.byteLength(body),
        bytesTotal: Buffer.byteLength(body), status: 'SUCCEEDED', imported: summary.imported, duplicates: summary.duplicates, rejected: 3,
      });
      // Another workspace's key cannot see the run at all, and its topic carried none of it.
      expect(bravoWatch.received).toEqual([]);
      expect(bravoWatch.errors).toEqual([expect.objectContaining({ message: `no import ${run.id} in this workspace`, extensions: expect.objectContaining({ code: 'NOT_FOUND' }) })]);
      const progressTopics = published.filter((entry) => entry.topic === IMPORT_PROGRESS_TOPIC);
      expect(progressTopics.length).toBeGreaterThan(live.length);
      expect(progressTopics.every((entry) => entry.workspaceId === alpha.workspaceId && entry.payload.workspaceId === alpha.workspaceId)).toBe(true);
      // Each committed batch was published once, in order, the last one with the run's totals; then the final event.
      const running = progressTopics.filter((entry) => entry.payload.status === 'RUNNING').map((entry) => entry.payload);
      const totals = running.map((event) => event.imported + event.duplicates + event.rejected);
      expect(totals).toEqual([...new Set(totals)].sort((a, b) => a - b));
      expect(running.at(-1)).toMatchObject({ imported: summary.imported, duplicates: summary.duplicates, rejected: 3, rowsRead: 243 });
      expect(progressTopics.at(-1)!.payload.status).toBe('SUCCEEDED');
    } finally {
      await Promise.all([alphaWatch.close(), bravoWatch.close()]);
    }
  });

  it('sends a finished run’s final state once and completes', async () => {
    const { body: summary } = await upload(alpha.key, eventsFile(5, 1));
    const finished = watch(api.server.wsUrl, alpha.key, String(summary.importId));
    try {
      await finished.completed();
      expect(finished.errors).toEqual([]);
      expect(finished.received).toEqual([{
        importId: String(summary.importId), file: 'events.ndjson', rowsRead: 6, recordsWritten: summary.files[0].records, bytesRead: null,
        bytesTotal: null, status: 'SUCCEEDED', imported: summary.imported, duplicates: summary.duplicates, rejected: 1,
      }]);
    } finally {
      await finished.close();
    }
  });

  it('answers NOT_FOUND for an unknown import, and 400 for a batch size that is not a whole number', async () => {
    const unknown = watch(api.server.wsUrl, alpha.key, '999999');
    await unknown.completed();
    expect(unknown.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'NOT_FOUND' }) })]);
    expect(unknown.received).toEqual([]);
    await unknown.close();
    const refused = await fetch(api.server.url.replace('/graphql', '/imports?source=generic&filename=e.ndjson&batchSize=lots'), {
      method: 'POST', headers: { authorization: `Bearer ${alpha.key}` }, body: eventsFile(1, 0),
    });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({ error: 'batchSize must be a whole number from 1 to 50000 (got NaN)' });
  });
});
