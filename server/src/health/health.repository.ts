import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';

/**
 * A connection of its own, outside the pool requests share: a health check answers whether the
 * database answers, not whether a connection is free while every one is busy with slow queries.
 * So it does not extend BaseRepository, and its one statement is not in the generated SQL.
 */
@Injectable()
export class HealthRepository implements OnModuleDestroy {
  private readonly pool: Pool;

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.pool = new Pool({
      connectionString: (dataSource.options as { url?: string }).url,
      max: 1,
      connectionTimeoutMillis: 2000,
      statement_timeout: 2000,
      idleTimeoutMillis: 0,
      application_name: 'scr-workbench-health',
    });
    // An idle connection the server dropped is replaced at the next check.
    this.pool.on('error', () => undefined);
  }

  /** Resolves when the database answers within two seconds, rejects otherwise. */
  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool.end();
  }
}
