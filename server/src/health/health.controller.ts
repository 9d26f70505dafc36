import { Controller, Get, HttpCode, HttpStatus, OnModuleDestroy, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { Public } from '../auth/public.decorator';

@Controller('health')
export class HealthController implements OnModuleDestroy {
  /**
   * A connection of its own, outside the pool requests share: a health check answers whether the
   * database answers, not whether a connection is free while every one is busy with slow queries.
   */
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

  /**
   * 200 {"status":"ok"} once the database is migrated and answering; 503 otherwise. The
   * Server-Timing header says how long the database took to answer, so a slow check can be told
   * apart from a busy server.
   */
  @Public()
  @Get()
  @HttpCode(HttpStatus.OK)
  async check(@Res({ passthrough: true }) res: Response): Promise<{ status: string }> {
    const started = process.hrtime.bigint();
    const took = () =>
      res.setHeader(
        'server-timing',
        `db;dur=${(Number(process.hrtime.bigint() - started) / 1e6).toFixed(1)}`,
      );
    try {
      await this.pool.query('SELECT 1');
      took();
      return { status: 'ok' };
    } catch {
      took();
      res.status(HttpStatus.SERVICE_UNAVAILABLE);
      return { status: 'unavailable' };
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool.end();
  }
}
