import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { specifiedRules, validate, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { WebSocketServer } from 'ws';
import { authenticateApiKey } from '../services/api-keys';
import { missingCipher, type SecretCipher } from '../services/connectors/cipher';
import type { LeadEventBus } from '../services/engagement/bus';
import { startEngagementSweep } from '../services/engagement/sweep';
import type { Store } from '../store/data-source';
import { exportRoutes } from './routes/export';
import { importRoutes } from './routes/imports';
import { webhookRoutes } from './routes/webhooks';
import { createRequestContext, type RequestContext } from './context';
import { authenticationError, formatError } from './errors';
import { createLogger } from './logger';
import { redactRequest } from './redact-url';
import { createEventPubSub, type EventPubSub } from './pubsub';
import { costLimitPlugin, depthLimitRule } from './query-limits';
import { buildGraphQLSchema } from './schema';
import { createServiceMetrics, type ServiceMetrics } from './service-metrics';

export interface ServerOptions {
  store: Store;
  port?: number;
  host?: string;
  logger?: Logger;
  /** The subscriptions' pub/sub (server/pubsub.ts); default: a new in-memory one, closed with the server. */
  pubSub?: EventPubSub;
  /** Re-rate tiers whose window lost a message every this many ms (the engagement sweep); unset or 0: no sweep. */
  sweepIntervalMs?: number;
  /** Query limits (defaults in query-limits.ts). */
  limits?: { maxDepth?: number; maxCost?: number };
  /** Encrypts stored connector credentials (services/connectors/cipher.ts cipherFromConfig); unset: set-up is refused with a clear error. */
  cipher?: SecretCipher;
  /** The base URL vendors call (FUNNELGRAPH_PUBLIC_URL), for webhook signatures over the full URL (HubSpot). */
  publicUrl?: string;
  /** The clock webhook signatures are checked against (tests pin it). */
  now?: () => Date;
}

export interface RunningServer {
  url: string;
  wsUrl: string;
  port: number;
  httpServer: Server;
  schema: GraphQLSchema;
  metrics: ServiceMetrics;
  leadEvents: LeadEventBus;
  close(): Promise<void>;
}

/** The API: GraphQL over HTTP and graphql-ws on one port and path, plus /healthz and /metrics. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { store } = options;
  const logger = options.logger ?? createLogger();
  const mapError = formatError(logger);
  const events = options.pubSub ?? createEventPubSub();
  const cipher = options.cipher ?? missingCipher('this server was started without a key for connector credentials: set FUNNELGRAPH_SECRET_KEY');
  const schema = await buildGraphQLSchema(events.pubSub);
  const metrics = createServiceMetrics();
  const depthRule = depthLimitRule(options.limits?.maxDepth);
  const app = express();
  const httpServer = createServer(app);

  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql' });
  const wsCleanup = useServer<Record<string, unknown>, { context?: RequestContext }>(
    {
      schema,
      validate: (schemaToCheck, document) => validate(schemaToCheck, document, [...specifiedRules, depthRule]),
      // The key travels in connectionParams.authorization; a missing or wrong key closes the socket (4403).
      onConnect: async (ctx) => {
        try {
          const principal = await authenticateApiKey(store.dataSource, String(ctx.connectionParams?.authorization ?? ''));
          ctx.extra.context = createRequestContext(store.dataSource, principal, events, cipher);
          return true;
        } catch {
          return false;
        }
      },
      // The one error mapper serves both transports: domain errors keep their code, unknown ones are masked.
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors?.length ? { ...result, errors: result.errors.map((error) => mapError(error.toJSON(), error)) } : undefined,
      onError: (_ctx, _id, _payload, errors) => errors.map((error) => mapError(error.toJSON(), error)),
      // Fresh loaders per operation: a subscription must never serve rows cached at connect time.
      context: (ctx) => createRequestContext(store.dataSource, ctx.extra.context!.principal, events, cipher),
    },
    wsServer,
  );

  const apollo = new ApolloServer<RequestContext>({
    schema,
    validationRules: [depthRule],
    formatError: mapError,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      costLimitPlugin(schema, options.limits?.maxCost),
      { async serverWillStart() { return { async drainServer() { await wsCleanup.dispose(); } }; } },
      {
        async requestDidStart() {
          return {
            async willSendResponse({ operation, errors }) {
              metrics.graphqlOperations.inc({ operation: operation?.operation ?? 'unknown', outcome: errors?.length ? 'error' : 'ok' });
            },
          };
        },
      },
    ],
  });
  await apollo.start();

  app.use(pinoHttp({ logger, serializers: { req: redactRequest }, autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/metrics' } }));
  app.use((req, res, next) => {
    const end = metrics.httpRequests.startTimer({ method: req.method });
    res.on('finish', () => end({ route: routeLabel(req.path), status: String(res.statusCode) }));
    next();
  });
  app.get('/healthz', async (_req, res) => {
    try {
      await store.dataSource.query('SELECT 1');
      res.json({ status: 'ok', database: store.kind });
    } catch (error) {
      res.status(503).json({ status: 'unavailable', database: store.kind, error: (error as Error).message });
    }
  });
  app.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  app.use(importRoutes(store.dataSource, events));
  app.use(webhookRoutes({ dataSource: store.dataSource, cipher, leadEvents: events, publicUrl: options.publicUrl, now: options.now }));
  app.use(exportRoutes(store.dataSource));
  app.use(
    '/graphql',
    express.json({ limit: '10mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        try {
          const principal = await authenticateApiKey(store.dataSource, req.headers.authorization);
          return createRequestContext(store.dataSource, principal, events, cipher);
        } catch (error) {
          throw authenticationError((error as Error).message);
        }
      },
    }),
  );

  await new Promise<void>((resolve) => httpServer.listen(options.port ?? 4000, options.host ?? '0.0.0.0', resolve));
  const sweep = options.sweepIntervalMs
    ? startEngagementSweep(store.dataSource, events, options.sweepIntervalMs, (err) => logger.error({ err }, 'engagement sweep failed'),
        (result) => result.contactsRefreshed && logger.info(result, 'engagement sweep'))
    : null;
  const port = (httpServer.address() as AddressInfo).port;
  const host = options.host && options.host !== '0.0.0.0' ? options.host : 'localhost';
  return {
    url: `http://${host}:${port}/graphql`,
    wsUrl: `ws://${host}:${port}/graphql`,
    port,
    httpServer,
    schema,
    metrics,
    leadEvents: events,
    async close() {
      await sweep?.stop();
      await apollo.stop();
      wsServer.close();
      if (!options.pubSub) await events.close();
    },
  };
}

/** Route label for metrics: webhook paths carry workspace slugs and secrets, which must not become labels. */
function routeLabel(path: string): string {
  if (path.startsWith('/webhooks/')) return `/webhooks/${path.split('/')[2] ?? ''}`;
  return ['/graphql', '/healthz', '/metrics'].includes(path) ? path : 'other';
}
