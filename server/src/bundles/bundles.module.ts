import { Module } from '@nestjs/common';
import { AnalysisModule } from '../analysis/analysis.module';
import { ChronologyModule } from '../chronology/chronology.module';
import { LearningBriefingsModule } from '../documents/learning-briefings/learning-briefings.module';
import { FindingsModule } from '../findings/findings.module';
import { ReviewSetupModule } from '../review-setup/review-setup.module';
import { ReviewsModule } from '../reviews/reviews.module';
import { ThemesModule } from '../themes/themes.module';
import { BundlesController } from './bundles.controller';
import { BundlesRepository } from './bundles.repository';
import { BundlesService } from './bundles.service';

@Module({
  imports: [
    ReviewsModule,
    ChronologyModule,
    AnalysisModule,
    ReviewSetupModule,
    FindingsModule,
    ThemesModule,
    LearningBriefingsModule,
  ],
  controllers: [BundlesController],
  providers: [BundlesService, BundlesRepository],
  exports: [BundlesService],
})
export class BundlesModule {}
