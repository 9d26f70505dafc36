import { Field, ID, InputType, PartialType } from '@nestjs/graphql';
import {
  CONVERSATION_FORMATS,
  CONVERSATION_KINDS,
  ConversationFormatName,
  ConversationKindName,
  DATE_PRECISIONS,
  DatePrecisionName,
  TEXT_LIMITS,
} from '@scr/shared';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsOptional, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { IsNotBlank, MayBeOmittedNotNull, TrimToNull } from '../../common/validators';
import { ConversationFormat, ConversationKind, DatePrecision } from '../../graphql/enums';

@InputType({ description: 'Someone who took part, by role and agency: no names' })
export class ConversationParticipantInput {
  @Field()
  @IsNotBlank()
  @MaxLength(TEXT_LIMITS.conversationRole)
  role: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'agencyId must be an id' })
  agencyId?: string | null;
}

@InputType({ description: "A conversation with practitioners, or the family's contribution" })
export class ReviewConversationInput {
  @Field(() => ConversationKind)
  @IsIn(CONVERSATION_KINDS)
  kind: ConversationKindName;

  @Field(() => ConversationFormat)
  @IsIn(CONVERSATION_FORMATS)
  format: ConversationFormatName;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, YYYY-MM or YYYY' })
  @IsOptional()
  @TrimToNull()
  @MaxLength(TEXT_LIMITS.eventDate)
  heldOn?: string | null;

  @Field(() => DatePrecision, { nullable: true, description: "Defaults to the date string's own" })
  @IsOptional()
  @IsIn(DATE_PRECISIONS)
  precision?: DatePrecisionName | null;

  @Field(() => [ConversationParticipantInput], { nullable: true, description: 'Replaces the list' })
  @MayBeOmittedNotNull()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ConversationParticipantInput)
  participants?: ConversationParticipantInput[];

  @Field(() => [ID], { nullable: true, description: "People of the review's register" })
  @MayBeOmittedNotNull()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true, message: 'familyPersonIds must be ids' })
  familyPersonIds?: string[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @TrimToNull()
  @MaxLength(TEXT_LIMITS.conversationFamily)
  familyDescription?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @TrimToNull()
  @MaxLength(TEXT_LIMITS.conversationNotes)
  notes?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Key practice episodes it informs' })
  @MayBeOmittedNotNull()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true, message: 'episodeIds must be ids' })
  episodeIds?: string[];
}

@InputType({ description: 'A conversation; fields left out keep their value' })
export class UpdateReviewConversationInput extends PartialType(ReviewConversationInput, {
  skipNullProperties: false,
}) {}
