import { Module } from '@nestjs/common';
import { ReviewsModule } from '../reviews/reviews.module';
import { ThemesModule } from '../themes/themes.module';
import { AnalysisBundlePart } from './analysis-bundle-part';
import { AnalysisBundleRepository } from './analysis-bundle.repository';
import { AnalysisLoadersProvider } from './analysis.loaders';
import { AnalysisRepository } from './analysis.repository';
import { EpisodesResolver, FactorsResolver, ReviewAnalysisResolver } from './analysis.resolver';
import { AnalysisService } from './analysis.service';
import { KpeTableController } from './export/kpe-table.controller';
import { KpeTableRepository } from './export/kpe-table.repository';
import { KpeTableService } from './export/kpe-table.service';

@Module({
  imports: [ReviewsModule, ThemesModule],
  controllers: [KpeTableController],
  providers: [
    AnalysisService,
    EpisodesResolver,
    FactorsResolver,
    ReviewAnalysisResolver,
    AnalysisBundlePart,
    AnalysisRepository,
    AnalysisBundleRepository,
    AnalysisLoadersProvider,
    KpeTableService,
    KpeTableRepository,
  ],
  exports: [AnalysisService, AnalysisBundlePart, KpeTableService],
})
export class AnalysisModule {}
