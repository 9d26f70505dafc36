import { Injectable } from '@nestjs/common';
import { KpeTableService } from '../../analysis/export/kpe-table.service';
import { AuditService } from '../../audit/audit.service';
import { BundlesService } from '../../bundles/bundles.service';
import { RequestLoadersFactory } from '../../common/request-loaders';
import { ReviewAccessService } from '../../reviews/review-access.service';
import { User } from '../../users/user.entity';
import { DocumentsService } from '../documents.service';
import { DocumentFormat, PrintedDocument } from '../render/document-model';
import { RenderedDocument } from '../render/rendered-document';
import { keepNamesOut } from './keep-names-out';
import { buildReviewReport } from './review-report.builder';
import { ReviewReportRepository } from './review-report.repository';

/** The review report: who may have it, the document, and the record of each download. */
@Injectable()
export class ReviewReportService {
  constructor(
    private readonly bundles: BundlesService,
    private readonly kpe: KpeTableService,
    private readonly documents: DocumentsService,
    private readonly access: ReviewAccessService,
    private readonly loaders: RequestLoadersFactory,
    private readonly audit: AuditService,
    private readonly rows: ReviewReportRepository,
  ) {}

  /** The report as a document, with pseudonyms only: no real name, whoever asks. */
  async document(reviewId: string): Promise<PrintedDocument> {
    const [{ bundle, people, practitioners }, kpeTable] = await Promise.all([
      this.bundles.forDocument(reviewId),
      this.kpe.cells(reviewId),
    ]);
    return keepNamesOut(buildReviewReport({ bundle, kpeTable }), { people, practitioners });
  }

  /** Checks the user may read the review, renders the report and records the download. */
  async download(user: User, reviewId: string, format: DocumentFormat): Promise<RenderedDocument> {
    await this.access.require(user, reviewId, 'read', this.loaders.create());
    const rendered = await this.documents.render(await this.document(reviewId), format);
    await this.rows.transaction((transaction) =>
      this.audit.record(transaction, user, {
        reviewId,
        entityType: 'Review',
        entityId: reviewId,
        action: 'download',
        after: { download: `report.${format}`, realNames: false },
      }),
    );
    return rendered;
  }
}
