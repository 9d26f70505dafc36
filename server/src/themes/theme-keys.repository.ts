import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { DummyValue, GenerateSql } from '../database/generate-sql';
import { BaseRepository } from '../database/unit-of-work';
import { Theme } from './theme.entity';

@Injectable()
export class ThemeKeysRepository extends BaseRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  @GenerateSql({ params: [[DummyValue.TEXT, 'neglect']] })
  findByKeys(keys: string[]): Promise<Theme[]> {
    return this.manager.getRepository(Theme).findBy({ key: In(keys) });
  }

  /** Every theme's key and kind. */
  @GenerateSql({ params: [] })
  kinds(): Promise<Pick<Theme, 'key' | 'kind'>[]> {
    return this.manager.getRepository(Theme).find({ select: { key: true, kind: true } });
  }

  /** Every theme's key, label, kind and broader theme, by key. */
  @GenerateSql({ params: [] })
  vocabulary(): Promise<Pick<Theme, 'key' | 'label' | 'kind' | 'broaderKey'>[]> {
    return this.manager.getRepository(Theme).find({
      select: { key: true, label: true, kind: true, broaderKey: true },
      order: { key: 'ASC' },
    });
  }
}
