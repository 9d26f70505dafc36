import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DummyValue, GenerateSql } from '../database/generate-sql';
import { BaseRepository } from '../database/unit-of-work';
import { Comment } from './comment.entity';

/** Comments on events and episodes. */
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
}
