import { Args, Ctx, FieldResolver, ObjectType, Query, Resolver, Root } from 'type-graphql';
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

  @FieldResolver(() => [RejectedRowType], { description: 'Rows this import could not use, with file, line, field and reason.' })
  rejectedRows(@Root() run: ImportRunType, @Ctx() context: RequestContext) {
    return context.loaders.rejectedRowsByImport.load(run.id);
  }
}
