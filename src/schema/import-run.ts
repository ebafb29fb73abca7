import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType('RejectedRow', { description: 'A row an import could not use: nothing the user sent is silently dropped.' })
export class RejectedRowType {
  @Field()
  file!: string;

  @Field(() => Int)
  line!: number;

  @Field(() => String, { nullable: true })
  field!: string | null;

  @Field()
  reason!: string;

  @Field()
  raw!: string;
}

@ObjectType('ImportRun')
export class ImportRunType {
  @Field(() => ID)
  id!: number;

  @Field()
  source!: string;

  @Field(() => [String])
  files!: string[];

  @Field({ description: 'RUNNING, SUCCEEDED or FAILED.' })
  status!: string;

  @Field()
  startedAt!: Date;

  @Field(() => Date, { nullable: true })
  finishedAt!: Date | null;

  @Field(() => Int)
  imported!: number;

  @Field(() => Int)
  duplicates!: number;

  @Field(() => Int)
  rejected!: number;

  @Field(() => String, { nullable: true })
  error!: string | null;
}
