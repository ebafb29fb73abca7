/**
 * The webhook routes over real HTTP, with real keys: a correctly signed real-format batch of each vendor is
 * accepted and its data is queryable right after the 2xx; forged, missing and stale signatures get 401 and store
 * nothing; a redelivery changes nothing; oversize bodies get 413; the vendors' URL checks are answered.
 */
import { createHmac, generateKeyPairSync, sign } from 'node:crypto';
import { hubspotSignature } from '../../src/connectors/sdk/webhook-signatures';
import { saveConnectorSettings } from '../../src/services/connectors/settings';
import { startTestApi, testPubSub, workspaceWithKey, type TestApi } from '../support/server';
import { databaseKind } from '../support/store';
import { observedPubSub, pause, subscribe } from '../support/subscriber';

const PUBLIC_URL = 'https://hooks.funnelgraph.test';

describe(`webhooks on ${databaseKind()}`, () => {
  const pubSub = observedPubSub(testPubSub());
  let api: TestApi;
  let acme: { workspaceId: number; key: string };
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const base = () => api.server.url.replace('/graphql', '');
  const post = (path: string, body: string | Buffer, headers: Record<string, string> = {}) =>
    fetch(`${base()}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const count = async (query: string) => {
    const { body } = await api.graphql(query, {}, acme.key);
    expect(body.errors).toBeUndefined();
    return body.data;
  };
  const importsOf = async (file: string) => (await count('{ imports(first: 50) { edges { node { files status imported duplicates } } } }')).imports.edges
    .map((edge: any) => edge.node).filter((run: any) => run.files.includes(file));

  beforeAll(async () => {
    api = await startTestApi({ pubSub, publicUrl: PUBLIC_URL });
    acme = await workspaceWithKey(api.store, 'acme-hooks');
    const save = (source: string, input: object) => saveConnectorSettings(api.store.dataSource, api.cipher, acme.workspaceId, source, input);
    await save('sendgrid', { webhookPublicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString() });
    await save('hubspot', { webhookSecret: 'hubspot-client-secret' });
    await save('whatsapp', { webhookSecret: 'meta-app-secret', webhookVerifyToken: 'verify-me' });
    await save('mailchimp', { webhookSecret: 'url-secret-123' });
  });
  afterAll(() => api.close());

  describe('SendGrid', () => {
    const now = Math.floor(Date.now() / 1000);
    const body = JSON.stringify([
      { email: 'ann@acme.test', event: 'delivered', sg_event_id: 'hook-d1', sg_message_id: 'hookmsg1.filter', timestamp: now - 60, category: 'spring' },
      { email: 'ann@acme.test', event: 'open', sg_event_id: 'hook-o1', sg_message_id: 'hookmsg1.filter', timestamp: now - 30, sg_machine_open: false, category: 'spring' },
    ]) + '\r\n';
    const signed = (payload: string, timestamp = String(now)) => ({
      'x-twilio-email-event-webhook-signature': sign('sha256', Buffer.concat([Buffer.from(timestamp), Buffer.from(payload)]), privateKey).toString('base64'),
      'x-twilio-email-event-webhook-timestamp': timestamp,
    });

    it('refuses forged, unsigned and stale batches with 401 and stores nothing', async () => {
      const forged = signed(body.replace('hook-o1', 'hook-o2'));
      for (const headers of [forged, {}, signed(body, String(now - 3600))]) {
        const response = await post('/webhooks/sendgrid/acme-hooks', body, headers);
        expect(response.status).toBe(401);
        expect(((await response.json()) as { error: string }).error).toMatch(/sendgrid webhook refused/);
      }
      expect((await count('{ contacts(first: 1, filter: { email: "ann@acme.test" }) { totalCount } }')).contacts.totalCount).toBe(0);
      expect(await importsOf('webhook:sendgrid')).toEqual([]);
    });

    it('stores a signed batch before answering 200, and a redelivery changes nothing', async () => {
      const response = await post('/webhooks/sendgrid/acme-hooks', body, signed(body));
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ imported: expect.any(Number), duplicates: 0, rejected: [] });
      const lead = await count('{ contacts(first: 1, filter: { email: "ann@acme.test" }) { totalCount edges { node { lastActivityAt } } } }');
      expect(lead.contacts.totalCount).toBe(1);
      const again = await post('/webhooks/sendgrid/acme-hooks', body, signed(body));
      expect(again.status).toBe(200);
      expect(await again.json()).toMatchObject({ imported: 0, duplicates: expect.any(Number) });
      const runs = await importsOf('webhook:sendgrid');
      expect(runs).toHaveLength(2);
      expect(runs.every((run: any) => run.status === 'SUCCEEDED')).toBe(true);
    });

    it('answers 413 for a body over the limit, 404 for an unknown workspace and 400 for a body that is not events', async () => {
      expect((await post('/webhooks/sendgrid/acme-hooks', Buffer.alloc(6 * 1024 * 1024, 32), signed('x'))).status).toBe(413);
      expect((await post('/webhooks/sendgrid/nobody-here', body, signed(body))).status).toBe(404);
      const junk = 'this is not json';
      expect((await post('/webhooks/sendgrid/acme-hooks', junk, signed(junk))).status).toBe(400);
    });
  });

  describe('HubSpot', () => {
    const path = '/webhooks/hubspot/acme-hooks';
    const notifications = (occurredAt: number) => JSON.stringify([
      { objectId: 1246978, changeSource: 'IMPORT', eventId: 3816279480, subscriptionId: 22, portalId: 33, appId: 1160452, occurredAt, eventType: 'contact.creation', attemptNumber: 0 },
      { objectId: 1246978, propertyName: 'email', propertyValue: 'bea@acme.test', changeSource: 'CRM', eventId: 3816279481, subscriptionId: 23, portalId: 33, appId: 1160452, occurredAt, eventType: 'contact.propertyChange', attemptNumber: 0 },
      { objectId: 1246978, propertyName: 'lifecyclestage', propertyValue: 'salesqualifiedlead', changeSource: 'CRM', eventId: 3816279482, subscriptionId: 25, portalId: 33, appId: 1160452, occurredAt: occurredAt + 1, eventType: 'contact.propertyChange', attemptNumber: 0 },
    ]);
    const signedHeaders = (body: string, timestamp: number, uri = `${PUBLIC_URL}${path}`) => ({
      'x-hubspot-signature-v3': hubspotSignature('hubspot-client-secret', 'POST', uri, Buffer.from(body), String(timestamp)),
      'x-hubspot-request-timestamp': String(timestamp),
    });

    it('verifies v3 over the public URL, stores the contact and its stage change, and pushes it to a stage subscriber', async () => {
      const occurredAt = Date.now() - 60_000;
      const body = notifications(occurredAt);
      expect((await post(path, body, signedHeaders(body, Date.now(), `http://127.0.0.1${path}`))).status).toBe(401);
      expect((await post(path, body, signedHeaders(body, Date.now() - 10 * 60_000))).status).toBe(401);

      const stages = subscribe(api.server.wsUrl, acme.key, 'subscription { leadStageChanged { to source lead { email } } }');
      await pubSub.waitForLiveSubscriptions(1);
      try {
        const response = await post(path, body, signedHeaders(body, Date.now()));
        expect(response.status).toBe(200);
        const lead = await count('{ contacts(first: 1, filter: { email: "bea@acme.test" }) { edges { node { lifecycleStage } } } }');
        expect(lead.contacts.edges[0].node.lifecycleStage).toBe('SQL');
        const [change] = (await stages.waitFor(1)).map((data: any) => data.leadStageChanged);
        expect(change).toEqual({ to: 'SQL', source: 'hubspot', lead: { email: 'bea@acme.test' } });
        expect((await post(path, body, signedHeaders(body, Date.now()))).status).toBe(200);
        await pause(300);
        expect(stages.received).toHaveLength(1);
      } finally {
        await stages.close();
      }
    });
  });

  describe('WhatsApp Cloud API', () => {
    const path = '/webhooks/whatsapp/acme-hooks';
    const body = JSON.stringify({
      object: 'whatsapp_business_account',
      entry: [{ id: '1234567890987654321', changes: [{ field: 'messages', value: {
        messaging_product: 'whatsapp', metadata: { display_phone_number: '972123456789', phone_number_id: '1122334455667' },
        contacts: [{ profile: { name: 'Test Name' }, wa_id: '972987654321' }],
        messages: [{ from: '972987654321', id: 'wamid.hooktest', timestamp: String(Math.floor(Date.now() / 1000) - 60), text: { body: 'Body Text' }, type: 'text' }],
      } }] }],
    });
    const signature = (payload: string, secret = 'meta-app-secret') => `sha256=${createHmac('sha256', secret).update(payload).digest('hex')}`;

    it('answers the subscription handshake only with the right verify token', async () => {
      const ok = await fetch(`${base()}${path}?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=1158201444`);
      expect(ok.status).toBe(200);
      expect(await ok.text()).toBe('1158201444');
      expect((await fetch(`${base()}${path}?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1`)).status).toBe(403);
    });

    it('stores a signed notification, refuses a forged one', async () => {
      expect((await post(path, body, { 'x-hub-signature-256': signature(body, 'someone-else') })).status).toBe(401);
      expect(await importsOf('webhook:whatsapp')).toEqual([]);
      const response = await post(path, body, { 'x-hub-signature-256': signature(body) });
      expect(response.status).toBe(200);
      const [run] = await importsOf('webhook:whatsapp');
      expect(run).toMatchObject({ status: 'SUCCEEDED' });
      expect(run.imported).toBeGreaterThan(0);
      const again = await post(path, body, { 'x-hub-signature-256': signature(body) });
      expect(await again.json()).toMatchObject({ imported: 0 });
    });
  });

  describe('Mailchimp', () => {
    const form = new URLSearchParams({
      type: 'subscribe', fired_at: '2026-11-30 21:35:57', 'data[id]': '8a25ff1d98', 'data[list_id]': 'a6b5da1054', 'data[email]': 'cleo@acme.test',
      'data[email_type]': 'html', 'data[merges][EMAIL]': 'cleo@acme.test', 'data[merges][FNAME]': 'Cleo', 'data[merges][LNAME]': 'API', 'data[ip_opt]': '10.20.10.30',
    }).toString();
    const formPost = (secret: string) => post(`/webhooks/mailchimp/acme-hooks/${secret}`, form, { 'content-type': 'application/x-www-form-urlencoded' });

    it('answers the URL check and refuses a wrong secret', async () => {
      expect((await fetch(`${base()}/webhooks/mailchimp/acme-hooks/url-secret-123`)).status).toBe(200);
      expect((await fetch(`${base()}/webhooks/mailchimp/acme-hooks/guess`)).status).toBe(401);
      expect((await formPost('guess')).status).toBe(401);
      expect((await count('{ contacts(first: 1, filter: { email: "cleo@acme.test" }) { totalCount } }')).contacts.totalCount).toBe(0);
    });

    it('stores a subscribe event as the contact and its list membership', async () => {
      const response = await formPost('url-secret-123');
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ rejected: [] });
      const lead = await count('{ contacts(first: 1, filter: { email: "cleo@acme.test" }) { edges { node { firstName } } } }');
      expect(lead.contacts.edges[0].node).toEqual({ firstName: 'Cleo' });
      const memberships = await api.store.dataSource.query(
        `SELECT l.external_id, m.status FROM list_membership m JOIN contact_list l ON l.workspace_id = m.workspace_id AND l.id = m.list_id
         JOIN contact c ON c.workspace_id = m.workspace_id AND c.id = m.contact_id WHERE c.email = 'cleo@acme.test'`,
      );
      expect(memberships).toEqual([{ external_id: 'a6b5da1054', status: 'SUBSCRIBED' }]);
    });
  });
});
