import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ReportQueue } from './report-queue';
import { ReportsService } from './reports.service';

/**
 * Takes extraction jobs once the application is up, and first sends again the jobs of files a
 * stopped server left waiting (a job is harmless twice: see ReportsService.extract).
 */
@Injectable()
export class ReportWorker implements OnApplicationBootstrap {
  private readonly logger = new Logger(ReportWorker.name);

  constructor(
    private readonly queue: ReportQueue,
    private readonly reports: ReportsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const requeued = await this.reports.requeueUnfinished();
    if (requeued > 0)
      this.logger.log(`${requeued} report file(s) waiting from before: queued again`);
    await this.queue.work((job) => this.reports.extract(job.batchFileId));
  }
}
