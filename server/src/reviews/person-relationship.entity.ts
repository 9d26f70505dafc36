import { Field, ID, ObjectType } from '@nestjs/graphql';
import { PERSON_RELATIONSHIP_KINDS, PersonRelationshipKindName } from '@scr/shared';
import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Review } from './review.entity';
import { Person } from './person.entity';
import { PersonRelationshipKind } from '../graphql/enums';

@ObjectType({ description: 'A tie between two people of the review: "from" is PARENT_OF "to", …' })
@Check('ck_person_relationship_distinct', `from_person_id <> to_person_id`)
@Check('ck_person_relationship_ended_on', `ended_on ~ '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$'`)
@Index('ix_person_relationship_review', ['reviewId'])
@Index('ix_person_relationship_to_person_id', ['toPersonId'])
@Unique('uq_person_relationship', ['fromPersonId', 'toPersonId', 'kind'])
@Entity({ name: 'person_relationship' })
export class PersonRelationship {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'review_id', type: 'uuid' })
  @ForeignKey(() => Review, { name: 'person_relationship_review_id_fkey', onDelete: 'CASCADE' })
  reviewId: string;

  @Field(() => ID)
  @Column({ name: 'from_person_id', type: 'uuid' })
  @ForeignKey(() => Person, {
    name: 'person_relationship_from_person_id_fkey',
    onDelete: 'CASCADE',
  })
  fromPersonId: string;

  @Field(() => ID)
  @Column({ name: 'to_person_id', type: 'uuid' })
  @ForeignKey(() => Person, { name: 'person_relationship_to_person_id_fkey', onDelete: 'CASCADE' })
  toPersonId: string;

  @Field(() => PersonRelationshipKind)
  @Column({ type: 'enum', enum: PERSON_RELATIONSHIP_KINDS, enumName: 'person_relationship_kind' })
  kind: PersonRelationshipKindName;

  /** The relationship has ended: a partnership that separated. */
  @Column({ type: 'boolean', default: false })
  ended: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'When it ended, as known: YYYY-MM-DD, YYYY-MM or YYYY',
  })
  @Column({ name: 'ended_on', type: 'text', nullable: true })
  endedOn: string | null;

  @Field({ description: 'The partners have separated (the genogram draws one slash)' })
  get separated(): boolean {
    return this.ended;
  }
}
