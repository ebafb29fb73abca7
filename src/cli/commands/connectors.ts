import fs from 'node:fs';
import type { Command } from 'commander';
import { readConfig } from '../../server/config';
import { cipherFromConfig } from '../../services/connectors/cipher';
import { listConnectors } from '../../services/connectors/directory';
import { removeConnectorSettings, saveConnectorSettings, type ConnectorSettingsInput } from '../../services/connectors/settings';
import { UserInputError } from '../../services/errors';
import { requireWorkspace } from '../../services/workspaces';
import { openConfiguredStore } from '../open-store';

interface AddOptions {
  workspace: string;
  source: string;
  apiKey?: string;
  apiKeyFile?: string;
  baseUrl?: string;
  webhookSecret?: string;
  webhookVerifyToken?: string;
  webhookPublicKey?: string;
  syncEvery?: string;
  json?: boolean;
}

export function registerConnectors(program: Command): void {
  const connectors = program.command('connectors').description('set up sources: API credentials, webhook secrets, pull schedules');
  connectors
    .command('add')
    .description('configure a source for a workspace (secrets stored encrypted with FUNNELGRAPH_SECRET_KEY; run again to change)')
    .requiredOption('--workspace <slug>', 'workspace slug')
    .requiredOption('--source <name>', 'sendgrid, mailchimp, hubspot or whatsapp')
    .option('--api-key <key>', 'API key / private-app token / access token')
    .option('--api-key-file <file>', 'read the API key from a file (keeps it out of shell history)')
    .option('--base-url <url>', 'API base URL (proxies, tests)')
    .option('--webhook-secret <secret>', 'Mailchimp URL secret, HubSpot client secret or WhatsApp app secret')
    .option('--webhook-verify-token <token>', 'WhatsApp hub.verify_token')
    .option('--webhook-public-key <file>', 'SendGrid Signed Event Webhook verification key (PEM file, or a file holding the base64 key)')
    .option('--sync-every <minutes>', 'pull every N minutes while `serve` runs')
    .option('--json', 'print the result as JSON')
    .action(async (options: AddOptions) => {
      const input = settingsInput(options);
      const config = readConfig();
      const cipher = cipherFromConfig(config);
      const store = await openConfiguredStore(config, 'funnelgraph connectors add');
      try {
        const workspace = await requireWorkspace(store.dataSource.manager, options.workspace);
        await saveConnectorSettings(store.dataSource, cipher, workspace.id, options.source, input);
        const listing = (await listConnectors(store.dataSource, workspace.id, workspace.slug)).find((connector) => connector.source === options.source)!;
        if (options.json) process.stdout.write(`${JSON.stringify(listing)}\n`);
        else {
          process.stdout.write(`${listing.displayName} set up for workspace "${workspace.slug}": secrets ${listing.secrets.join(', ') || 'none'}` +
            `${listing.baseUrl ? `, base URL ${listing.baseUrl}` : ''}${listing.syncIntervalMinutes ? `, pull every ${listing.syncIntervalMinutes} min` : ''}\n`);
          process.stdout.write(`webhook URL: <your public base URL>${listing.webhookPath}\n`);
        }
      } finally {
        await store.close();
      }
    });
  connectors
    .command('list')
    .description('show the sources of a workspace and how each is set up (secrets by name only)')
    .requiredOption('--workspace <slug>', 'workspace slug')
    .option('--json', 'print JSON')
    .action(async (options: { workspace: string; json?: boolean }) => {
      const store = await openConfiguredStore(readConfig(), 'funnelgraph connectors list');
      try {
        const workspace = await requireWorkspace(store.dataSource.manager, options.workspace);
        const listing = await listConnectors(store.dataSource, workspace.id, workspace.slug);
        if (options.json) process.stdout.write(`${JSON.stringify(listing)}\n`);
        else for (const c of listing) process.stdout.write(`${c.source.padEnd(10)} ${c.configured ? `secrets: ${c.secrets.join(', ')}` : 'not set up'}${c.baseUrl ? ` · ${c.baseUrl}` : ''}${c.syncIntervalMinutes ? ` · every ${c.syncIntervalMinutes} min` : ''} · webhook ${c.webhookPath}\n`);
      } finally {
        await store.close();
      }
    });
  connectors
    .command('remove')
    .description('remove a source’s set-up and its stored secrets')
    .requiredOption('--workspace <slug>', 'workspace slug')
    .requiredOption('--source <name>', 'source')
    .action(async (options: { workspace: string; source: string }) => {
      const store = await openConfiguredStore(readConfig(), 'funnelgraph connectors remove');
      try {
        const workspace = await requireWorkspace(store.dataSource.manager, options.workspace);
        const removed = await removeConnectorSettings(store.dataSource, workspace.id, options.source);
        process.stdout.write(removed ? `removed ${options.source} from "${workspace.slug}"\n` : `${options.source} was not set up for "${workspace.slug}"\n`);
      } finally {
        await store.close();
      }
    });
}

function settingsInput(options: AddOptions): ConnectorSettingsInput {
  if (options.apiKey && options.apiKeyFile) throw new UserInputError('give --api-key or --api-key-file, not both');
  if (options.webhookPublicKey && options.source !== 'sendgrid') throw new UserInputError('--webhook-public-key is for SendGrid’s Signed Event Webhook; other sources use --webhook-secret');
  if (options.webhookVerifyToken && options.source !== 'whatsapp') throw new UserInputError('--webhook-verify-token is for WhatsApp’s subscription handshake');
  const input: ConnectorSettingsInput = {
    apiKey: options.apiKeyFile ? readFileOption('--api-key-file', options.apiKeyFile) : options.apiKey,
    baseUrl: options.baseUrl,
    webhookSecret: options.webhookSecret,
    webhookVerifyToken: options.webhookVerifyToken,
    webhookPublicKey: options.webhookPublicKey ? readFileOption('--webhook-public-key', options.webhookPublicKey) : undefined,
  };
  if (options.syncEvery !== undefined) {
    const minutes = Number(options.syncEvery);
    if (!Number.isInteger(minutes)) throw new UserInputError(`--sync-every must be a whole number of minutes (got "${options.syncEvery}")`);
    input.syncIntervalMinutes = minutes;
  }
  return input;
}

function readFileOption(flag: string, file: string): string {
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch (error) {
    throw new UserInputError(`${flag} ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
}
