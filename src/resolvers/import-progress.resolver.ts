import { GraphQLError } from 'graphql';
import { Arg, ID, Resolver, Root, Subscription } from 'type-graphql';
import { ImportProgressType, ImportStatusEnum } from '../schema/import-progress';
import type { RequestContext } from '../server/context';
import type { ImportProgressEvent } from '../services/imports/progress';
import { subscribeImportProgress } from '../services/imports/progress-subscription';
import { parseId } from './ids';

/**
 * graphql-ws sends a failed subscription's errors without the HTTP error mapper (server/errors.ts): the domain
 * error's code (NOT_FOUND, BAD_USER_INPUT) is put in extensions here so that the client can tell them apart.
 */
function withCode(error: unknown): never {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') throw new GraphQLError((error as Error).message, { extensions: { code }, originalError: error as Error });
  throw error;
}

@Resolver(() => ImportProgressType)
export class ImportProgressResolver {
  @Subscription(() => ImportProgressType, {
    description:
      'Progress of one import (POST /imports or importFile) of this workspace: its current state first, then an event after each committed batch; completes after the final SUCCEEDED or FAILED event.',
    subscribe: async ({ args, context }) => {
      const { leadEvents, manager, workspaceId } = context as RequestContext;
      if (!leadEvents) throw new Error('importProgress needs the server’s pub/sub (it is served over graphql-ws only)');
      try {
        // The workspace comes from the connection's API key: another workspace's import is NOT_FOUND.
        return await subscribeImportProgress({ manager, bus: leadEvents, workspaceId }, parseId((args as { importId: string }).importId, 'import'));
      } catch (error) {
        return withCode(error);
      }
    },
  })
  importProgress(@Root() event: ImportProgressEvent, @Arg('importId', () => ID) _importId: string): ImportProgressType {
    const { workspaceId: _workspace, ...progress } = event;
    return { ...progress, status: ImportStatusEnum[event.status] };
  }
}
