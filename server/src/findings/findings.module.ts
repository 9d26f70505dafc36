import { Module } from '@nestjs/common';
import { ReviewsModule } from '../reviews/reviews.module';
import { ThemesModule } from '../themes/themes.module';
import { FindingsResolver, ReviewFindingsResolver } from './findings.resolver';
import { FindingsService } from './findings.service';

@Module({
  imports: [ReviewsModule, ThemesModule],
  providers: [FindingsService, FindingsResolver, ReviewFindingsResolver],
  exports: [FindingsService],
})
export class FindingsModule {}
