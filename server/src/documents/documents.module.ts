import { Module } from '@nestjs/common';
import { AnalysisModule } from '../analysis/analysis.module';
import { BundlesModule } from '../bundles/bundles.module';
import { ReviewsModule } from '../reviews/reviews.module';
import { DocumentRenderingModule } from './document-rendering.module';
import { ReviewReportController } from './report/review-report.controller';
import { ReviewReportRepository } from './report/review-report.repository';
import { ReviewReportService } from './report/review-report.service';

/**
 * The documents people hand out: practice-issue briefings, learning briefings and the review
 * report, each rendered to DOCX, PDF, HTML or Markdown by DocumentsService.
 */
@Module({
  imports: [ReviewsModule, AnalysisModule, BundlesModule, DocumentRenderingModule],
  controllers: [ReviewReportController],
  providers: [ReviewReportService, ReviewReportRepository],
  exports: [DocumentRenderingModule],
})
export class DocumentsModule {}
