import { Injectable } from '@nestjs/common';
import { AuditService } from '../../audit/audit.service';
import { RequestLoadersFactory } from '../../common/request-loaders';
import { ReviewAccessService } from '../../reviews/review-access.service';
import { User } from '../../users/user.entity';
import { neutraliseFormula } from './spreadsheet-safety';
import { TimelineExportRepository } from './timeline-export.repository';

/** Rows are read from the database this many at a time. */
export const EXPORT_BATCH = 2000;

/** The merged chronology for a spreadsheet: who may have it, and its rows as they are read. */
@Injectable()
export class TimelineExportService {
  constructor(
    private readonly exports: TimelineExportRepository,
    private readonly loaders: RequestLoadersFactory,
    private readonly access: ReviewAccessService,
    private readonly audit: AuditService,
  ) {}

  /** Checks the user may read the review, records the download and names the file. */
  async start(user: User, reviewId: string, extension: string): Promise<string> {
    const review = await this.access.require(user, reviewId, 'read', this.loaders.create());
    // The export leaves out the people register, but its texts are the agencies' own words and
    // may name people: every download is recorded (realNames: no register names in it).
    await this.exports.transaction((transaction) =>
      this.audit.record(transaction, user, {
        reviewId,
        entityType: 'Review',
        entityId: reviewId,
        action: 'download',
        after: { download: `timeline.${extension}`, realNames: false },
      }),
    );
    return `${review.reference.replace(/[^A-Za-z0-9._-]+/g, '_')}-chronology.${extension}`;
  }

  /** The rows in date order, each as the spreadsheet's cells, safe to open in a spreadsheet. */
  async *rows(reviewId: string): AsyncGenerator<string[]> {
    let after: [string, string] | null = null;
    for (;;) {
      const batch = await this.exports.batch(reviewId, after, EXPORT_BATCH);
      for (const row of batch) {
        yield [
          row.occurred_on,
          row.precision,
          row.time_of_day,
          row.sort_date,
          row.agency,
          row.title,
          row.description,
          row.source,
        ].map(neutraliseFormula);
      }
      if (batch.length < EXPORT_BATCH) return;
      const last = batch[batch.length - 1];
      after = [last.sort_date, last.sequence];
    }
  }
}
