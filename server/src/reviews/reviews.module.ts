import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';
import { CollectionsResolver } from './collections.resolver';
import { MemberSearchResolver } from './member-search.resolver';
import { ReviewAccessService } from './review-access.service';
import { PersonResolver, ReviewsResolver } from './reviews.resolver';
import { ReviewsService } from './reviews.service';

@Module({
  imports: [UsersModule],
  providers: [
    ReviewsService,
    ReviewAccessService,
    ReviewsResolver,
    PersonResolver,
    CollectionsResolver,
    MemberSearchResolver,
  ],
  exports: [ReviewsService, ReviewAccessService],
})
export class ReviewsModule {}
