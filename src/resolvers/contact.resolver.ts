import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { LifecycleStage } from '../domain/model';
import { Connection, PageArgs } from '../schema/connection';
import { Contact, ContactIdentityType, DealType, EngagementEventNode, LifecycleStageChangeType } from '../schema/contact';
import { LifecycleStageEnum } from '../schema/enums';
import type { RequestContext } from '../server/context';
import { getContact, listContacts } from '../services/contacts';
import { parseId } from './ids';

@InputType()
class ContactFilter {
  @Field(() => [LifecycleStageEnum], { nullable: true })
  stages?: LifecycleStage[];

  @Field(() => String, { nullable: true })
  email?: string;

  @Field(() => Date, { nullable: true })
  lastActivityAfter?: Date;
}

@ObjectType()
export class ContactConnection extends Connection(Contact, 'Contact') {}

/** Cost of a nested list: its expected length times what each item asks for. */
const listOf = (length: number) => ({ childComplexity }: { childComplexity: number }) => 1 + length * childComplexity;

export const pageComplexity = ({ args, childComplexity }: { args: { first?: number }; childComplexity: number }) => 1 + (args.first ?? 50) * childComplexity;

@Resolver(() => Contact)
export class ContactResolver {
  @Query(() => ContactConnection, { description: 'All contacts (one person across sources), newest first.', complexity: pageComplexity })
  contacts(@Args() page: PageArgs, @Arg('filter', () => ContactFilter, { nullable: true }) filter: ContactFilter | null, @Ctx() context: RequestContext) {
    return listContacts(context.manager, context.workspaceId, filter ?? {}, page);
  }

  @Query(() => Contact, { description: 'One lead (any contact) by id; a merged contact answers with the one it was merged into.' })
  lead(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext) {
    return getContact(context.manager, context.workspaceId, parseId(id, 'lead'));
  }

  @FieldResolver(() => [ContactIdentityType])
  identities(@Root() contact: Contact, @Ctx() context: RequestContext) {
    return context.loaders.identitiesByContact.load(contact.id);
  }

  @FieldResolver(() => [DealType], { complexity: listOf(10) })
  deals(@Root() contact: Contact, @Ctx() context: RequestContext) {
    return context.loaders.dealsByContact.load(contact.id);
  }

  @FieldResolver(() => [LifecycleStageChangeType], { description: 'Every stage change, oldest first, with its cause.', complexity: listOf(10) })
  stageHistory(@Root() contact: Contact, @Ctx() context: RequestContext) {
    return context.loaders.stageHistoryByContact.load(contact.id);
  }

  @FieldResolver(() => [EngagementEventNode], { description: 'The latest 100 engagement events, newest first.', complexity: listOf(100) })
  events(@Root() contact: Contact, @Ctx() context: RequestContext) {
    return context.loaders.recentEventsByContact.load(contact.id);
  }
}
