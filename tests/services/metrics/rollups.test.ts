/**
 * The rollup tables stay exact when what they were computed from changes outside an import batch: a new
 * deepReadSeconds setting, a campaign whose send time moves its messages to another day.
 */
import { queryMetrics, type MetricQuery } from '../../../src/services/metrics';
import type { Store } from '../../../src/store/data-source';
import { databaseKind, openTestStore } from '../../support/store';
import { idOf, importStory } from './story';

describe(`rollups kept exact on ${databaseKind()}`, () => {
  let store: Store;
  let acme: number;
  const both = async (request: MetricQuery) => {
    const fromRollups = await queryMetrics(store.dataSource.manager, acme, request);
    expect(fromRollups).toEqual(await queryMetrics(store.dataSource.manager, acme, { ...request, from: 'messages' }));
    return fromRollups;
  };
  beforeAll(async () => {
    store = await openTestStore();
    acme = await importStory(store.dataSource, 'acme-rollups');
  });
  afterAll(() => store.close());

  it('rebuilds the rows when deepReadSeconds changes', async () => {
    const before = await both({ metrics: ['readCompletionRate'] });
    await store.dataSource.query(`UPDATE workspace SET settings = settings || '{"deepReadSeconds": 1}'::jsonb WHERE id = $1`, [acme]);
    const after = await both({ metrics: ['readCompletionRate'] });
    expect(after[0].values[0].numerator).toBeGreaterThan(before[0].values[0].numerator!);
  });

  it('moves messages without a send time of their own to the day their campaign is moved to', async () => {
    const autumn = await idOf(store.dataSource, acme, 'campaign', 'autumn');
    await store.dataSource.query(`UPDATE message SET sent_at = NULL WHERE workspace_id = $1 AND campaign_id = $2`, [acme, autumn]);
    const before = await both({ groupBy: 'DAY', metrics: ['sent'] });
    // Only the campaign changes now: its trigger must mark it dirty.
    await store.dataSource.query(`UPDATE campaign SET sent_at = sent_at + interval '40 days' WHERE workspace_id = $1 AND id = $2`, [acme, autumn]);
    const after = await both({ groupBy: 'DAY', metrics: ['sent'] });
    expect(after.map((row) => row.group.key)).not.toEqual(before.map((row) => row.group.key));
  });
});
