import { Controller, Get, HttpCode, HttpStatus, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Public } from '../auth/public.decorator';
import { HealthService } from './health.service';

@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

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
    const answers = await this.health.databaseAnswers();
    res.setHeader(
      'server-timing',
      `db;dur=${(Number(process.hrtime.bigint() - started) / 1e6).toFixed(1)}`,
    );
    if (answers) return { status: 'ok' };
    res.status(HttpStatus.SERVICE_UNAVAILABLE);
    return { status: 'unavailable' };
  }
}
