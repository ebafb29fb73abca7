import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum ImportStatusEnum {
  RUNNING = 'RUNNING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
}

registerEnumType(ImportStatusEnum, { name: 'ImportStatus', description: 'Where an import run is: still running, or finished one way or the other.' });

@ObjectType('ImportProgress', {
  description:
    'Progress of an import run by the server, after each committed batch. The first event is the run’s state from the database, where the file’s read position is not kept (those fields are then null).',
})
export class ImportProgressType {
  @Field(() => ID)
  importId!: number;

  @Field(() => String, { nullable: true, description: 'The file being read.' })
  file!: string | null;

  @Field(() => Int, { nullable: true, description: 'Rows of `file` read so far.' })
  rowsRead!: number | null;

  @Field(() => Int, { nullable: true, description: 'Records of `file` written so far.' })
  recordsWritten!: number | null;

  @Field(() => Float, { nullable: true })
  bytesRead!: number | null;

  @Field(() => Float, { nullable: true, description: 'Size of `file` in bytes.' })
  bytesTotal!: number | null;

  @Field(() => ImportStatusEnum)
  status!: ImportStatusEnum;

  @Field(() => Int, { description: 'Records of the whole run that changed the database so far.' })
  imported!: number;

  @Field(() => Int, { description: 'Records of the whole run already there with the same values.' })
  duplicates!: number;

  @Field(() => Int, { description: 'Rows of the whole run rejected so far.' })
  rejected!: number;
}
