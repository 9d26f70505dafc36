import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { AppConfig } from '../config/app-config';
import { ReviewsModule } from '../reviews/reviews.module';
import { ChronologyBundlePart } from './chronology-bundle-part';
import { ChronologyBundleRepository } from './chronology-bundle.repository';
import { ChronologyLoadersRepository } from './chronology-loaders.repository';
import { ChronologyLoadersProvider } from './chronology.loaders';
import {
  ChronologyResolver,
  PersonContactsResolver,
  ReviewChronologyResolver,
} from './chronology.resolver';
import { ChronologyService } from './chronology.service';
import { CommentsRepository } from './comments.repository';
import { DuplicatesRepository } from './duplicates.repository';
import { DuplicatesService } from './duplicates.service';
import { TimelineExportController } from './export/timeline-export.controller';
import { TimelineExportRepository } from './export/timeline-export.repository';
import { TimelineExportService } from './export/timeline-export.service';
import { ChronologyImportController } from './import/chronology-import.controller';
import { ChronologyImportRepository } from './import/chronology-import.repository';
import { ChronologyImportService } from './import/chronology-import.service';
import { ImportProgressRepository } from './import/import-progress.repository';
import { ImportRecoveryService } from './import/import-recovery.service';
import { PrivateDiskStorage, uploadsDir } from './import/upload-folder';
import { TimelineEventsRepository } from './timeline-events.repository';

@Module({
  imports: [
    ReviewsModule,
    MulterModule.registerAsync({
      useFactory: (config: AppConfig) => ({ storage: new PrivateDiskStorage(uploadsDir(config)) }),
      inject: [AppConfig],
    }),
  ],
  controllers: [ChronologyImportController, TimelineExportController],
  providers: [
    ChronologyService,
    ChronologyImportService,
    ImportRecoveryService,
    DuplicatesService,
    ChronologyResolver,
    ReviewChronologyResolver,
    PersonContactsResolver,
    ChronologyBundlePart,
    TimelineEventsRepository,
    CommentsRepository,
    DuplicatesRepository,
    TimelineExportService,
    TimelineExportRepository,
    ChronologyImportRepository,
    ImportProgressRepository,
    ChronologyBundleRepository,
    ChronologyLoadersRepository,
    ChronologyLoadersProvider,
  ],
  exports: [ChronologyService, ChronologyBundlePart],
})
export class ChronologyModule {}
