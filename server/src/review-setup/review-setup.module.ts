import { Module } from '@nestjs/common';
import { ReviewsModule } from '../reviews/reviews.module';
import { ReviewSetupBundlePart } from './review-setup-bundle-part';
import { ReviewSetupBundleRepository } from './review-setup-bundle.repository';
import { ReviewSetupLoadersProvider } from './review-setup.loaders';
import { ReviewSetupRepository } from './review-setup.repository';
import {
  FindingAnswersResolver,
  ReviewConversationsResolver,
  ReviewQuestionsFieldResolver,
  ReviewQuestionsResolver,
} from './review-setup.resolver';
import { ReviewSetupService } from './review-setup.service';

/** The review's set-up: its questions (terms of reference). */
@Module({
  imports: [ReviewsModule],
  providers: [
    ReviewSetupService,
    ReviewSetupRepository,
    ReviewSetupLoadersProvider,
    ReviewQuestionsResolver,
    ReviewQuestionsFieldResolver,
    ReviewConversationsResolver,
    FindingAnswersResolver,
    ReviewSetupBundlePart,
    ReviewSetupBundleRepository,
  ],
  exports: [ReviewSetupBundlePart],
})
export class ReviewSetupModule {}
