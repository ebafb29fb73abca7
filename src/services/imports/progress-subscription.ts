/**
 * importProgress for one run. A subscriber learns the id only once the import has started, so it first gets the
 * run's committed state from the database, then live events. The live stream is opened (and ready) before the
 * row is read: an event committed meanwhile is in the row, in the buffer, or both; buffered events not newer than
 * what was sent are skipped. Completes after the final event (at once when the run had already finished).
 */
import { Repeater } from '@graphql-yoga/subscription';
import type { SubscriberScope } from '../engagement/subscriptions';
import { IMPORT_PROGRESS_TOPIC } from '../engagement/bus';
import { openBufferedLive } from '../engagement/live';
import { getImport } from '../imports';
import { currentImportProgress, isFinal, processedOf, type ImportProgressEvent } from './progress';

export async function subscribeImportProgress(scope: SubscriberScope, importId: number): Promise<AsyncIterableIterator<ImportProgressEvent>> {
  // An unknown id (or another workspace's) fails the subscription itself, before anything is sent.
  await getImport(scope.manager, scope.workspaceId, importId);
  return new Repeater<ImportProgressEvent>(async (push, stop) => {
    const wanted = (event: ImportProgressEvent) => event.importId === importId && event.workspaceId === scope.workspaceId;
    const live = openBufferedLive<ImportProgressEvent>(scope.bus.subscribe(IMPORT_PROGRESS_TOPIC, scope.workspaceId, (event) => wanted(event as ImportProgressEvent)), wanted);
    void stop.then(() => live.close());
    try {
      await scope.bus.ready();
      let sent = await currentImportProgress(scope.manager, scope.workspaceId, importId);
      await push(sent);
      while (!isFinal(sent)) {
        const event = await live.take();
        if (event === undefined) break;
        if (!isFinal(event) && processedOf(event) <= processedOf(sent)) continue;
        sent = event;
        await push(event);
      }
    } finally {
      stop();
      await live.close();
    }
  });
}
