import { Field, ID, ObjectType } from '@nestjs/graphql';
import { User } from '../user.entity';

@ObjectType({
  description: 'An account found to add as a member: who it is, never its role',
})
export class AccountMatch {
  @Field(() => ID)
  id: string;

  @Field()
  displayName: string;

  @Field()
  email: string;
}

@ObjectType()
export class PasswordReset {
  @Field(() => User)
  user: User;

  @Field(() => String, {
    nullable: true,
    description: 'The generated password, shown this once; null when the administrator chose one',
  })
  generatedPassword: string | null;
}
