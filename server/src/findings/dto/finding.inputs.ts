import { Field, ID, InputType, PartialType } from '@nestjs/graphql';
import {
  BOARD_ACTION_STATUSES,
  BoardActionStatusName,
  FINDING_CATEGORIES,
  FindingCategoryName,
} from '@scr/shared';
import { ArrayMaxSize, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsCalendarDay, IsNotBlank, TrimToNull } from '../../common/validators';
import { BoardActionStatus, FindingCategory } from '../../graphql/enums';

@InputType({ description: 'A finding; on update, fields left out keep their value' })
export class FindingInput {
  @Field()
  @IsNotBlank()
  @MaxLength(500)
  title: string;

  @Field(() => FindingCategory)
  @IsIn(FINDING_CATEGORIES)
  category: FindingCategoryName;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @TrimToNull()
  @MaxLength(5000)
  statement?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @TrimToNull()
  @MaxLength(50000)
  manifestation?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @TrimToNull()
  @MaxLength(50000)
  prevalence?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @TrimToNull()
  @MaxLength(50000)
  significance?: string | null;

  @Field(() => [String], { nullable: true, description: 'Questions for the board, in order' })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsNotBlank({ each: true, message: 'questions must not contain an empty question' })
  @MaxLength(2000, { each: true })
  questions?: string[];

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true, message: 'episodeIds must be ids' })
  episodeIds?: string[];

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true, message: 'factorIds must be ids' })
  factorIds?: string[];

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true, message: 'eventIds must be ids' })
  eventIds?: string[];

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  themeKeys?: string[];
}

@InputType()
export class BoardActionInput {
  @Field()
  @IsNotBlank()
  @MaxLength(5000)
  description: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'owningAgencyId must be an id' })
  owningAgencyId?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  @IsOptional()
  @IsCalendarDay()
  dueDate?: string | null;

  @Field(() => BoardActionStatus, { nullable: true })
  @IsOptional()
  @IsIn(BOARD_ACTION_STATUSES)
  status?: BoardActionStatusName;

  @Field(() => String, { nullable: true, description: 'Required when the status is DROPPED' })
  @IsOptional()
  @TrimToNull()
  @MaxLength(5000)
  droppedReason?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @TrimToNull()
  @MaxLength(20000)
  impactNote?: string | null;
}

@InputType()
export class UpdateBoardActionInput extends PartialType(BoardActionInput) {}
