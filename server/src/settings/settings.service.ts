import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

@Injectable()
export class SettingsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Returns the stored value, storing `candidate` first when there is none. Every instance that
   * races here reads back the same winner, so a secret made at first start is shared by all.
   */
  async getOrInit(key: string, candidate: () => string): Promise<string> {
    await this.dataSource.query(
      `INSERT INTO app_setting (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING`,
      [key, candidate()],
    );
    const [row] = await this.dataSource.query(`SELECT value FROM app_setting WHERE key = $1`, [
      key,
    ]);
    return row.value;
  }

  async get(key: string): Promise<string | null> {
    const [row] = await this.dataSource.query(`SELECT value FROM app_setting WHERE key = $1`, [
      key,
    ]);
    return row?.value ?? null;
  }

  async set(key: string, value: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO app_setting (key, value) VALUES ($1, $2)
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
      [key, value],
    );
  }
}
