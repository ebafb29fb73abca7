import path from 'node:path';

/** The environment variables of api.md; every one is optional on the embedded default. */
export interface Config {
  databaseUrl?: string;
  redisUrl?: string;
  port: number;
  secretKey?: string;
  /** Where embedded PGlite keeps its files when DATABASE_URL is unset. */
  dataDir: string;
  /** How often `serve` re-rates tiers a message has aged out of (FUNNELGRAPH_SWEEP_SECONDS, default 300; 0 turns it off). */
  sweepSeconds: number;
  /** The externally visible base URL (FUNNELGRAPH_PUBLIC_URL), e.g. https://api.example.com: HubSpot signs the full URL it calls. */
  publicUrl?: string;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = env.PORT ? Number(env.PORT) : 4000;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number (got ${JSON.stringify(env.PORT)})`);
  const sweepSeconds = env.FUNNELGRAPH_SWEEP_SECONDS ? Number(env.FUNNELGRAPH_SWEEP_SECONDS) : 300;
  if (!Number.isFinite(sweepSeconds) || sweepSeconds < 0) {
    throw new Error(`FUNNELGRAPH_SWEEP_SECONDS must be a number of seconds, 0 to turn the sweep off (got ${JSON.stringify(env.FUNNELGRAPH_SWEEP_SECONDS)})`);
  }
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    redisUrl: env.REDIS_URL || undefined,
    port,
    secretKey: env.FUNNELGRAPH_SECRET_KEY || undefined,
    dataDir: path.resolve(env.FUNNELGRAPH_DATA_DIR || 'data'),
    sweepSeconds,
    publicUrl: publicUrlOf(env.FUNNELGRAPH_PUBLIC_URL),
  };
}

function publicUrlOf(value: string | undefined): string | undefined {
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`FUNNELGRAPH_PUBLIC_URL must be the URL vendors call, e.g. https://api.example.com (got ${JSON.stringify(value)})`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`FUNNELGRAPH_PUBLIC_URL must be http or https (got ${url.protocol})`);
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
