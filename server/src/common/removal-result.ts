import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType({
  description:
    'What a removal does. With dryRun: true nothing is removed and `consequences` says what would go, for the client to confirm.',
})
export class RemovalResult {
  @Field()
  removed: boolean;

  @Field(() => [String], { description: 'What else goes or changes with it, in words' })
  consequences: string[];
}

export const plural = (count: number, one: string, many = `${one}s`) =>
  `${count} ${count === 1 ? one : many}`;
