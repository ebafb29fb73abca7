import { campaignEvents, importRecords, siteEvents, stageRecord } from '../support/engagement-records';
import { startTestApi, workspaceWithKey, type TestApi } from '../support/server';
import { databaseKind } from '../support/store';

const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY);

const LEAD_FIELDS = `id email lifecycleStage score tier tierSince nextAction
  tierSignals { click dwell reply delivered clickedMessages deepReads repliedMessages }
  scoreBreakdown { rule name points awarded entries }`;

describe(`leads with scores, tiers and stages over the GraphQL API, on ${databaseKind()}`, () => {
  let api: TestApi;
  let admin: string;
  let writer: string;
  let reader: string;
  let workspaceId: number;
  const gql = async (key: string, query: string, variables: object = {}): Promise<any> => (await api.graphql(query, variables, key)).body;
  const leadId = async (email: string) => (await gql(reader, 'query($e: String) { leads(first: 1, filter: { email: $e }) { edges { node { id } } } }', { e: email })).data.leads.edges[0].node.id;

  beforeAll(async () => {
    api = await startTestApi();
    ({ workspaceId, key: admin } = await workspaceWithKey(api.store, 'sales', 'admin'));
    writer = (await workspaceWithKey(api.store, 'sales', 'write')).key;
    reader = (await workspaceWithKey(api.store, 'sales', 'read')).key;
    const base = daysAgo(5);
    await importRecords(api.store, workspaceId, [
      // core: replied and clicked → CORE, 1 + 3 + 15 = 19 points
      stageRecord('core@example.com', 'LEAD', daysAgo(30).toISOString()),
      ...campaignEvents('core@example.com', 'spring', base, [
        { type: 'DELIVERED', minute: 0 }, { type: 'OPENED', minute: 3 }, { type: 'CLICKED', minute: 4, url: 'https://example.com/pricing' }, { type: 'REPLIED', minute: 30 },
      ]),
      // warm: clicked and read deeply → POTENTIAL, 3 + 3 + four page views 20 = 26 points
      stageRecord('warm@example.com', 'LEAD', daysAgo(30).toISOString()),
      ...campaignEvents('warm@example.com', 'spring', base, [{ type: 'DELIVERED', minute: 0 }, { type: 'CLICKED', minute: 5, url: 'https://example.com/case' }, { type: 'READ', minute: 6, readSeconds: 40 }]),
      ...siteEvents('warm@example.com', base, [10, 11, 12, 13].map((minute) => ({ type: 'PAGE_VIEW', minute }))),
      // cold: delivered only, another campaign → LOW, 0 points
      stageRecord('cold@example.com', 'LEAD', daysAgo(30).toISOString()),
      ...campaignEvents('cold@example.com', 'summer', base, [{ type: 'DELIVERED', minute: 0 }]),
      // a subscriber (not a lead) with points
      ...siteEvents('visitor@example.com', base, [{ type: 'FORM_SUBMITTED', minute: 0 }]),
    ]);
  });
  afterAll(() => api.close());

  it('serves each lead’s score with its breakdown, its tier with signals, since when, and the next action', async () => {
    const body = await gql(reader, `{ leads(first: 10, orderBy: SCORE) { totalCount edges { node { ${LEAD_FIELDS} } } } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data.leads.totalCount).toBe(3);
    const [warm, core, cold] = body.data.leads.edges.map((edge: any) => edge.node);
    expect(warm).toMatchObject({
      email: 'warm@example.com', score: 26, tier: 'POTENTIAL', nextAction: 'Keep nurturing with in-depth content, case studies and proposals.',
      tierSignals: { click: true, dwell: true, reply: false, delivered: 1, clickedMessages: 1, deepReads: 1, repliedMessages: 0 },
      scoreBreakdown: [
        { rule: 'page-view', name: 'Site page view', points: 20, awarded: 20, entries: 4 },
        { rule: 'deep-read', name: 'Deep read', points: 3, awarded: 3, entries: 1 },
        { rule: 'email-click', name: 'Human email click', points: 3, awarded: 3, entries: 1 },
      ],
    });
    expect(new Date(warm.tierSince).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(core).toMatchObject({ email: 'core@example.com', score: 19, tier: 'CORE', nextAction: 'Follow up first, within a day.', tierSignals: { click: true, dwell: false, reply: true } });
    expect(cold).toMatchObject({ email: 'cold@example.com', score: 0, tier: 'LOW', scoreBreakdown: [], nextAction: 'Improve the content or send less often.' });
  });

  it('filters leads by tier, score, campaign and activity, and pages through them in score order', async () => {
    const emails = async (args: string) => (await gql(reader, `{ leads(first: 10, ${args}) { totalCount edges { node { email } } } }`)).data.leads.edges.map((e: any) => e.node.email);
    expect(await emails('filter: { tiers: [CORE, POTENTIAL] }, orderBy: SCORE')).toEqual(['warm@example.com', 'core@example.com']);
    expect(await emails('filter: { scoreAtLeast: 20 }')).toEqual(['warm@example.com']);
    const campaigns = (await gql(reader, '{ campaigns(first: 5) { edges { node { id externalId tierCounts { tier count } } } } }')).data.campaigns.edges.map((e: any) => e.node);
    const summer = campaigns.find((c: any) => c.externalId === 'summer');
    expect(campaigns.find((c: any) => c.externalId === 'spring').tierCounts).toEqual([{ tier: 'CORE', count: 1 }, { tier: 'POTENTIAL', count: 1 }]);
    expect(await emails(`filter: { campaignId: "${summer.id}" }`)).toEqual(['cold@example.com']);
    expect(await emails(`filter: { lastActivityAfter: "${daysAgo(1).toISOString()}" }`)).toEqual([]);
    expect(await emails('orderBy: LAST_ACTIVITY')).toHaveLength(3);

    const pages: string[][] = [];
    let after: string | null = null;
    do {
      const page: any = (await gql(reader, 'query($after: String) { leads(first: 2, orderBy: SCORE, after: $after) { edges { node { email } } pageInfo { hasNextPage endCursor } } }', { after })).data.leads;
      pages.push(page.edges.map((e: any) => e.node.email));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(pages).toEqual([['warm@example.com', 'core@example.com'], ['cold@example.com']]);
    const wrongCursor = await gql(reader, 'query($after: String) { leads(first: 2, orderBy: CREATED, after: $after) { totalCount } }', { after: 'bm9wZQ' });
    expect(wrongCursor.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('sets a stage by hand in any direction with BANT answers, keeps it in the history and the timeline, and respects it afterwards', async () => {
    const id = await leadId('core@example.com');
    const set = (key: string, stage: string, extra = '') =>
      gql(key, `mutation($id: ID!) { setLifecycleStage(leadId: $id, stage: ${stage}${extra}) { lifecycleStage } }`, { id });
    expect((await set(reader, 'SQL')).errors[0].extensions.code).toBe('FORBIDDEN');
    const toSql = await set(writer, 'SQL', ', note: "call booked", bant: { budget: "50k", need: "reporting" }');
    expect(toSql.errors).toBeUndefined();
    expect(toSql.data.setLifecycleStage.lifecycleStage).toBe('SQL');
    expect((await set(writer, 'SQL')).errors[0]).toMatchObject({ message: 'the contact is already SQL', extensions: { code: 'BAD_USER_INPUT' } });
    expect((await set(writer, 'DISQUALIFIED')).data.setLifecycleStage.lifecycleStage).toBe('DISQUALIFIED');
    expect((await set(writer, 'LEAD')).data.setLifecycleStage.lifecycleStage).toBe('LEAD');

    const lead = await gql(reader, `query($id: ID!) { lead(id: $id) {
      stageHistory { fromStage toStage cause source }
      timeline(first: 50) { kind summary fromStage toStage fromTier toTier points ruleId eventType bant { budget authority need timeline } } } }`, { id });
    expect(lead.data.lead.stageHistory).toEqual([
      { fromStage: null, toStage: 'LEAD', cause: 'test: became LEAD', source: 'generic' },
      { fromStage: 'LEAD', toStage: 'SQL', cause: 'set by hand: call booked', source: 'manual' },
      { fromStage: 'SQL', toStage: 'DISQUALIFIED', cause: 'set by hand', source: 'manual' },
      { fromStage: 'DISQUALIFIED', toStage: 'LEAD', cause: 'set by hand', source: 'manual' },
    ]);
    const timeline = lead.data.lead.timeline;
    expect(timeline.filter((item: any) => item.kind === 'STAGE').map((item: any) => [item.fromStage, item.toStage, item.bant])).toEqual([
      ['DISQUALIFIED', 'LEAD', null],
      ['SQL', 'DISQUALIFIED', null],
      ['LEAD', 'SQL', { budget: '50k', authority: null, need: 'reporting', timeline: null }],
      [null, 'LEAD', null],
    ]);
    expect(timeline.filter((item: any) => item.kind === 'TIER')).toEqual([
      expect.objectContaining({ fromTier: 'UNRATED', toTier: 'CORE', summary: expect.stringMatching(/^UNRATED → CORE: replied to 1, clicked 1 of 1 delivered/) }),
    ]);
    expect(timeline.filter((item: any) => item.kind === 'SCORE').map((item: any) => [item.ruleId, item.points])).toEqual([['reply', 15], ['email-click', 3], ['human-open', 1]]);
    expect(timeline.filter((item: any) => item.kind === 'EVENT').map((item: any) => item.eventType)).toEqual(['REPLIED', 'CLICKED', 'OPENED', 'DELIVERED']);

    // Back at LEAD by hand with 19 points: a manual adjustment that crosses the threshold promotes it again.
    const adjusted = await gql(writer, 'mutation($id: ID!) { adjustLeadScore(leadId: $id, points: 31, reason: "met at the fair") { score lifecycleStage scoreBreakdown { rule name points } } }', { id });
    expect(adjusted.data.adjustLeadScore).toMatchObject({ score: 50, lifecycleStage: 'MQL' });
    expect(adjusted.data.adjustLeadScore.scoreBreakdown[0]).toEqual({ rule: 'manual', name: 'Manual adjustment', points: 31 });
  });

  it('a score that stays above the threshold does not undo a manual move back to LEAD', async () => {
    const id = await leadId('core@example.com');
    await gql(writer, 'mutation($id: ID!) { setLifecycleStage(leadId: $id, stage: LEAD, note: "not ready") { lifecycleStage } }', { id });
    await importRecords(api.store, workspaceId, campaignEvents('core@example.com', 'autumn', daysAgo(0.5), [{ type: 'DELIVERED', minute: 0 }, { type: 'OPENED', minute: 2 }]));
    const lead = (await gql(reader, 'query($id: ID!) { lead(id: $id) { score lifecycleStage } }', { id })).data.lead;
    expect(lead).toEqual({ score: 51, lifecycleStage: 'LEAD' });
  });

  it('changes the scoring rules (admin only), re-scores every contact and records the change', async () => {
    const rules = `{ rules: [
      { id: "reply", name: "Reply", event: REPLIED, points: 40 },
      { id: "page-view", name: "Site page view", event: PAGE_VIEW, points: 2, capPerContact: 6 },
      { id: "case-click", name: "Case study click", event: CLICKED, points: 10, conditions: { linkCategories: [CASE_STUDY, OTHER] } }
    ], mqlThreshold: 40 }`;
    const mutation = `mutation { updateScoringRules(rules: ${rules}) { id kind contactsTotal contactsDone finishedAt } }`;
    expect((await gql(writer, mutation)).errors[0].extensions.code).toBe('FORBIDDEN');
    const invalid = await gql(admin, 'mutation { updateScoringRules(rules: { rules: [{ id: "x", name: "x", event: OPENED, points: 0 }] }) { id } }');
    expect(invalid.errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringContaining('rule "x": points must be a non-zero number (got 0)') });

    const changed = await gql(admin, mutation);
    expect(changed.errors).toBeUndefined();
    expect(changed.data.updateScoringRules).toMatchObject({ kind: 'SCORING', contactsTotal: 4, contactsDone: 4, finishedAt: expect.any(String) });
    const scores = (await gql(reader, '{ contacts(first: 10) { edges { node { email score lifecycleStage } } } }')).data.contacts.edges.map((e: any) => e.node);
    expect(Object.fromEntries(scores.map((c: any) => [c.email, c.score]))).toEqual({
      'core@example.com': 71, // reply 40, the manual 31 stays; the pricing link is not a case study
      'warm@example.com': 16, // page views capped at 6, the case-study click 10
      'cold@example.com': 0,
      'visitor@example.com': 0,
    });
    expect(scores.find((c: any) => c.email === 'warm@example.com').lifecycleStage).toBe('LEAD');
    const current = await gql(reader, '{ scoringRules { mqlThreshold decay { kind days } rules { id points capPerContact conditions { linkCategories } } } rulesChanges { kind contactsDone } }');
    expect(current.data.scoringRules.mqlThreshold).toBe(40);
    expect(current.data.scoringRules.rules[1]).toEqual({ id: 'page-view', points: 2, capPerContact: 6, conditions: null });
    expect(current.data.rulesChanges).toEqual([{ kind: 'SCORING', contactsDone: 4 }]);
  });

  it('changes the tier rules and re-rates every contact: a one-day window leaves the five-day-old sends unrated', async () => {
    const changed = await gql(admin, 'mutation { updateTierRules(rules: { windowDays: 1 }) { kind contactsDone } }');
    expect(changed.data.updateTierRules).toEqual({ kind: 'TIERS', contactsDone: 4 });
    const tiers = (await gql(reader, '{ tierRules { windowDays clickRule dwellRule deepReadSeconds } contacts(first: 10) { edges { node { email tier } } } }')).data;
    expect(tiers.tierRules).toEqual({ windowDays: 1, clickRule: 'ANY_CLICK', dwellRule: 'ANY_DEEP_READ', deepReadSeconds: 8 });
    expect(Object.fromEntries(tiers.contacts.edges.map((e: any) => [e.node.email, e.node.tier]))).toEqual({
      'core@example.com': 'LOW', // the autumn send of half a day ago, opened only
      'warm@example.com': 'UNRATED',
      'cold@example.com': 'UNRATED',
      'visitor@example.com': 'UNRATED',
    });
    const bad = await gql(admin, 'mutation { updateTierRules(rules: { windowDays: 0, highClickRate: 2 }) { kind } }');
    expect(bad.errors[0].message).toBe('the tier rules were not changed: windowDays must be a whole number of days from 1 to 3650 (got 0); highClickRate is a share of delivered messages, more than 0 and at most 1 (got 2)');
  });
});
