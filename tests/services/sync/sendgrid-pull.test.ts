/**
 * The SendGrid pull against a local server that follows the v3 API's contract: suppressions paged by
 * limit/offset in time windows, the Email Activity feed without a cursor (a day holding more than the feed's limit —
 * lowered to 100 here — is split), message details with their events, category stats sums, 429 with only X-RateLimit-Reset,
 * 500s, 401 and the 403 of an account without Email Activity. Run twice, the database is the same as once; stopped
 * halfway and run again, the same as one clean run.
 */
import { sendgridPull } from '../../../src/connectors/sendgrid/pull';
import { dumpDomain } from '../../support/dump';
import { cleanAndStoppedRuns, pullWorkspaces } from '../../support/pull-runs';
import { databaseKind } from '../../support/store';
import { startSendGridServer, type ActivityMessage, type SendGridData, type SendGridServer } from '../../support/vendors/sendgrid-server';

const KEY = 'SG.test-key.local';
const NOW = Date.parse('2026-11-20T12:00:00Z');
const unix = (iso: string) => Math.floor(Date.parse(iso) / 1000);
/** More than the lowered activity limit of 100 within one day, so the day's window must be split. */
const BULK = 150;
const ACTIVITY_LIMIT = 100;

function message(id: string, email: string, at: string, events: ActivityMessage['events'], extra: Partial<ActivityMessage> = {}): ActivityMessage {
  return {
    msg_id: id, from_email: 'news@sender.test', to_email: email, subject: 'November news', status: 'delivered',
    opens_count: 0, clicks_count: 0, last_event_time: at, categories: ['newsletter'], events, ...extra,
  };
}

function seed(): SendGridData {
  const bulk = Array.from({ length: BULK }, (_, i) => {
    const at = new Date(Date.parse('2026-11-19T08:00:00Z') + i * 30_000).toISOString().replace(/\.000Z$/, 'Z');
    return message(`bulk${i}.filter0001`, `reader${i}@inbox.test`, at, [
      { event_name: 'processed', processed: at },
      { event_name: 'delivered', processed: at, mx_server: 'mx.inbox.test' },
      { event_name: 'opened', processed: at, http_user_agent: 'Mozilla/5.0' },
    ]);
  });
  return {
    suppressions: {
      bounces: [
        { created: unix('2026-10-01T10:00:00Z'), email: 'gone@old.test', reason: '550 5.1.1 The email account that you tried to reach does not exist.', status: '5.1.1' },
        { created: unix('2026-10-02T10:00:00Z'), email: 'bob@client.test', reason: '550 5.1.1 User unknown', status: '5.1.1' },
        { created: unix('2026-10-03T10:00:00Z'), email: 'nobody@client.test', reason: '550 No such user', status: '5.0.0' },
      ],
      blocks: [{ created: unix('2026-10-04T10:00:00Z'), email: 'blocked@corp.test', reason: '421 Try again later', status: '4.0.0' }],
      invalid_emails: [
        { created: unix('2026-10-05T10:00:00Z'), email: 'typo@gmial.test', reason: 'Mail domain mentioned in email address is unknown' },
        { created: unix('2026-10-05T11:00:00Z'), email: 'not-an-email', reason: 'Invalid address' },
      ],
      spam_reports: [
        { created: unix('2026-10-06T10:00:00Z'), email: 'carol@client.test', ip: '10.63.202.100' },
        { created: unix('2026-10-07T10:00:00Z'), email: 'angry@client.test', ip: '10.63.202.101' },
      ],
      unsubscribes: Array.from({ length: 601 }, (_, i) => ({ created: unix('2026-09-01T00:00:00Z') + i * 60, email: `leaver${i}@list.test` })),
    },
    messages: [
      ...bulk,
      message('alice1.filter0002', 'alice@client.test', '2026-11-10T09:05:00Z', [
        { event_name: 'processed', processed: '2026-11-10T09:00:00Z' },
        { event_name: 'delivered', processed: '2026-11-10T09:00:02Z' },
        { event_name: 'clicked', processed: '2026-11-10T09:05:00Z', url: 'https://sender.test/pricing' },
      ], { unique_args: { marketing_campaign_id: '77', marketing_campaign_name: 'Autumn launch' }, categories: ['promotional'] }),
      message('bob1.filter0002', 'bob@client.test', '2026-11-10T09:00:05Z', [
        { event_name: 'processed', processed: '2026-11-10T09:00:00Z' },
        { event_name: 'bounced', processed: '2026-11-10T09:00:05Z', bounce_type: 'hard', reason: '550 5.1.1 User unknown' },
      ], { status: 'not_delivered' }),
      message('carol1.filter0002', 'carol@client.test', '2026-11-10T12:00:00Z', [
        { event_name: 'processed', processed: '2026-11-10T09:00:00Z' },
        { event_name: 'delivered', processed: '2026-11-10T09:00:03Z' },
        { event_name: 'spam_report', processed: '2026-11-10T11:00:00Z' },
        { event_name: 'teleported', processed: '2026-11-10T12:00:00Z' },
      ]),
    ],
    daily: {
      account: [
        { date: '2026-11-10', metrics: { processed: 3, delivered: 2, bounces: 1, unique_opens: 0 } },
        { date: '2026-11-19', metrics: { processed: 150, delivered: 150, bounces: 0, unique_opens: 150 } },
      ],
      newsletter: [
        { date: '2026-11-10', metrics: { processed: 2, delivered: 1, bounces: 1 } },
        { date: '2026-11-19', metrics: { processed: 150, delivered: 150, bounces: 0 } },
      ],
      promotional: [{ date: '2026-11-10', metrics: { processed: 1, delivered: 1, clicks: 1 } }],
    },
    categories: [
      { name: 'newsletter', metrics: { processed: 153, delivered: 151, bounces: 1, blocks: 0, opens: 200, unique_opens: 150, clicks: 0, unique_clicks: 0, unsubscribes: 0, spam_reports: 1 } },
      { name: 'promotional', metrics: { processed: 1, delivered: 1, bounces: 0, blocks: 0, opens: 0, unique_opens: 0, clicks: 1, unique_clicks: 1, unsubscribes: 0, spam_reports: 0 } },
    ],
  };
}

describe(`SendGrid pull against the v3 API contract on ${databaseKind()}`, () => {
  let server: SendGridServer;
  const workspaces = pullWorkspaces({ slug: 'esp', source: 'sendgrid', credentials: () => ({ apiKey: KEY, baseUrl: server.url }) });
  beforeEach(async () => {
    server = await startSendGridServer(KEY, seed());
  });
  afterEach(async () => {
    await server.close();
    await workspaces.closeAll();
  });
  const freshWorkspace = async () => {
    const clock = { now: NOW };
    return { ...(await workspaces.open(sendgridPull({ now: () => clock.now, activityLimit: ACTIVITY_LIMIT }))), clock };
  };

  it('pulls suppressions, the activity feed (splitting a day past the feed limit) and category totals, retrying 429 and 500; a second run changes nothing', async () => {
    const { store, sync, clock, count } = await freshWorkspace();
    server.faults.push('429', '500');
    const first = await sync();
    expect(first).toMatchObject({ status: 'SUCCEEDED', retries: 2, warnings: [] });
    expect(first.streams.map((stream) => stream.stream)).toEqual(['suppressions', 'email-activity', 'category-stats', 'daily-stats']);
    expect(first.rejected).toEqual([
      expect.objectContaining({ file: 'sync:sendgrid/suppressions', field: 'email', reason: expect.stringMatching(/"email" is not an email address \(got "not-an-email"\)/) }),
      expect.objectContaining({ file: 'sync:sendgrid/email-activity', field: 'event', reason: expect.stringMatching(/message "carol1.filter0002": "event" "teleported" is not an Email Activity event/) }),
    ]);

    // Suppressions: 3 bounces, 1 block, 1 valid invalid-email entry, 2 spam reports, 601 unsubscribes (two pages).
    expect(await count(`SELECT count(*) AS n FROM list_membership`)).toBe(608);
    const statuses = await store.dataSource.query(`SELECT l.external_id, m.status, count(*)::int AS n FROM list_membership m JOIN contact_list l ON l.id = m.list_id GROUP BY 1, 2 ORDER BY 1`);
    expect(statuses).toEqual([
      { external_id: 'suppression:blocks', status: 'CLEANED', n: 1 },
      { external_id: 'suppression:bounces', status: 'CLEANED', n: 3 },
      { external_id: 'suppression:invalid_emails', status: 'CLEANED', n: 1 },
      { external_id: 'suppression:spam_reports', status: 'UNSUBSCRIBED', n: 2 },
      { external_id: 'suppression:unsubscribes', status: 'UNSUBSCRIBED', n: 601 },
    ]);

    // Activity: 153 messages, 450 bulk events + 3 + 2 + 3 (the unknown event rejected).
    expect(await count(`SELECT count(*) AS n FROM message`)).toBe(BULK + 3);
    expect(await count(`SELECT count(*) AS n FROM engagement_event`)).toBe(BULK * 3 + 8);
    const windows = server.requests.filter((request) => request.startsWith('/v3/messages?'));
    const spans = windows.map((request) => {
      const [, from, to] = /TIMESTAMP "([^"]+)" AND TIMESTAMP "([^"]+)"/.exec(new URLSearchParams(request.split('?')[1]).get('query')!)!;
      return Date.parse(to) - Date.parse(from);
    });
    expect(spans.some((span) => span < 86_400_000)).toBe(true); // the full day was split
    const facts = await store.dataSource.query(
      `SELECT k.email, c.external_id AS campaign, m.status, m.human_clicks, m.complained FROM message m JOIN contact k ON k.id = m.contact_id JOIN campaign c ON c.id = m.campaign_id
       WHERE k.email IN ('alice@client.test', 'bob@client.test', 'carol@client.test') ORDER BY k.email`,
    );
    expect(facts).toEqual([
      { email: 'alice@client.test', campaign: 'marketing_campaign:77', status: 'DELIVERED', human_clicks: 1, complained: false },
      { email: 'bob@client.test', campaign: 'category:newsletter', status: 'HARD_BOUNCED', human_clicks: 0, complained: false },
      { email: 'carol@client.test', campaign: 'category:newsletter', status: 'DELIVERED', human_clicks: 0, complained: true },
    ]);
    const [bounce] = await store.dataSource.query(`SELECT bounce_kind FROM engagement_event WHERE type = 'BOUNCED'`);
    expect(bounce.bounce_kind).toBe('HARD');

    // Category totals as report facts of the category campaigns.
    const reports = await store.dataSource.query(`SELECT c.external_id, r.totals FROM campaign_report r JOIN campaign c ON c.id = r.campaign_id ORDER BY 1`);
    expect(reports.map((report: { external_id: string }) => report.external_id)).toEqual(['category:newsletter', 'category:promotional']);
    expect(reports[0].totals).toMatchObject({ sent: 153, delivered: 151, hardBounces: 1, uniqueOpens: 150, complaints: 1 });
    // SendGrid's own daily counters, as reported, per scope.
    const daily = await store.dataSource.query(`SELECT scope, to_char(day, 'YYYY-MM-DD') AS day, metrics FROM vendor_daily_stat ORDER BY scope, day`);
    expect(daily.map((row: { scope: string; day: string }) => `${row.scope} ${row.day}`)).toEqual([
      'account 2026-11-10', 'account 2026-11-19', 'category:newsletter 2026-11-10', 'category:newsletter 2026-11-19', 'category:promotional 2026-11-10',
    ]);
    expect(daily[1].metrics).toEqual({ processed: 150, delivered: 150, bounces: 0, unique_opens: 150 });
    expect(server.requests.find((request) => request.startsWith('/v3/categories/stats?'))).toMatch(/categories=newsletter&categories=promotional/);
    const once = await dumpDomain(store.dataSource);

    server.requests.length = 0;
    const second = await sync();
    expect(second).toMatchObject({ status: 'SUCCEEDED', imported: 0 });
    expect(await dumpDomain(store.dataSource)).toEqual(once);
    expect(server.requests.filter((request) => request.startsWith('/v3/suppression/')).every((request) => request.includes('start_time='))).toBe(true);
    expect(server.requests.filter((request) => request.startsWith('/v3/messages?'))).toHaveLength(1);
    // The daily counters are read again from 3 days before the last day read.
    expect(server.requests.find((request) => request.startsWith('/v3/stats?'))).toContain('start_date=2026-11-17');

    // SendGrid revises a recent day: the re-read replaces its figures.
    server.data.daily!.account[1].metrics.unique_opens = 151;
    await sync();
    const [revised] = await store.dataSource.query(`SELECT metrics FROM vendor_daily_stat WHERE scope = 'account' AND day = '2026-11-19'`);
    expect(revised.metrics.unique_opens).toBe(151);

    // An hour later Alice opens the mail: her message moves to the new window and only the new event lands.
    clock.now = NOW + 3_600_000;
    const alice = server.data.messages.find((candidate) => candidate.msg_id === 'alice1.filter0002')!;
    alice.events.push({ event_name: 'opened', processed: '2026-11-20T12:30:00Z' });
    alice.last_event_time = '2026-11-20T12:30:00Z';
    const third = await sync();
    expect(third).toMatchObject({ status: 'SUCCEEDED', imported: 1 });
    expect((await dumpDomain(store.dataSource)).events.length).toBe(once.events.length + 1);
  });

  it('resumes from the last committed page after a stop halfway, ending with exactly one clean run’s data', async () => {
    const { expected, interrupted, stopped } = await cleanAndStoppedRuns(freshWorkspace, (_, index) => index === 20);
    expect(stopped).toMatchObject({ status: 'FAILED', error: 'process killed' });
    const cursors = await interrupted.store.dataSource.query(`SELECT stream, cursor FROM sync_cursor ORDER BY stream`);
    expect(cursors.map((row: { stream: string }) => row.stream)).toEqual(['email-activity', 'suppressions']);
    server.requests.length = 0;
    const resumed = await interrupted.sync();
    expect(resumed.status).toBe('SUCCEEDED');
    // The resumed run reads no suppression before its saved windows' overlap.
    expect(server.requests.filter((request) => request.startsWith('/v3/suppression/')).every((request) => request.includes('start_time='))).toBe(true);
    expect(await dumpDomain(interrupted.store.dataSource)).toEqual(expected);
  });

  it('says so and goes on when the account has no Email Activity; stops with what to fix on a wrong key', async () => {
    const { sync, count } = await freshWorkspace();
    server.activityEnabled = false;
    const withoutActivity = await sync();
    expect(withoutActivity.status).toBe('SUCCEEDED');
    expect(withoutActivity.warnings).toEqual([expect.stringMatching(/^email-activity: the account has no Email Activity history/)]);
    expect(await count(`SELECT count(*) AS n FROM message`)).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM campaign_report`)).toBe(2);

    const refused = await sync({ credentials: { apiKey: 'SG.wrong', baseUrl: server.url } });
    expect(refused).toMatchObject({ status: 'FAILED', requests: 1 });
    expect(refused.error).toMatch(/sendgrid refused the credentials \(401 on GET \/v3\/suppression\/bounces\).*--source sendgrid --api-key/);
  });
});
