import { Module } from '@nestjs/common';
import { ReviewsModule } from '../reviews/reviews.module';
import { ChronologyResolver, ReviewChronologyResolver } from './chronology.resolver';
import { ChronologyService } from './chronology.service';

@Module({
  imports: [ReviewsModule],
  providers: [ChronologyService, ChronologyResolver, ReviewChronologyResolver],
  exports: [ChronologyService],
})
export class ChronologyModule {}
