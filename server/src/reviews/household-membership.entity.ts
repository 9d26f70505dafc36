import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Person } from './person.entity';

const PARTIAL_DATE = `'^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$'`;

@ObjectType({
  description:
    'A time a person lived in a household: "Mr B lived in household 1 from around April 2022, unknown to agencies"',
})
@Index('ix_household_membership_person_id', ['personId', 'position'])
@Check('ck_household_membership_household', `length(btrim(household)) > 0`)
@Check('ck_household_membership_from', `from_on ~ ${PARTIAL_DATE}`)
@Check('ck_household_membership_to', `to_on ~ ${PARTIAL_DATE}`)
@Entity({ name: 'household_membership' })
export class HouseholdMembership {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'person_id', type: 'uuid' })
  @ForeignKey(() => Person, { name: 'household_membership_person_id_fkey', onDelete: 'CASCADE' })
  personId: string;

  /** Order of the person's memberships as entered. */
  @Column({ type: 'integer', default: 0 })
  position: number;

  @Field({ description: 'The household, e.g. "Household 1"' })
  @Column({ type: 'text' })
  household: string;

  @Field(() => String, { nullable: true, description: 'From: YYYY-MM-DD, YYYY-MM or YYYY' })
  @Column({ name: 'from_on', type: 'text', nullable: true })
  from: string | null;

  @Field(() => String, { nullable: true, description: 'To: YYYY-MM-DD, YYYY-MM or YYYY' })
  @Column({ name: 'to_on', type: 'text', nullable: true })
  to: string | null;

  @Field({ description: 'Whether agencies knew the person lived there' })
  @Column({ name: 'known_to_agencies', type: 'boolean', default: true })
  knownToAgencies: boolean;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  note: string | null;
}
