import { Module } from '@nestjs/common';
import { ReviewsModule } from '../../reviews/reviews.module';
import { ThemesModule } from '../../themes/themes.module';
import { DocumentRenderingModule } from '../document-rendering.module';
import { LearningBriefingDownloadController } from './learning-briefing-download.controller';
import { LearningBriefingsBundlePart } from './learning-briefings-bundle-part';
import { LearningBriefingsRepository } from './learning-briefings.repository';
import { LearningBriefingsResolver } from './learning-briefings.resolver';
import { LearningBriefingsService } from './learning-briefings.service';

/** Learning-lessons briefings of a review or a collection (part of the documents context). */
@Module({
  imports: [ReviewsModule, ThemesModule, DocumentRenderingModule],
  controllers: [LearningBriefingDownloadController],
  providers: [
    LearningBriefingsService,
    LearningBriefingsRepository,
    LearningBriefingsResolver,
    LearningBriefingsBundlePart,
  ],
  exports: [LearningBriefingsService, LearningBriefingsBundlePart],
})
export class LearningBriefingsModule {}
