import { Module } from '@nestjs/common';
import { ReviewsModule } from '../reviews/reviews.module';
import {
  BoardActionsResolver,
  FindingsResolver,
  ReviewFindingsResolver,
} from './findings.resolver';
import { FindingsService } from './findings.service';

@Module({
  imports: [ReviewsModule],
  providers: [FindingsService, FindingsResolver, BoardActionsResolver, ReviewFindingsResolver],
  exports: [FindingsService],
})
export class FindingsModule {}
