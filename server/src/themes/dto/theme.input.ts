import { Field, InputType } from '@nestjs/graphql';
import { TEXT_LIMITS, THEME_KINDS, ThemeKindName } from '@scr/shared';
import { IsIn, IsOptional, Matches, MaxLength } from 'class-validator';
import { IsNotBlank } from '../../common/validators';
import { ThemeKind } from '../../graphql/enums';

@InputType()
export class ThemeInput {
  @Field({ description: 'Stable slug, e.g. "parental-mental-health"' })
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, {
    message: 'key must be a slug of lower-case letters, digits and single hyphens',
  })
  @MaxLength(TEXT_LIMITS.themeKey)
  key: string;

  @Field()
  @IsNotBlank()
  @MaxLength(TEXT_LIMITS.themeLabel)
  label: string;

  @Field(() => ThemeKind)
  @IsIn(THEME_KINDS)
  kind: ThemeKindName;

  @Field(() => String, {
    nullable: true,
    description:
      'The broader theme this one sits under: an existing theme of the same kind (a review then counts under it too)',
  })
  @IsOptional()
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, {
    message: 'broaderKey must be a slug of lower-case letters, digits and single hyphens',
  })
  @MaxLength(TEXT_LIMITS.themeKey)
  broaderKey?: string | null;
}
