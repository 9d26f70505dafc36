import { Module } from '@nestjs/common';
import { BundlesModule } from '../bundles/bundles.module';
import { ReviewsModule } from '../reviews/reviews.module';
import { PublicationRepository } from './publication.repository';
import { PublicationResolver, ReviewPublicationResolver } from './publication.resolver';
import { PublicationService } from './publication.service';

/** Publication of reviews: the anonymisation check, snapshots, reopening and withdrawal. */
@Module({
  imports: [ReviewsModule, BundlesModule],
  exports: [PublicationService],
  providers: [
    PublicationResolver,
    ReviewPublicationResolver,
    PublicationService,
    PublicationRepository,
  ],
})
export class PublicationModule {}
