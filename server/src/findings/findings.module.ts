import { Module } from '@nestjs/common';
import { ReviewsModule } from '../reviews/reviews.module';
import { ThemesModule } from '../themes/themes.module';
import { FindingsBundlePart } from './findings-bundle-part';
import { FindingsBundleRepository } from './findings-bundle.repository';
import { FindingsLoadersProvider } from './findings.loaders';
import { FindingsRepository } from './findings.repository';
import { FindingsResolver, ReviewFindingsResolver } from './findings.resolver';
import { FindingsService } from './findings.service';

@Module({
  imports: [ReviewsModule, ThemesModule],
  providers: [
    FindingsService,
    FindingsResolver,
    ReviewFindingsResolver,
    FindingsBundlePart,
    FindingsRepository,
    FindingsBundleRepository,
    FindingsLoadersProvider,
  ],
  exports: [FindingsService, FindingsBundlePart],
})
export class FindingsModule {}
