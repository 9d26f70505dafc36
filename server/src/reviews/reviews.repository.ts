import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource } from 'typeorm';
import { updateVersioned } from '../database/versioned-update';
import { DummyValue, GenerateSql } from '../database/generate-sql';
import { BaseRepository } from '../database/unit-of-work';
import { ReviewFilter } from './dto/review.inputs';
import { publishedSql } from './review-access';
import { Review } from './review.entity';

/**
 * The text the reviews list searches; the trigram index ix_review_search is built on this very
 * expression, so a search by any part of a word reads the index instead of every review.
 */
export const REVIEW_SEARCH_TEXT =
  "(review.reference || ' ' || review.title || ' ' || review.partnership)";

/** Whose reviews a list shows: null for every review (administrators). */
export type ReviewVisibility = { memberId: string; orPublished: boolean } | null;

@Injectable()
export class ReviewsRepository extends BaseRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  /** One page of the reviews list, most recently changed first, and how many there are in all. */
  @GenerateSql(
    { name: 'everything', params: [null, undefined, DummyValue.PAGE_SIZE + 1, null] },
    {
      name: 'a member, filtered, after a cursor',
      params: [
        { memberId: DummyValue.UUID, orPublished: true },
        { statuses: ['SCOPING'], types: ['SERIOUS_CASE_REVIEW'], search: DummyValue.TEXT },
        DummyValue.PAGE_SIZE + 1,
        ['2023-01-31T00:00:00.000Z', DummyValue.OTHER_UUID],
      ],
    },
  )
  async page(
    visibility: ReviewVisibility,
    filter: ReviewFilter | undefined,
    take: number,
    after: [string, string] | null,
  ): Promise<{ rows: Review[]; totalCount: number }> {
    const query = this.manager.getRepository(Review).createQueryBuilder('review');
    if (visibility) {
      query.where(
        new Brackets((visible) => {
          visible.where(
            'review.id IN (SELECT review_id FROM review_member WHERE user_id = :userId)',
            { userId: visibility.memberId },
          );
          if (visibility.orPublished) visible.orWhere(publishedSql('review'));
        }),
      );
    }
    if (filter?.statuses?.length)
      query.andWhere('review.status IN (:...statuses)', { statuses: filter.statuses });
    if (filter?.types?.length)
      query.andWhere('review.type IN (:...types)', { types: filter.types });
    if (filter?.search?.trim()) {
      query.andWhere(`${REVIEW_SEARCH_TEXT} ILIKE :search`, {
        search: `%${filter.search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
      });
    }
    const totalCount = await query.getCount();
    if (after) {
      query.andWhere('(review.updated_at, review.id) < (:cursorAt::timestamptz, :cursorId::uuid)', {
        cursorAt: after[0],
        cursorId: after[1],
      });
    }
    const rows = await query
      .orderBy('review.updated_at', 'DESC')
      .addOrderBy('review.id', 'DESC')
      .take(take)
      .getMany();
    return { rows, totalCount };
  }

  @GenerateSql({ params: [DummyValue.UUID] })
  findById(id: string): Promise<Review | null> {
    return this.manager.getRepository(Review).findOneBy({ id });
  }

  @GenerateSql({
    params: [
      {
        reference: DummyValue.TEXT,
        title: DummyValue.TEXT,
        type: 'SERIOUS_CASE_REVIEW',
        partnership: '',
        methodology: 'LEARNING_TOGETHER',
        createdById: DummyValue.UUID,
        updatedById: DummyValue.UUID,
      },
    ],
  })
  insert(values: Partial<Review>): Promise<Review> {
    const repository = this.manager.getRepository(Review);
    return repository.save(repository.create(values));
  }

  /** Applies the changes if the review is still at `expectedVersion` (see updateVersioned). */
  @GenerateSql({ params: [DummyValue.UUID, DummyValue.NUMBER, { title: DummyValue.TEXT }] })
  updateVersioned(
    id: string,
    expectedVersion: number,
    changes: Partial<Review>,
  ): Promise<{ before: Review; after: Review }> {
    return updateVersioned(this.manager, Review, id, expectedVersion, changes, 'review');
  }

  /** Sets the review's case characteristics; the review as it was and as it is now. */
  @GenerateSql({ params: [DummyValue.UUID, [DummyValue.TEXT], DummyValue.OTHER_UUID] })
  async setCaseCharacteristics(
    id: string,
    keys: string[],
    updatedById: string,
  ): Promise<{ before: Review; after: Review }> {
    const repository = this.manager.getRepository(Review);
    const before = await repository.findOneByOrFail({ id });
    await repository.update({ id }, { caseCharacteristicKeys: keys, updatedById });
    const after = await repository.findOneByOrFail({ id });
    return { before, after };
  }

  /** Records the case group's sign-off (given null: withdraws it); the review before and after. */
  @GenerateSql({
    params: [
      DummyValue.UUID,
      { at: new Date(DummyValue.DAY), byId: DummyValue.OTHER_UUID, byName: DummyValue.TEXT },
    ],
  })
  async setCaseGroupSignOff(
    id: string,
    signOff: { at: Date; byId: string; byName: string } | null,
  ): Promise<{ before: Review; after: Review }> {
    const repository = this.manager.getRepository(Review);
    const before = await repository.findOneByOrFail({ id });
    await repository.update(
      { id },
      {
        caseGroupSignedOffAt: signOff?.at ?? null,
        caseGroupSignedOffById: signOff?.byId ?? null,
        caseGroupSignedOffBy: signOff?.byName ?? null,
        updatedById: signOff?.byId ?? before.updatedById,
      },
    );
    const after = await repository.findOneByOrFail({ id });
    return { before, after };
  }
}
