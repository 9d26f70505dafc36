import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@scr/shared';
import { Transform } from 'class-transformer';
import {
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { Role } from '../user.entity';

@ArgsType()
export class AccountVersionArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be an account id' })
  id: string;

  @Field(() => Int, { description: 'The version of the account you saw; a stale one is CONFLICT' })
  @IsInt()
  @Min(1)
  expectedVersion: number;
}

@ArgsType()
export class ChangeRoleArgs extends AccountVersionArgs {
  @Field(() => Role)
  @IsEnum(Role, { message: `role must be one of ${Object.values(Role).join(', ')}` })
  role: Role;
}

@ArgsType()
export class ResetPasswordArgs extends AccountVersionArgs {
  @Field(() => String, {
    nullable: true,
    description: 'The new password; leave it out to have one generated and shown once',
  })
  @IsOptional()
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH, {
    message: `Password must be at least ${PASSWORD_MIN_LENGTH} characters long.`,
  })
  @MaxLength(PASSWORD_MAX_LENGTH, {
    message: `Password must be at most ${PASSWORD_MAX_LENGTH} characters long.`,
  })
  newPassword?: string | null;
}

@ArgsType()
export class FindAccountsArgs {
  @Field({ description: 'Part of a name or email, at least 2 characters' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(2, { message: 'Type at least 2 characters of a name or email.' })
  @MaxLength(100, { message: 'search must be at most 100 characters long' })
  search: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'reviewId must be a review id' })
  reviewId: string;
}
