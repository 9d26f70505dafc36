import { Field, ID, ObjectType } from '@nestjs/graphql';
import { PERSON_RELATIONSHIP_KINDS, PersonRelationshipKindName } from '@scr/shared';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { PersonRelationshipKind } from '../graphql/enums';

@ObjectType({ description: 'A tie between two people of the review: "from" is PARENT_OF "to", …' })
@Entity({ name: 'person_relationship' })
export class PersonRelationship {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'review_id', type: 'uuid' })
  reviewId: string;

  @Field(() => ID)
  @Column({ name: 'from_person_id', type: 'uuid' })
  fromPersonId: string;

  @Field(() => ID)
  @Column({ name: 'to_person_id', type: 'uuid' })
  toPersonId: string;

  @Field(() => PersonRelationshipKind)
  @Column({ type: 'enum', enum: PERSON_RELATIONSHIP_KINDS, enumName: 'person_relationship_kind' })
  kind: PersonRelationshipKindName;
}
