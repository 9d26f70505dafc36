import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { updateVersioned } from '../database/versioned-update';
import { DummyValue, GenerateSql } from '../database/generate-sql';
import { BaseRepository } from '../database/unit-of-work';
import { Agency } from './agency.entity';

@Injectable()
export class AgenciesRepository extends BaseRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  @GenerateSql({ params: [DummyValue.UUID] })
  findById(id: string): Promise<Agency | null> {
    return this.manager.getRepository(Agency).findOneBy({ id });
  }

  @GenerateSql({ params: [{ reviewId: DummyValue.UUID, name: DummyValue.TEXT, sector: 'HEALTH' }] })
  insert(values: Partial<Agency>): Promise<Agency> {
    const repository = this.manager.getRepository(Agency);
    return repository.save(repository.create(values));
  }

  @GenerateSql({ params: [DummyValue.UUID, DummyValue.NUMBER, { name: DummyValue.TEXT }] })
  updateVersioned(
    id: string,
    expectedVersion: number,
    changes: Partial<Agency>,
  ): Promise<{ before: Agency; after: Agency }> {
    return updateVersioned(this.manager, Agency, id, expectedVersion, changes, 'agency');
  }

  /** How many events and board actions name the agency. */
  @GenerateSql({ params: [DummyValue.UUID] })
  async countUses(id: string): Promise<{ events: number; actions: number }> {
    const [{ events, actions }] = await this.manager.query(
      `SELECT (SELECT count(*)::int FROM timeline_event WHERE agency_id = $1) AS events,
              (SELECT count(*)::int FROM board_action WHERE owning_agency_id = $1) AS actions`,
      [id],
    );
    return { events, actions };
  }
}
