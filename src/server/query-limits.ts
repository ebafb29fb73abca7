import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type GraphQLSchema, separateOperations } from 'graphql';
import depthLimit from 'graphql-depth-limit';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';

/** Limits checked before execution: a too-deep or too-costly query is refused with a clear message. */
export const MAX_QUERY_DEPTH = 10;
export const MAX_QUERY_COST = 20_000;

/** graphql-depth-limit as a validation rule (runs with GraphQL's own validation; introspection is not counted). */
export const depthLimitRule = (maxDepth = MAX_QUERY_DEPTH) => depthLimit(maxDepth);

/**
 * graphql-query-complexity: every field costs 1, list fields multiply by their page size (declared on the
 * field with type-graphql's `complexity`), and the operation's total must stay under MAX_QUERY_COST.
 */
export function costLimitPlugin(schema: GraphQLSchema, maxCost = MAX_QUERY_COST): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const query = request.operationName ? separateOperations(document)[request.operationName] : document;
          const cost = getComplexity({
            schema,
            query: query ?? document,
            variables: request.variables ?? {},
            estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
          });
          if (cost > maxCost) {
            throw new GraphQLError(`query cost ${cost} is over the limit of ${maxCost}: ask for smaller pages (first) or fewer nested lists`, {
              extensions: { code: 'QUERY_TOO_COSTLY', cost, maxCost, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
