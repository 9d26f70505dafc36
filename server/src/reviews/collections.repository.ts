import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DummyValue, GenerateSql } from '../database/generate-sql';
import { BaseRepository } from '../database/unit-of-work';
import { Collection } from './collection.entity';

@Injectable()
export class CollectionsRepository extends BaseRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  /** Every collection, by name. */
  @GenerateSql({ params: [] })
  list(): Promise<Collection[]> {
    return this.manager.getRepository(Collection).find({ order: { name: 'ASC' } });
  }

  @GenerateSql({ params: [DummyValue.UUID] })
  findById(id: string): Promise<Collection | null> {
    return this.manager.getRepository(Collection).findOneBy({ id });
  }

  @GenerateSql({ params: [{ name: DummyValue.TEXT, createdById: DummyValue.UUID }] })
  insert(values: Partial<Collection>): Promise<Collection> {
    const repository = this.manager.getRepository(Collection);
    return repository.save(repository.create(values));
  }

  /** Puts the reviews in the collection; those already in it stay as they are. */
  @GenerateSql({ params: [DummyValue.UUID, [DummyValue.OTHER_UUID]] })
  async addReviews(collectionId: string, reviewIds: string[]): Promise<void> {
    await this.manager.query(
      `INSERT INTO collection_review (collection_id, review_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
      [collectionId, reviewIds],
    );
  }

  /** Takes the reviews out of the collection; those not in it are ignored. */
  @GenerateSql({ params: [DummyValue.UUID, [DummyValue.OTHER_UUID]] })
  async removeReviews(collectionId: string, reviewIds: string[]): Promise<void> {
    await this.manager.query(
      `DELETE FROM collection_review WHERE collection_id = $1 AND review_id = ANY($2::uuid[])`,
      [collectionId, reviewIds],
    );
  }

  @GenerateSql({ params: [DummyValue.UUID] })
  async reviewIds(collectionId: string): Promise<string[]> {
    const rows: { review_id: string }[] = await this.manager.query(
      `SELECT review_id FROM collection_review WHERE collection_id = $1`,
      [collectionId],
    );
    return rows.map((row) => row.review_id);
  }
}
