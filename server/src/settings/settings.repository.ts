import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DummyValue, GenerateSql } from '../database/generate-sql';
import { BaseRepository } from '../database/unit-of-work';

@Injectable()
export class SettingsRepository extends BaseRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  /** Stores `value` under `key` unless the key has a value already. */
  @GenerateSql({ params: [DummyValue.TEXT, DummyValue.TEXT] })
  async insertIfAbsent(key: string, value: string): Promise<void> {
    await this.manager.query(
      `INSERT INTO app_setting (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING`,
      [key, value],
    );
  }

  @GenerateSql({ params: [DummyValue.TEXT] })
  async get(key: string): Promise<string | null> {
    const [row] = await this.manager.query(`SELECT value FROM app_setting WHERE key = $1`, [key]);
    return row?.value ?? null;
  }

  @GenerateSql({ params: [DummyValue.TEXT, DummyValue.TEXT] })
  async set(key: string, value: string): Promise<void> {
    await this.manager.query(
      `INSERT INTO app_setting (key, value) VALUES ($1, $2)
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
      [key, value],
    );
  }
}
