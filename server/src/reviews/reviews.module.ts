import { Module } from '@nestjs/common';
import { CollectionsResolver } from './collections.resolver';
import { ReviewAccessService } from './review-access.service';
import { PersonResolver, ReviewsResolver } from './reviews.resolver';
import { ReviewsService } from './reviews.service';

@Module({
  providers: [
    ReviewsService,
    ReviewAccessService,
    ReviewsResolver,
    PersonResolver,
    CollectionsResolver,
  ],
  exports: [ReviewsService, ReviewAccessService],
})
export class ReviewsModule {}
