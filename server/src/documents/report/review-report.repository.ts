import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BaseRepository } from '../../database/unit-of-work';

/**
 * The review report reads through the bundle and the key practice episode table; this
 * repository only gives it a transaction to record each download in.
 */
@Injectable()
export class ReviewReportRepository extends BaseRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }
}
