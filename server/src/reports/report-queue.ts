import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import PgBoss from 'pg-boss';
import { DataSource } from 'typeorm';

export const EXTRACTION_QUEUE = 'report-extraction';

export interface ExtractionJob {
  batchFileId: string;
}

/**
 * The job queue that reads reports in the background: pg-boss on the application's own
 * database (its tables in the `pgboss` schema), so jobs outlive a restart and any instance may
 * take them. Started before the application serves and stopped, after the job in hand, when it
 * closes.
 */
@Injectable()
export class ReportQueue implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(ReportQueue.name);
  private boss: PgBoss | null = null;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async onModuleInit(): Promise<void> {
    const options = this.dataSource.options as { url?: string };
    const boss = new PgBoss({
      connectionString: options.url,
      max: 3,
      application_name: 'scr-workbench-jobs',
      schedule: false,
    });
    boss.on('error', (error) => this.logger.error(error));
    await boss.start();
    if (!(await boss.getQueue(EXTRACTION_QUEUE)))
      await boss.createQueue(EXTRACTION_QUEUE, {
        name: EXTRACTION_QUEUE,
        retryLimit: 3,
        retryDelay: 5,
        expireInSeconds: 15 * 60,
      });
    this.boss = boss;
  }

  async onModuleDestroy(): Promise<void> {
    const boss = this.boss;
    this.boss = null;
    await boss?.stop({ graceful: true, wait: true, timeout: 30_000 });
  }

  private started(): PgBoss {
    if (!this.boss) throw new Error('The report queue is not running.');
    return this.boss;
  }

  async send(batchFileIds: string[]): Promise<void> {
    if (batchFileIds.length === 0) return;
    await this.started().insert(
      batchFileIds.map((batchFileId) => ({ name: EXTRACTION_QUEUE, data: { batchFileId } })),
    );
  }

  /** Takes jobs one at a time: a file's extraction is memory-hungry enough on its own. */
  async work(handler: (job: ExtractionJob) => Promise<void>): Promise<void> {
    await this.started().work<ExtractionJob>(
      EXTRACTION_QUEUE,
      { batchSize: 1, pollingIntervalSeconds: 0.5 },
      async ([job]) => handler(job.data),
    );
  }

  /** Stops taking jobs (the one in hand finishes); for the restart test. */
  async pause(): Promise<void> {
    await this.started().offWork(EXTRACTION_QUEUE);
  }
}
