import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { diskStorage } from 'multer';
import { join } from 'node:path';
import { AppConfig } from '../config/app-config';
import { ThemesModule } from '../themes/themes.module';
import { ReportCodesRepository } from './report-codes.repository';
import { ReportCodesResolver } from './report-codes.resolver';
import { ReportCodesService } from './report-codes.service';
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
    ThemesModule,
    // Uploads stream to files under DATA_DIR (not memory): a report may be 100 MB.
    MulterModule.registerAsync({
      useFactory: (config: AppConfig) => ({
        storage: diskStorage({ destination: join(config.DATA_DIR, 'report-uploads') }),
      }),
      inject: [AppConfig],
    }),
  ],
  controllers: [ReportsController],
  providers: [
    ReportsRepository,
    ReportsService,
    ReportsResolver,
    ReportQueue,
    ReportWorker,
    ReportCodesRepository,
    ReportCodesService,
    ReportCodesResolver,
    ReportReadingService,
    ReportReadingResolver,
  ],
  exports: [ReportsService, ReportReadingService],
})
export class ReportsModule {}
