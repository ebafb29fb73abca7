/**
 * The vendors' webhooks (../shared/spec/api.md): each request is checked against the workspace's connector
 * settings over its raw bytes, then imported through the same path as a file (runImport: the source's own file
 * kind, one transaction, scores and tiers, live notices after commit, an import run recorded as
 * `webhook:<source>`). 2xx only once the batch is committed; a redelivery changes nothing (every record is keyed
 * on the vendor's ids). Refusals: 401 bad/missing/stale signature (nothing stored), 404 unknown workspace or
 * source not set up, 400 unusable body, 413 body over the limit.
 */
import express, { Router, type Request, type Response } from 'express';
import type { DataSource } from 'typeorm';
import { findConnector } from '../../connectors/registry';
import { UnusableInputError } from '../../connectors/sdk/errors';
import { runImport } from '../../connectors/sdk/import/run-import';
import {
  checkHubspotSignature,
  checkMetaSignature,
  checkPathSecret,
  checkSendgridSignature,
  type SignatureCheck,
} from '../../connectors/sdk/webhook-signatures';
import type { Source } from '../../domain/model';
import type { SecretCipher } from '../../services/connectors/cipher';
import { loadConnectorSettings, parseWebhookPublicKey, type ConnectorSettings } from '../../services/connectors/settings';
import type { LeadEventBus } from '../../services/engagement/bus';
import { findWorkspaceBySlug } from '../../services/workspaces';

/** SendGrid batches up to 768 KB; HubSpot under 100 notifications; 5 MiB leaves room without inviting abuse. */
export const WEBHOOK_BODY_LIMIT_BYTES = 5 * 1024 * 1024;

export interface WebhookOptions {
  dataSource: DataSource;
  cipher: SecretCipher;
  leadEvents?: LeadEventBus;
  /** The base URL vendors call (FUNNELGRAPH_PUBLIC_URL); HubSpot signs the full URL. Default: the request's own. */
  publicUrl?: string;
  now?: () => Date;
}

interface Delivery {
  source: Source;
  /** The connector file kind that reads the body. */
  kind: string;
  verify(request: Request, settings: ConnectorSettings, rawBody: Buffer): SignatureCheck;
}

class WebhookRefusal extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

export function webhookRoutes(options: WebhookOptions): Router {
  const router = Router();
  const now = options.now ?? (() => new Date());
  const raw = express.raw({ type: () => true, limit: WEBHOOK_BODY_LIMIT_BYTES });
  const publicUrlOf = (request: Request) => {
    const base = options.publicUrl ?? `${request.protocol}://${request.get('host')}`;
    return `${base.replace(/\/+$/, '')}${request.originalUrl}`;
  };

  const deliveries: Record<string, Delivery> = {
    sendgrid: {
      source: 'sendgrid',
      kind: 'events',
      verify: (request, settings, body) => {
        // Signing is optional at SendGrid: without a configured key the batch is taken as it comes.
        if (!settings.webhookPublicKey) return { ok: true };
        return checkSendgridSignature(parseWebhookPublicKey(settings.webhookPublicKey), body,
          request.get('x-twilio-email-event-webhook-signature'), request.get('x-twilio-email-event-webhook-timestamp'), now());
      },
    },
    mailchimp: {
      source: 'mailchimp',
      kind: 'webhook',
      verify: (request, settings) => (settings.webhookSecret ? checkPathSecret(settings.webhookSecret, param(request, 'secret')) : noSecret('mailchimp', '--webhook-secret')),
    },
    hubspot: {
      source: 'hubspot',
      kind: 'webhook',
      verify: (request, settings, body) =>
        settings.webhookSecret
          ? checkHubspotSignature(settings.webhookSecret, {
              method: request.method, uri: publicUrlOf(request), rawBody: body,
              signature: request.get('x-hubspot-signature-v3'), timestamp: request.get('x-hubspot-request-timestamp'),
            }, now())
          : noSecret('hubspot', '--webhook-secret <app client secret>'),
    },
    whatsapp: {
      source: 'whatsapp',
      kind: 'cloud-webhook',
      verify: (request, settings, body) =>
        settings.webhookSecret ? checkMetaSignature(settings.webhookSecret, body, request.get('x-hub-signature-256')) : noSecret('whatsapp', '--webhook-secret <app secret>'),
    },
  };

  const settingsFor = async (slug: string, source: Source): Promise<{ workspaceId: number; settings: ConnectorSettings }> => {
    const workspace = await findWorkspaceBySlug(options.dataSource.manager, slug);
    if (!workspace) throw new WebhookRefusal(404, `no workspace "${slug}"`);
    const settings = await loadConnectorSettings(options.dataSource, options.cipher, workspace.id, source);
    if (!settings) throw new WebhookRefusal(404, `${source} is not set up for workspace "${slug}": npx funnelgraph connectors add --workspace ${slug} --source ${source} …`);
    return { workspaceId: workspace.id, settings };
  };

  const receive = (delivery: Delivery) => async (request: Request, response: Response) => {
    try {
      const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const { workspaceId, settings } = await settingsFor(param(request, 'workspace'), delivery.source);
      const check = delivery.verify(request, settings, body);
      if (!check.ok) throw new WebhookRefusal(401, `${delivery.source} webhook refused: ${check.reason}`);
      if (!body.length) throw new WebhookRefusal(400, 'the request has no body');
      const summary = await runImport({
        dataSource: options.dataSource,
        workspaceId,
        connector: findConnector(delivery.source)!,
        files: [{ name: `webhook:${delivery.source}`, open: () => (async function* () { yield body; })(), size: body.length }],
        kind: delivery.kind,
        leadEvents: options.leadEvents,
        now: options.now,
      });
      if (summary.status === 'FAILED') throw new WebhookRefusal(400, summary.error ?? 'the body could not be read');
      response.status(200).json({ importId: summary.importId, imported: summary.imported, duplicates: summary.duplicates, rejected: summary.rejected });
    } catch (error) {
      if (error instanceof WebhookRefusal) response.status(error.status).json({ error: error.message });
      else if (error instanceof UnusableInputError) response.status(400).json({ error: error.message });
      else throw error;
    }
  };

  router.post('/webhooks/sendgrid/:workspace', raw, receive(deliveries.sendgrid));
  router.post('/webhooks/hubspot/:workspace', raw, receive(deliveries.hubspot));
  router.post('/webhooks/whatsapp/:workspace', raw, receive(deliveries.whatsapp));
  router.post('/webhooks/mailchimp/:workspace/:secret', raw, receive(deliveries.mailchimp));

  // Mailchimp checks the URL with a GET when the webhook is saved.
  router.get('/webhooks/mailchimp/:workspace/:secret', async (request, response) => {
    try {
      const { settings } = await settingsFor(param(request, 'workspace'), 'mailchimp');
      const check = settings.webhookSecret ? checkPathSecret(settings.webhookSecret, param(request, 'secret')) : noSecret('mailchimp', '--webhook-secret');
      if (!check.ok) throw new WebhookRefusal(401, `mailchimp webhook refused: ${check.reason}`);
      response.status(200).type('text/plain').send('ok');
    } catch (error) {
      if (error instanceof WebhookRefusal) response.status(error.status).json({ error: error.message });
      else throw error;
    }
  });

  // WhatsApp (Meta) subscription handshake: echo hub.challenge when hub.verify_token is ours.
  router.get('/webhooks/whatsapp/:workspace', async (request, response) => {
    try {
      const { settings } = await settingsFor(param(request, 'workspace'), 'whatsapp');
      const query = request.query as Record<string, string | undefined>;
      if (query['hub.mode'] !== 'subscribe') throw new WebhookRefusal(400, 'expected hub.mode=subscribe');
      if (!settings.webhookVerifyToken) throw new WebhookRefusal(401, 'no verify token is set up: npx funnelgraph connectors add … --source whatsapp --webhook-verify-token <token>');
      const check = checkPathSecret(settings.webhookVerifyToken, query['hub.verify_token']);
      if (!check.ok) throw new WebhookRefusal(403, 'hub.verify_token does not match the one set up for this workspace');
      response.status(200).type('text/plain').send(query['hub.challenge'] ?? '');
    } catch (error) {
      if (error instanceof WebhookRefusal) response.status(error.status).json({ error: error.message });
      else throw error;
    }
  });

  // express.raw's refusal of an oversized body, and any other body-parser error, as a clear status.
  router.use('/webhooks', (error: Error & { status?: number; type?: string }, _request: Request, response: Response, next: (error?: unknown) => void) => {
    if (error.type === 'entity.too.large') return void response.status(413).json({ error: `the body is larger than ${WEBHOOK_BODY_LIMIT_BYTES} bytes` });
    if (error.status && error.status < 500) return void response.status(error.status).json({ error: error.message });
    next(error);
  });
  return router;
}

function noSecret(source: string, flag: string): SignatureCheck {
  return { ok: false, reason: `no webhook secret is set up for ${source}, so no request can be verified: npx funnelgraph connectors add … --source ${source} ${flag}` };
}

const param = (request: Request, name: string): string => String(request.params[name] ?? '');
