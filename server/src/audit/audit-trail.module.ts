import { Module } from '@nestjs/common';
import { ReviewsModule } from '../reviews/reviews.module';
import { AuditTrailResolver, GeneralAuditTrailResolver } from './audit-trail.resolver';

@Module({ imports: [ReviewsModule], providers: [AuditTrailResolver, GeneralAuditTrailResolver] })
export class AuditTrailModule {}
