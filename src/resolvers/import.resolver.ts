import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { getImport, notesOf } from '../services/imports';
import { importUpload } from '../services/import-upload';
import { Connection, PageArgs } from '../schema/connection';
import { ImportRunType, RejectedRowType } from '../schema/import-run';
import type { RequestContext } from '../server/context';
import { listImports } from '../services/imports';

@ObjectType()
class ImportRunConnection extends Connection(ImportRunType, 'ImportRun') {}

@Resolver(() => ImportRunType)
export class ImportResolver {
  @Query(() => ImportRunConnection, { description: 'Past imports with their counts, newest first.' })
  imports(@Args() page: PageArgs, @Ctx() context: RequestContext) {
    return listImports(context.manager, context.workspaceId, page);
  }

  @Authorized('write')
  @Mutation(() => ImportRunType, {
    description: 'Imports a file sent as text (up to 8 MiB; POST /imports takes larger files as a raw body). Same rules as the CLI import.',
  })
  async importFile(
    @Arg('source') source: string,
    @Arg('fileName') fileName: string,
    @Arg('content') content: string,
    @Arg('kind', () => String, { nullable: true }) kind: string | null,
    @Arg('strict', { defaultValue: false }) strict: boolean,
    @Arg('timezone', { defaultValue: 'UTC' }) timezone: string,
    @Ctx() context: RequestContext,
  ) {
    const summary = await importUpload(context.dataSource, { workspaceId: context.workspaceId, source, fileName, kind: kind ?? undefined, strict, timezone }, content, 8 * 1024 * 1024, context.leadEvents);
    return getImport(context.manager, context.workspaceId, summary.importId);
  }

  @FieldResolver(() => [String], { description: 'What the run has to tell besides its counts: each file’s notes (e.g. the time zone an export was read in) and warnings (e.g. a pull stream the account does not have).' })
  notes(@Root() run: ImportRunType & { summary?: Record<string, unknown> }) {
    return notesOf(run.summary);
  }

  @FieldResolver(() => [RejectedRowType], { description: 'Rows this import could not use, with file, line, field and reason.' })
  rejectedRows(@Root() run: ImportRunType, @Ctx() context: RequestContext) {
    return context.loaders.rejectedRowsByImport.load(run.id);
  }
}
