import { Module } from '@nestjs/common';
import { ReviewsModule } from '../reviews/reviews.module';
import { CorpusMatrixController } from './corpus-matrix.controller';
import { CorpusReviewResolver } from './corpus-review.resolver';
import { CorpusRepository } from './corpus.repository';
import { CorpusResolver } from './corpus.resolver';
import { CorpusService } from './corpus.service';

/**
 * The national corpus: analysis over published snapshots only, and over a collection's reviews
 * as they are now for whoever may read them all.
 */
@Module({
  imports: [ReviewsModule],
  controllers: [CorpusMatrixController],
  providers: [CorpusResolver, CorpusReviewResolver, CorpusService, CorpusRepository],
})
export class CorpusModule {}
