import { Module } from '@nestjs/common';
import { ReviewsModule } from '../reviews/reviews.module';
import { ChronologyResolver, ReviewChronologyResolver } from './chronology.resolver';
import { ChronologyService } from './chronology.service';
import { ChronologyImportController } from './import/chronology-import.controller';
import { ChronologyImportService } from './import/chronology-import.service';

@Module({
  imports: [ReviewsModule],
  controllers: [ChronologyImportController],
  providers: [
    ChronologyService,
    ChronologyImportService,
    ChronologyResolver,
    ReviewChronologyResolver,
  ],
  exports: [ChronologyService],
})
export class ChronologyModule {}
