import { Module } from '@nestjs/common';
import { ReviewsModule } from '../reviews/reviews.module';
import { ChronologyResolver, ReviewChronologyResolver } from './chronology.resolver';
import { ChronologyService } from './chronology.service';
import { DuplicatesService } from './duplicates.service';
import { TimelineExportController } from './export/timeline-export.controller';
import { ChronologyImportController } from './import/chronology-import.controller';
import { ChronologyImportService } from './import/chronology-import.service';

@Module({
  imports: [ReviewsModule],
  controllers: [ChronologyImportController, TimelineExportController],
  providers: [
    ChronologyService,
    ChronologyImportService,
    DuplicatesService,
    ChronologyResolver,
    ReviewChronologyResolver,
  ],
  exports: [ChronologyService],
})
export class ChronologyModule {}
