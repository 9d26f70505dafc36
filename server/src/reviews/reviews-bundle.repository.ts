import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { insertRows } from '../database/bulk-insert';
import { allColumns } from '../database/entity-columns';
import { DummyValue, GenerateSql } from '../database/generate-sql';
import { BaseRepository } from '../database/unit-of-work';
import { Agency } from './agency.entity';
import { HouseholdMembership } from './household-membership.entity';
import { Person } from './person.entity';
import { PersonRelationship } from './person-relationship.entity';
import { Review } from './review.entity';

type Row = Record<string, unknown>;

/** The reviews context's tables as a bundle reads and writes them: whole lists of one review. */
@Injectable()
export class ReviewsBundleRepository extends BaseRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  @GenerateSql({ params: [DummyValue.TEXT] })
  async referenceTaken(reference: string): Promise<boolean> {
    return (await this.manager.getRepository(Review).countBy({ reference })) > 0;
  }

  @GenerateSql({ params: [DummyValue.UUID] })
  async review(reviewId: string): Promise<Row> {
    const [review] = await this.manager.query(
      `SELECT ${allColumns(this.manager, Review, 'r')} FROM review r WHERE r.id = $1`,
      [reviewId],
    );
    return review;
  }

  @GenerateSql({ params: [DummyValue.UUID] })
  agencies(reviewId: string): Promise<Row[]> {
    return this.manager.query(
      `SELECT ${allColumns(this.manager, Agency, 'a')} FROM agency a WHERE a.review_id = $1 ORDER BY a.name, a.id`,
      [reviewId],
    );
  }

  @GenerateSql({ params: [DummyValue.UUID] })
  people(reviewId: string): Promise<Row[]> {
    return this.manager.query(
      `SELECT ${allColumns(this.manager, Person, 'p')} FROM person p WHERE p.review_id = $1 ORDER BY p.created_at, p.id`,
      [reviewId],
    );
  }

  /** The household memberships of the review's people, in each person's order. */
  @GenerateSql({ params: [DummyValue.UUID] })
  households(reviewId: string): Promise<Row[]> {
    return this.manager.query(
      `SELECT ${allColumns(this.manager, HouseholdMembership, 'm')} FROM household_membership m
         JOIN person p ON p.id = m.person_id
       WHERE p.review_id = $1 ORDER BY m.person_id, m.position, m.id`,
      [reviewId],
    );
  }

  /** The relationships, in an order that does not depend on their ids. */
  @GenerateSql({ params: [DummyValue.UUID] })
  relationships(reviewId: string): Promise<Row[]> {
    return this.manager.query(
      `SELECT ${allColumns(this.manager, PersonRelationship, 'r')} FROM person_relationship r
         JOIN person a ON a.id = r.from_person_id JOIN person b ON b.id = r.to_person_id
       WHERE r.review_id = $1 ORDER BY r.kind, a.created_at, a.id, b.created_at, b.id`,
      [reviewId],
    );
  }

  /** Creates the review; its id. */
  @GenerateSql({
    params: [
      {
        reference: DummyValue.TEXT,
        title: DummyValue.TEXT,
        type: 'SERIOUS_CASE_REVIEW',
        status: 'SCOPING',
        methodology: 'LEARNING_TOGETHER',
        createdById: DummyValue.UUID,
        updatedById: DummyValue.UUID,
      },
    ],
  })
  async insertReview(values: Partial<Review>): Promise<string> {
    const result = await this.manager.getRepository(Review).insert(values);
    return result.identifiers[0].id as string;
  }

  /** Inserts rows of the named properties of an agency; their new ids, in order. */
  @GenerateSql({ params: [['reviewId', 'name', 'sector'], [[DummyValue.UUID, 'A', 'HEALTH']]] })
  insertAgencies(properties: (keyof Agency)[], rows: unknown[][]): Promise<string[]> {
    return insertRows(this.manager, Agency, properties, rows);
  }

  @GenerateSql({
    params: [
      ['reviewId', 'name', 'pseudonym'],
      [[DummyValue.UUID, DummyValue.TEXT, DummyValue.TEXT]],
    ],
  })
  insertPeople(properties: (keyof Person)[], rows: unknown[][]): Promise<string[]> {
    return insertRows(this.manager, Person, properties, rows);
  }

  @GenerateSql({
    params: [['personId', 'household'], [[DummyValue.UUID, DummyValue.TEXT]]],
  })
  insertHouseholds(
    properties: (keyof HouseholdMembership)[],
    rows: unknown[][],
  ): Promise<string[]> {
    return insertRows(this.manager, HouseholdMembership, properties, rows);
  }

  @GenerateSql({
    params: [
      ['reviewId', 'fromPersonId', 'toPersonId', 'kind'],
      [[DummyValue.UUID, DummyValue.UUID, DummyValue.OTHER_UUID, 'PARENT_OF']],
    ],
  })
  insertRelationships(
    properties: (keyof PersonRelationship)[],
    rows: unknown[][],
  ): Promise<string[]> {
    return insertRows(this.manager, PersonRelationship, properties, rows);
  }
}
