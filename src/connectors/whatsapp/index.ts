/**
 * WhatsApp: the app's "Export chat" .txt and the Business Cloud API webhook bodies (source-formats.md §4).
 * Identity keys are described in identity.ts, who-is-the-business in map-chat.ts, campaigns of statuses in
 * map-webhook.ts.
 */
import { defineConnector } from '../sdk/connector';
import { chatTxt } from './chat-txt';
import { cloudWebhook } from './cloud-webhook';

export const whatsappConnector = defineConnector({
  source: 'whatsapp',
  displayName: 'WhatsApp',
  fileKinds: [cloudWebhook, chatTxt],
});
