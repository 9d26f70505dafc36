import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { diskStorage } from 'multer';
import { join } from 'node:path';
import { AppConfig } from '../config/app-config';
import { ReportQueue } from './report-queue';
import { ReportReadingResolver } from './report-reading.resolver';
import { ReportReadingService } from './report-reading.service';
import { ReportWorker } from './report-worker';
import { ReportsController } from './reports.controller';
import { ReportsRepository } from './reports.repository';
import { ReportsResolver } from './reports.resolver';
import { ReportsService } from './reports.service';

@Module({
  imports: [
    // Uploads stream to files under DATA_DIR (not memory): a report may be 100 MB.
    MulterModule.registerAsync({
      useFactory: (config: AppConfig) => ({
        storage: diskStorage({ destination: join(config.DATA_DIR, 'uploads', 'reports') }),
      }),
      inject: [AppConfig],
    }),
  ],
  controllers: [ReportsController],
  providers: [
    ReportsRepository,
    ReportsService,
    ReportsResolver,
    ReportReadingService,
    ReportReadingResolver,
    ReportQueue,
    ReportWorker,
  ],
  exports: [ReportsService, ReportReadingService],
})
export class ReportsModule {}
