import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { AppConfig } from '../config/app-config';
import { ReviewsModule } from '../reviews/reviews.module';
import { ChronologyBundlePart } from './chronology-bundle-part';
import { ChronologyLoadersRepository } from './chronology-loaders.repository';
import { ChronologyLoadersProvider } from './chronology.loaders';
import { ChronologyResolver, ReviewChronologyResolver } from './chronology.resolver';
import { ChronologyService } from './chronology.service';
import { DuplicatesService } from './duplicates.service';
import { TimelineExportController } from './export/timeline-export.controller';
import { ChronologyImportController } from './import/chronology-import.controller';
import { ChronologyImportService } from './import/chronology-import.service';
import { ImportRecoveryService } from './import/import-recovery.service';
import { PrivateDiskStorage, uploadsDir } from './import/upload-folder';

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
    ChronologyBundlePart,
    ChronologyLoadersRepository,
    ChronologyLoadersProvider,
  ],
  exports: [ChronologyService, ChronologyBundlePart],
})
export class ChronologyModule {}
