import { Writable } from 'node:stream';
import { startServer, type RunningServer } from '../../src/server/app';
import { createLogger } from '../../src/server/logger';
import { redactUrl } from '../../src/server/redact-url';
import type { Store } from '../../src/store/data-source';
import { testCipher, testPubSub } from '../support/server';
import { openTestStore } from '../support/store';

describe('secrets stay out of request logs', () => {
  it('redactUrl masks the Mailchimp path secret and WhatsApp’s verify token, and nothing else', () => {
    expect(redactUrl('/webhooks/mailchimp/acme/s3cr3t')).toBe('/webhooks/mailchimp/acme/[redacted]');
    expect(redactUrl('/webhooks/mailchimp/acme/s3cr3t?x=1')).toBe('/webhooks/mailchimp/acme/[redacted]?x=1');
    expect(redactUrl('/webhooks/whatsapp/acme?hub.mode=subscribe&hub.verify_token=tok&hub.challenge=42'))
      .toBe('/webhooks/whatsapp/acme?hub.mode=subscribe&hub.verify_token=%5Bredacted%5D&hub.challenge=42');
    expect(redactUrl('/webhooks/sendgrid/acme')).toBe('/webhooks/sendgrid/acme');
    expect(redactUrl('/graphql?query=x')).toBe('/graphql?query=x');
  });

  describe('a running server', () => {
    let store: Store;
    let server: RunningServer;
    const lines: string[] = [];
    const pubSub = testPubSub();
    beforeAll(async () => {
      store = await openTestStore();
      const sink = new Writable({ write(chunk, _encoding, done) { lines.push(String(chunk)); done(); } });
      server = await startServer({ store, port: 0, host: '127.0.0.1', pubSub, cipher: testCipher(), logger: createLogger('info', sink) });
    });
    afterAll(async () => {
      await server.close();
      await pubSub.close();
      await store.close();
    });

    it('logs the request without the secret in its URL or the key in its headers', async () => {
      const base = server.url.replace('/graphql', '');
      await fetch(`${base}/webhooks/mailchimp/acme/very-secret-path`, { method: 'GET' });
      await fetch(`${base}/webhooks/whatsapp/acme?hub.mode=subscribe&hub.verify_token=very-secret-token&hub.challenge=1`);
      await fetch(server.url, { method: 'POST', headers: { authorization: 'Bearer fg_1_very-secret-key', 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
      const log = lines.join('');
      expect(log).toMatch(/\/webhooks\/mailchimp\/acme\/\[redacted\]/);
      expect(log).toMatch(/\/graphql/);
      expect(log).not.toMatch(/very-secret/);
    });
  });
});
