import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DummyValue, GenerateSql } from '../database/generate-sql';
import { BaseRepository } from '../database/unit-of-work';
import { PersonRelationship } from './person-relationship.entity';

@Injectable()
export class RelationshipsRepository extends BaseRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  @GenerateSql({ params: [DummyValue.UUID] })
  findById(id: string): Promise<PersonRelationship | null> {
    return this.manager.getRepository(PersonRelationship).findOneBy({ id });
  }

  @GenerateSql({
    params: [
      {
        reviewId: DummyValue.UUID,
        fromPersonId: DummyValue.UUID,
        toPersonId: DummyValue.OTHER_UUID,
        kind: 'PARENT_OF',
      },
    ],
  })
  insert(values: Partial<PersonRelationship>): Promise<PersonRelationship> {
    const repository = this.manager.getRepository(PersonRelationship);
    return repository.save(repository.create(values));
  }
}
