import { createPubSub } from '@graphql-yoga/subscription';
import type { GraphQLSchema } from 'graphql';
import { buildSchema, type AuthChecker, type PubSub } from 'type-graphql';
import { RESOLVERS } from '../resolvers';
import { hasScope } from '../services/api-keys';
import type { ApiKeyScope } from '../domain/model';
import type { RequestContext } from './context';

/** `@Authorized('write')` on a mutation: the key's scope must reach it (read < write < admin). */
const authChecker: AuthChecker<RequestContext> = ({ context }, roles) =>
  roles.every((role) => hasScope(context.principal, role as ApiKeyScope));

export function buildGraphQLSchema(pubSub: PubSub = createPubSub() as unknown as PubSub): Promise<GraphQLSchema> {
  return buildSchema({ resolvers: RESOLVERS, authChecker, pubSub, validate: false });
}
