import { Module } from '@nestjs/common';
import { ReviewsModule } from '../reviews/reviews.module';
import { AuditTrailResolver } from './audit-trail.resolver';

@Module({ imports: [ReviewsModule], providers: [AuditTrailResolver] })
export class AuditTrailModule {}
