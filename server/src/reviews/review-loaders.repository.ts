import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DummyValue, GenerateSql } from '../database/generate-sql';
import { rowsByIds, rowsWhereIn, sqlRowsWhereIn } from '../database/loader-queries';
import { BaseRepository } from '../database/unit-of-work';
import { Agency } from './agency.entity';
import { HouseholdMembership } from './household-membership.entity';
import { Person } from './person.entity';
import { PersonRelationship } from './person-relationship.entity';
import { Review } from './review.entity';
import { ReviewMember } from './review-member.entity';

const IDS = [DummyValue.UUID, DummyValue.OTHER_UUID];

/** The batches of the reviews context's request loaders (review.loaders.ts): many keys at once. */
@Injectable()
export class ReviewLoadersRepository extends BaseRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  @GenerateSql({ params: [IDS] })
  reviewsByIds(ids: string[]): Promise<Review[]> {
    return rowsByIds(this.manager, Review, ids);
  }

  @GenerateSql({ params: [IDS] })
  peopleByIds(ids: string[]): Promise<Person[]> {
    return rowsByIds(this.manager, Person, ids);
  }

  @GenerateSql({ params: [IDS] })
  agenciesOfReviews(reviewIds: string[]): Promise<Agency[]> {
    return sqlRowsWhereIn(this.manager, Agency, 'reviewId', reviewIds, 't.name, t.id');
  }

  @GenerateSql({ params: [IDS] })
  peopleOfReviews(reviewIds: string[]): Promise<Person[]> {
    return rowsWhereIn(this.manager, Person, 'reviewId', reviewIds, {
      createdAt: 'ASC',
      id: 'ASC',
    });
  }

  @GenerateSql({ params: [IDS] })
  householdsOfPeople(personIds: string[]): Promise<HouseholdMembership[]> {
    return rowsWhereIn(this.manager, HouseholdMembership, 'personId', personIds, {
      position: 'ASC',
      id: 'ASC',
    });
  }

  @GenerateSql({ params: [IDS] })
  relationshipsOfReviews(reviewIds: string[]): Promise<PersonRelationship[]> {
    return rowsWhereIn(this.manager, PersonRelationship, 'reviewId', reviewIds, {
      kind: 'ASC',
      id: 'ASC',
    });
  }

  @GenerateSql({ params: [IDS] })
  membersOfReviews(reviewIds: string[]): Promise<ReviewMember[]> {
    return rowsWhereIn(this.manager, ReviewMember, 'reviewId', reviewIds, { createdAt: 'ASC' });
  }
}
