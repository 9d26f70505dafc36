import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LONG_WORK_STATEMENT_TIMEOUT } from '../database/data-source-options';
import { GenerateSql } from '../database/generate-sql';
import { BaseRepository } from '../database/unit-of-work';

/** What the bundles context asks of the database itself; the parts of a bundle have their own. */
@Injectable()
export class BundlesRepository extends BaseRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  /** Lets the rest of the transaction run as long as a large import needs. */
  @GenerateSql({ params: [] })
  async allowLongWork(): Promise<void> {
    await this.manager.query(`SET LOCAL statement_timeout = '${LONG_WORK_STATEMENT_TIMEOUT}'`);
  }
}
