import { ensureWorkspace } from '../../../src/services/workspaces';
import type { Store } from '../../../src/store/data-source';
import { campaignEvents, importRecords, minutesAfter, siteEvents, stageRecord } from '../../support/engagement-records';
import { recordingBus } from '../../support/lead-events';
import { databaseKind, openTestStore } from '../../support/store';

const NOW = new Date('2026-06-01T00:00:00Z');
const BASE = new Date('2026-05-20T09:00:00Z');

describe(`engagement refresh inside the import transaction, on ${databaseKind()}`, () => {
  let store: Store;
  let workspaceId: number;
  const q = (sql: string, params: unknown[] = []) => store.dataSource.query(sql, params) as Promise<any[]>;
  const contact = async (email: string) => (await q('SELECT * FROM contact WHERE email = $1 AND merged_into_id IS NULL', [email]))[0];
  const ledger = (email: string) =>
    q('SELECT l.rule_id, l.points FROM score_ledger l JOIN contact c ON c.id = l.contact_id WHERE c.email = $1 ORDER BY l.at, l.rule_id', [email]);
  const stages = (email: string) =>
    q('SELECT h.from_stage, h.to_stage, h.at, h.cause, h.source FROM lifecycle_stage_change h JOIN contact c ON c.id = h.contact_id WHERE c.email = $1 ORDER BY h.at, h.id', [email]);
  const tiers = (email: string) =>
    q('SELECT t.id, t.from_tier, t.to_tier, t.reason FROM tier_change t JOIN contact c ON c.id = t.contact_id WHERE c.email = $1 ORDER BY t.id', [email]);

  beforeAll(async () => {
    store = await openTestStore();
    workspaceId = (await ensureWorkspace(store.dataSource, 'scoring')).workspace.id;
  });
  afterAll(() => store.close());

  it('awards each scoring event its rule’s points once, however often the file is imported', async () => {
    const records = campaignEvents('ann@example.com', 'nurture-1', BASE, [
      { type: 'DELIVERED', minute: 0 },
      { type: 'OPENED', minute: 0.5, isMachine: true },
      { type: 'CLICKED', minute: 1 / 60, url: 'https://example.com/scanned' },
      { type: 'OPENED', minute: 5 },
      { type: 'CLICKED', minute: 10, url: 'https://example.com/product' },
      { type: 'READ', minute: 11, readSeconds: 12 },
      { type: 'REPLIED', minute: 20 },
    ]);
    await importRecords(store, workspaceId, records, { now: NOW });
    const expected = [
      { rule_id: 'human-open', points: 1 },
      { rule_id: 'email-click', points: 3 },
      { rule_id: 'deep-read', points: 3 },
      { rule_id: 'reply', points: 15 },
    ];
    expect(await ledger('ann@example.com')).toEqual(expected);
    expect((await contact('ann@example.com')).score).toBe(22);

    const again = await importRecords(store, workspaceId, records, { now: NOW });
    expect(again.duplicates).toBe(8);
    expect(await ledger('ann@example.com')).toEqual(expected);
    expect((await contact('ann@example.com')).score).toBe(22);
    expect((await tiers('ann@example.com')).map((row) => [row.from_tier, row.to_tier])).toEqual([['UNRATED', 'CORE']]);
  });

  it('moves a LEAD to MQL when its score reaches the threshold, with the crossing as cause, and publishes it after commit', async () => {
    const bus = recordingBus();
    const lead = stageRecord('bob@example.com', 'LEAD', minutesAfter(BASE, -60));
    const forms = (from: number, count: number) => siteEvents('bob@example.com', BASE, Array.from({ length: count }, (_, i) => ({ type: 'FORM_SUBMITTED', minute: from + i })));
    await importRecords(store, workspaceId, [lead, ...forms(0, 4)], { now: NOW, leadEvents: bus });
    expect((await contact('bob@example.com')).score).toBe(40);
    expect((await contact('bob@example.com')).lifecycle_stage).toBe('LEAD');
    // The imported history's own change is news too; no automatic move yet.
    expect(bus.published.map((p) => [p.topic, p.payload.from, p.payload.to, p.payload.source])).toEqual([['LEAD_STAGE_CHANGED', null, 'LEAD', 'generic']]);
    bus.published.length = 0;

    await importRecords(store, workspaceId, forms(4, 1), { now: NOW, leadEvents: bus });
    const bob = await contact('bob@example.com');
    expect(bob.score).toBe(50);
    expect(bob.lifecycle_stage).toBe('MQL');
    expect(await stages('bob@example.com')).toEqual([
      { from_stage: null, to_stage: 'LEAD', at: new Date(minutesAfter(BASE, -60)), cause: 'test: became LEAD', source: 'generic' },
      { from_stage: 'LEAD', to_stage: 'MQL', at: new Date(minutesAfter(BASE, 4)), cause: 'score 50 reached the MQL threshold 50', source: 'scoring' },
    ]);
    expect(bus.published.map((p) => [p.topic, p.workspaceId, p.payload.contactId, p.payload.from, p.payload.to])).toEqual([
      ['LEAD_STAGE_CHANGED', workspaceId, bob.id, 'LEAD', 'MQL'],
    ]);
  });

  it('never moves a contact backwards automatically: a falling score keeps the MQL, SQL and DISQUALIFIED stay put', async () => {
    await importRecords(store, workspaceId, [
      ...campaignEvents('bob@example.com', 'nurture-2', BASE, [{ type: 'BOUNCED', minute: 30, bounceKind: 'HARD' }]),
      stageRecord('carol@example.com', 'SQL', minutesAfter(BASE, -60)),
      stageRecord('dave@example.com', 'LEAD', minutesAfter(BASE, -120)),
      stageRecord('dave@example.com', 'DISQUALIFIED', minutesAfter(BASE, -60)),
      ...siteEvents('carol@example.com', BASE, [0, 1, 2, 3, 4, 5].map((minute) => ({ type: 'FORM_SUBMITTED', minute }))),
      ...siteEvents('dave@example.com', BASE, [0, 1, 2, 3, 4, 5].map((minute) => ({ type: 'FORM_SUBMITTED', minute }))),
    ], { now: NOW });
    expect(await contact('bob@example.com')).toMatchObject({ score: 0, lifecycle_stage: 'MQL' });
    expect(await contact('carol@example.com')).toMatchObject({ score: 60, lifecycle_stage: 'SQL' });
    expect(await contact('dave@example.com')).toMatchObject({ score: 60, lifecycle_stage: 'DISQUALIFIED' });
    expect((await stages('carol@example.com')).map((row) => row.to_stage)).toEqual(['SQL']);
  });

  it('moves a contact with a deal to OPPORTUNITY when it opened and to CUSTOMER when it was won; a lost deal was an opportunity too', async () => {
    const deal = (id: string, email: string, status: string, extra: object = {}) =>
      ({ kind: 'deal', externalId: id, name: `Deal ${id}`, contact: { email }, status, createdAt: minutesAfter(BASE, 100), ...extra });
    await importRecords(store, workspaceId, [stageRecord('erin@example.com', 'LEAD', minutesAfter(BASE, 0)), deal('d1', 'erin@example.com', 'OPEN')], { now: NOW });
    expect((await contact('erin@example.com')).lifecycle_stage).toBe('OPPORTUNITY');
    await importRecords(store, workspaceId, [deal('d1', 'erin@example.com', 'WON', { closedAt: minutesAfter(BASE, 200) })], { now: NOW });
    expect(await stages('erin@example.com')).toEqual([
      expect.objectContaining({ from_stage: null, to_stage: 'LEAD' }),
      { from_stage: 'LEAD', to_stage: 'OPPORTUNITY', at: new Date(minutesAfter(BASE, 100)), cause: 'deal "Deal d1" opened', source: 'deal' },
      { from_stage: 'OPPORTUNITY', to_stage: 'CUSTOMER', at: new Date(minutesAfter(BASE, 200)), cause: 'deal "Deal d1" won', source: 'deal' },
    ]);
    await importRecords(store, workspaceId, [stageRecord('fay@example.com', 'SQL', minutesAfter(BASE, 0)), deal('d2', 'fay@example.com', 'LOST')], { now: NOW });
    expect((await contact('fay@example.com')).lifecycle_stage).toBe('OPPORTUNITY');
    await importRecords(store, workspaceId, [stageRecord('gil@example.com', 'CUSTOMER', minutesAfter(BASE, 0)), deal('d3', 'gil@example.com', 'OPEN')], { now: NOW });
    expect((await stages('gil@example.com')).map((row) => row.to_stage)).toEqual(['CUSTOMER']);
  });

  it('rates a contact LOW, POTENTIAL, then CORE as its signals arrive, keeping each change with its cause and signals', async () => {
    const bus = recordingBus();
    const email = 'gus@example.com';
    await importRecords(store, workspaceId, campaignEvents(email, 'nurture-3', BASE, [{ type: 'DELIVERED', minute: 0 }]), { now: NOW, leadEvents: bus });
    await importRecords(store, workspaceId, campaignEvents(email, 'nurture-3', BASE, [
      { type: 'CLICKED', minute: 10, url: 'https://example.com/case-study' },
      { type: 'READ', minute: 11, readSeconds: 30 },
    ]), { now: NOW, leadEvents: bus });
    await importRecords(store, workspaceId, campaignEvents(email, 'nurture-3', BASE, [{ type: 'REPLIED', minute: 60 }]), { now: NOW, leadEvents: bus });

    const history = await tiers(email);
    expect(history.map((row) => [row.from_tier, row.to_tier, row.reason])).toEqual([
      ['UNRATED', 'LOW', 'no click, deep read or reply of 1 delivered messages in the last 90 days'],
      ['LOW', 'POTENTIAL', 'clicked 1, read 1 deeply of 1 delivered messages in the last 90 days'],
      ['POTENTIAL', 'CORE', 'replied to 1, clicked 1, read 1 deeply of 1 delivered messages in the last 90 days'],
    ]);
    const gus = await contact(email);
    expect(gus).toMatchObject({ tier: 'CORE', tier_since: NOW, tier_rated_at: NOW });
    expect(gus.tier_signals).toMatchObject({ delivered: 1, clicked: true, readDeeply: true, replied: true });
    const notices = bus.published.filter((p) => p.topic === 'LEAD_TIER_CHANGED').map((p) => p.payload);
    expect(notices.map((n) => [n.cursor, n.from, n.to, n.signals.clicked, n.signals.readDeeply, n.signals.replied])).toEqual([
      [String(history[0].id), 'UNRATED', 'LOW', false, false, false],
      [String(history[1].id), 'LOW', 'POTENTIAL', true, true, false],
      [String(history[2].id), 'POTENTIAL', 'CORE', true, true, true],
    ]);
    expect(notices[2]).toMatchObject({ workspaceId, contactId: gus.id, at: NOW.toISOString(), campaignIds: [expect.any(Number)] });
  });

  it('a batch that rolls back leaves no points, tier or stage history and publishes nothing', async () => {
    const bus = recordingBus();
    const email = 'hal@example.com';
    const before = await q('SELECT (SELECT count(*) FROM tier_change)::int AS tiers, (SELECT count(*) FROM score_ledger)::int AS points');
    // A rejected row whose reason holds a NUL byte cannot be stored (PostgreSQL text refuses it): the batch's
    // transaction fails after the refresh computed its changes.
    const poisoned = [...campaignEvents(email, 'nurture-4', BASE, [{ type: 'DELIVERED', minute: 0 }, { type: 'REPLIED', minute: 5 }]), { reject: 'bad\u0000row' }];
    await expect(importRecords(store, workspaceId, poisoned, { now: NOW, leadEvents: bus })).rejects.toThrow(/0x00/);
    expect(bus.published).toEqual([]);
    expect(await q('SELECT (SELECT count(*) FROM tier_change)::int AS tiers, (SELECT count(*) FROM score_ledger)::int AS points')).toEqual(before);
    expect(await contact(email)).toBeUndefined();
  });
});
