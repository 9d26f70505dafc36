import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, Not } from 'typeorm';
import { DummyValue, GenerateSql } from '../database/generate-sql';
import { BaseRepository } from '../database/unit-of-work';
import { Comment } from './comment.entity';

/** Which comments a list shows: those still open, those resolved, or every one. */
export type CommentState = 'OPEN' | 'RESOLVED' | 'ALL';

/** Comments on events, episodes and findings. */
@Injectable()
export class CommentsRepository extends BaseRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  @GenerateSql({
    params: [
      {
        reviewId: DummyValue.UUID,
        eventId: DummyValue.OTHER_UUID,
        body: DummyValue.TEXT,
        authorId: DummyValue.UUID,
        authorName: DummyValue.TEXT,
      },
    ],
  })
  insert(values: Partial<Comment>): Promise<Comment> {
    const repository = this.manager.getRepository(Comment);
    return repository.save(repository.create(values));
  }

  @GenerateSql({ params: [DummyValue.UUID] })
  findById(id: string): Promise<Comment | null> {
    return this.manager.getRepository(Comment).findOneBy({ id });
  }

  @GenerateSql({ params: [DummyValue.UUID, 'OPEN'] })
  ofReview(reviewId: string, state: CommentState): Promise<Comment[]> {
    const resolvedAt =
      state === 'OPEN' ? IsNull() : state === 'RESOLVED' ? Not(IsNull()) : undefined;
    return this.manager.getRepository(Comment).find({
      where: { reviewId, ...(resolvedAt ? { resolvedAt } : {}) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  /** Marks the comment resolved (when, by whom) or, given null, open again. */
  @GenerateSql({
    params: [
      DummyValue.UUID,
      { at: new Date(DummyValue.DAY), byId: DummyValue.OTHER_UUID, byName: DummyValue.TEXT },
    ],
  })
  async setResolution(
    id: string,
    resolution: { at: Date; byId: string; byName: string } | null,
  ): Promise<Comment> {
    const repository = this.manager.getRepository(Comment);
    await repository.update(
      { id },
      {
        resolvedAt: resolution?.at ?? null,
        resolvedById: resolution?.byId ?? null,
        resolvedBy: resolution?.byName ?? null,
      },
    );
    return repository.findOneByOrFail({ id });
  }
}
