/**
 * SendGrid v3 API pull (source-formats.md §1.4–1.6): suppressions by time window (pull-suppressions.ts), the Email
 * Activity feed where the account has it (pull-activity.ts), category totals and daily counters (pull-stats.ts).
 * Bearer API key; `X-RateLimit-Reset` (Unix seconds) is honoured on 429 and when a window's remaining requests
 * reach 0 (the client does it).
 */
import { createVendorClient } from '../sdk/pull/http-client';
import type { ConnectorPull } from '../sdk/pull/pull';
import { ACTIVITY_LIMIT, activityStream } from './pull-activity';
import { statsStreams } from './pull-stats';
import { suppressionsStream } from './pull-suppressions';

export const SENDGRID_API = 'https://api.sendgrid.com';

/** `activityLimit`: messages per activity query (the API's maximum, 1 000, unless a test lowers it). */
export function sendgridPull(options: { now?: () => number; activityLimit?: number } = {}): ConnectorPull {
  const now = options.now ?? Date.now;
  return {
    open({ apiKey, baseUrl }) {
      const client = createVendorClient({
        source: 'sendgrid',
        baseURL: baseUrl ?? SENDGRID_API,
        headers: { authorization: `Bearer ${apiKey}` },
        fixCredentials:
          'give an API key with read access to Suppressions, Stats and Email Activity: npx funnelgraph connectors add --workspace <slug> --source sendgrid --api-key <SG.…> (EU accounts: --base-url https://api.eu.sendgrid.com)',
        maxConcurrent: 4,
      });
      const streams = [suppressionsStream(client, now), activityStream(client, now, options.activityLimit ?? ACTIVITY_LIMIT), ...statsStreams(client, now)];
      return { client, streams };
    },
  };
}
