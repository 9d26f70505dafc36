import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { updateVersioned } from '../database/versioned-update';
import { DummyValue, GenerateSql } from '../database/generate-sql';
import { BaseRepository } from '../database/unit-of-work';
import { HouseholdMembership } from './household-membership.entity';
import { Person } from './person.entity';

@Injectable()
export class PeopleRepository extends BaseRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  @GenerateSql({ params: [DummyValue.UUID] })
  findById(id: string): Promise<Person | null> {
    return this.manager.getRepository(Person).findOneBy({ id });
  }

  @GenerateSql({
    params: [{ reviewId: DummyValue.UUID, name: DummyValue.TEXT, pseudonym: DummyValue.TEXT }],
  })
  insert(values: Partial<Person>): Promise<Person> {
    const repository = this.manager.getRepository(Person);
    return repository.save(repository.create(values));
  }

  @GenerateSql({ params: [DummyValue.UUID, DummyValue.NUMBER, { pseudonym: DummyValue.TEXT }] })
  updateVersioned(
    id: string,
    expectedVersion: number,
    changes: Partial<Person>,
  ): Promise<{ before: Person; after: Person }> {
    return updateVersioned(this.manager, Person, id, expectedVersion, changes, 'person');
  }

  /** The person's household memberships become exactly `memberships`, in this order. */
  @GenerateSql({ params: [DummyValue.UUID, [{ household: DummyValue.TEXT }]] })
  async replaceHouseholds(
    personId: string,
    memberships: Omit<HouseholdMembership, 'id' | 'personId' | 'position'>[],
  ): Promise<HouseholdMembership[]> {
    await this.manager.query(`DELETE FROM household_membership WHERE person_id = $1`, [personId]);
    if (memberships.length === 0) return [];
    const repository = this.manager.getRepository(HouseholdMembership);
    return repository.save(
      memberships.map((membership, position) =>
        repository.create({ ...membership, personId, position }),
      ),
    );
  }

  /** How many events name the person, and how many relationships they are part of. */
  @GenerateSql({ params: [DummyValue.UUID] })
  async countUses(id: string): Promise<{ events: number; relationships: number }> {
    const [{ events, relationships }] = await this.manager.query(
      `SELECT (SELECT count(*)::int FROM timeline_event_person WHERE person_id = $1) AS events,
              (SELECT count(*)::int FROM person_relationship WHERE $1 IN (from_person_id, to_person_id)) AS relationships`,
      [id],
    );
    return { events, relationships };
  }
}
