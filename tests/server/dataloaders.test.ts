import { runImport } from '../../src/connectors/sdk/import/run-import';
import { groupByKeys, orderByKeys } from '../../src/store/loaders';
import { recordConnector, recordsFile } from '../support/record-connector';
import { startTestApi, workspaceWithKey } from '../support/server';
import { databaseKind } from '../support/store';

describe('the DataLoader helpers', () => {
  it('orders batch results by the keys asked for, with the missing value for absent keys', () => {
    const rows = [{ id: 3, v: 'c' }, { id: 1, v: 'a' }];
    expect(orderByKeys([1, 2, 3], rows, (r) => r.id, (r) => r.v, null)).toEqual(['a', null, 'c']);
  });
  it('groups rows under the keys asked for, with an empty list for keys with no rows', () => {
    expect(groupByKeys([5, 6], [{ k: 6, n: 1 }, { k: 6, n: 2 }], (r) => r.k)).toEqual([[], [{ k: 6, n: 1 }, { k: 6, n: 2 }]]);
  });
});

describe(`GraphQL relations on ${databaseKind()}`, () => {
  it('loads every relation of a page of leads in one query per relation, whatever the page size (no N+1)', async () => {
    const api = await startTestApi();
    try {
      const { workspaceId, key } = await workspaceWithKey(api.store, 'acme');
      const records: object[] = [];
      for (let i = 0; i < 40; i++) {
        const contact = { externalId: `crm-${i}`, email: `lead${i}@example.com` };
        records.push({ kind: 'contact', ref: contact, firstName: `Lead ${i}` });
        records.push({ kind: 'lifecycle', contact, stage: 'LEAD', at: '2026-01-01T00:00:00Z', cause: 'test' });
        records.push({ kind: 'deal', externalId: `deal-${i}`, contact, status: 'OPEN', amount: 100 + i });
        records.push({ kind: 'event', sourceEventId: `e-${i}`, type: 'DELIVERED', occurredAt: '2026-01-02T00:00:00Z', contact, campaignExternalId: 'c1' });
      }
      await runImport({ dataSource: api.store.dataSource, workspaceId, connector: recordConnector, files: [recordsFile('leads.ndjson', records)] });
      const query = (first: number) => `{ leads(first: ${first}) { edges { node { id identities { source externalId } deals { amount } stageHistory { toStage } events { type } } } } }`;
      const count = async (first: number) => {
        await api.graphql(query(first), {}, key); // warm-up: key lookup caches nothing, but keeps timing aside
        const before = api.store.queryCounter.count;
        const response = await api.graphql(query(first), {}, key);
        expect(response.body.errors).toBeUndefined();
        expect(response.body.data.leads.edges).toHaveLength(first);
        expect(response.body.data.leads.edges[0].node.deals).toHaveLength(1);
        return api.store.queryCounter.count - before;
      };
      const small = await count(2);
      const large = await count(40);
      expect(large).toBe(small);
      expect(large).toBeLessThanOrEqual(8);
    } finally {
      await api.close();
    }
  });
});
