import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { Logger } from 'pino';

const KNOWN_CODES = new Set(['BAD_USER_INPUT', 'NOT_FOUND', 'UNAUTHENTICATED', 'FORBIDDEN']);

/**
 * The one error mapper: domain errors carry a code (services/errors.ts) and reach the client with their message;
 * GraphQL's own validation errors pass as they are; anything else is logged and masked.
 */
export function formatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const code = (original as { code?: unknown } | undefined)?.code;
    if (typeof code === 'string' && KNOWN_CODES.has(code)) {
      return { ...formatted, message: (original as Error).message, extensions: { ...formatted.extensions, code } };
    }
    // type-graphql's @Authorized failures: the key is valid, its scope is too small.
    if (formatted.extensions?.code === 'UNAUTHORIZED' || formatted.extensions?.code === 'FORBIDDEN') {
      return { message: 'this API key’s scope does not allow this operation (mutations need a write or admin key)', extensions: { code: 'FORBIDDEN' }, path: formatted.path };
    }
    if (original instanceof GraphQLError || formatted.extensions?.code !== 'INTERNAL_SERVER_ERROR') return formatted;
    logger.error({ err: original, path: formatted.path }, 'unexpected error in a resolver');
    return { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' }, path: formatted.path };
  };
}

export function authenticationError(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}
