import { Field, InputType, Int, ObjectType } from 'type-graphql';
import type { LinkCategory } from '../domain/model';
import { LinkCategoryEnum } from './enums';

@ObjectType('LinkRule', { description: 'URL pattern → link category: a case-insensitive substring, or /a regular expression/. Lower priority is tried first.' })
export class LinkRuleType {
  @Field()
  pattern!: string;

  @Field(() => LinkCategoryEnum)
  category!: LinkCategory;

  @Field(() => Int)
  priority!: number;
}

@InputType()
export class LinkRuleInput {
  @Field()
  pattern!: string;

  @Field(() => LinkCategoryEnum)
  category!: LinkCategory;

  @Field(() => Int, { defaultValue: 100 })
  priority!: number;
}

@ObjectType()
export class LinkRulesUpdate {
  @Field(() => [LinkRuleType])
  rules!: LinkRuleType[];

  @Field(() => Int, { description: 'Known links whose category changed (their messages’ facts were re-derived).' })
  linksChanged!: number;
}
