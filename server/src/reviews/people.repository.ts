import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { updateVersioned } from '../database/versioned-update';
import { DummyValue, GenerateSql } from '../database/generate-sql';
import { BaseRepository } from '../database/unit-of-work';
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
