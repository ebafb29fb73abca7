import path from 'node:path';

/** The environment variables of api.md; every one is optional on the embedded default. */
export interface Config {
  databaseUrl?: string;
  redisUrl?: string;
  port: number;
  secretKey?: string;
  /** Where embedded PGlite keeps its files when DATABASE_URL is unset. */
  dataDir: string;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = env.PORT ? Number(env.PORT) : 4000;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number (got ${JSON.stringify(env.PORT)})`);
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    redisUrl: env.REDIS_URL || undefined,
    port,
    secretKey: env.FUNNELGRAPH_SECRET_KEY || undefined,
    dataDir: path.resolve(env.FUNNELGRAPH_DATA_DIR || 'data'),
  };
}
