import { Field, ID, InputType, PartialType } from '@nestjs/graphql';
import {
  CONTACT_TYPES,
  ContactTypeName,
  DATE_PRECISIONS,
  DatePrecisionName,
  TEXT_LIMITS,
} from '@scr/shared';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsNotBlank, MayBeOmittedNotNull, TrimToNull } from '../../common/validators';
import { ContactType, DatePrecision } from '../../graphql/enums';

@InputType({ description: 'A person the event names, with the contact it had with them' })
export class PersonContactInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'personId must be an id' })
  personId: string;

  @Field(() => ContactType)
  @IsIn(CONTACT_TYPES)
  contact: ContactTypeName;
}

@InputType()
export class TimelineEventInput {
  @Field({ description: 'YYYY-MM-DD, YYYY-MM or YYYY' })
  @IsString()
  @MaxLength(TEXT_LIMITS.eventDate)
  occurredOn: string;

  @Field(() => DatePrecision, { nullable: true, description: "Defaults to the date string's own" })
  @IsOptional()
  @IsIn(DATE_PRECISIONS)
  precision?: DatePrecisionName | null;

  @Field(() => String, { nullable: true, description: 'Time of day HH:MM' })
  @IsOptional()
  @Matches(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, { message: 'timeOfDay must be a time HH:MM' })
  timeOfDay?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'agencyId must be an id' })
  agencyId?: string | null;

  @Field()
  @IsNotBlank()
  @MaxLength(TEXT_LIMITS.eventTitle)
  title: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @TrimToNull()
  @MaxLength(TEXT_LIMITS.eventDescription)
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'Which record or conversation it came from' })
  @IsOptional()
  @TrimToNull()
  @MaxLength(TEXT_LIMITS.eventSource)
  source?: string | null;

  @Field(() => [ID], { nullable: true, description: 'People of the register involved' })
  @MayBeOmittedNotNull()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true, message: 'personIds must be ids' })
  personIds?: string[];

  @Field(() => [PersonContactInput], {
    nullable: true,
    description:
      'People with their contact type. With personIds, the people are both lists; a person only in personIds keeps the contact recorded before, or is MENTIONED',
  })
  @MayBeOmittedNotNull()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => PersonContactInput)
  personContacts?: PersonContactInput[];
}

/** The same fields as TimelineEventInput, each optional: what is left out keeps its value. */
@InputType()
export class UpdateTimelineEventInput extends PartialType(TimelineEventInput, {
  skipNullProperties: false,
}) {}

@InputType()
export class CommentInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'eventId must be an id' })
  eventId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'episodeId must be an id' })
  episodeId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'findingId must be an id' })
  findingId?: string | null;

  @Field()
  @IsNotBlank()
  @MaxLength(TEXT_LIMITS.commentBody)
  body: string;
}
