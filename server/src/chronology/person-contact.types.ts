import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ContactTypeName } from '@scr/shared';
import { ContactType } from '../graphql/enums';
import { Person } from '../reviews/person.entity';

@ObjectType({ description: 'A person an event names, with the contact the event had with them' })
export class EventPersonContact {
  @Field(() => Person)
  person: Person;

  @Field(() => ContactType)
  contact: ContactTypeName;
}

@ObjectType({ description: 'How many events of one agency had each kind of contact with a person' })
export class AgencyContactCounts {
  @Field(() => ID, { nullable: true, description: 'Null for events recorded without an agency' })
  agencyId: string | null;

  @Field(() => Int)
  seen: number;

  @Field(() => Int)
  seenAlone: number;

  @Field(() => Int)
  spokenTo: number;

  @Field(() => Int, { description: 'Events that only mention the person: no contact' })
  mentioned: number;

  @Field(() => Int)
  total: number;
}

@ObjectType({ description: 'The events naming a person, counted by the contact they had' })
export class ContactSummary {
  @Field(() => Int)
  seen: number;

  @Field(() => Int)
  seenAlone: number;

  @Field(() => Int)
  spokenTo: number;

  @Field(() => Int, { description: 'Events that only mention the person: no contact' })
  mentioned: number;

  @Field(() => Int)
  total: number;

  @Field(() => [AgencyContactCounts], { description: 'The same counts by agency' })
  byAgency: AgencyContactCounts[];
}
