import { Field, InputType } from '@nestjs/graphql';
import { TEXT_LIMITS } from '@scr/shared';
import { MaxLength } from 'class-validator';
import { IsNotBlank } from '../../common/validators';

@InputType({ description: "A question of the review's terms of reference" })
export class ReviewQuestionInput {
  @Field()
  @IsNotBlank()
  @MaxLength(TEXT_LIMITS.reviewQuestion)
  text: string;
}
