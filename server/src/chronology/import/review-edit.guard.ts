import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { httpOf } from '../../auth/request-context';
import { unauthenticated } from '../../common/app-error';
import { RequestLoaders } from '../../common/request-loaders';
import { ReviewAccessService } from '../../reviews/review-access.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Refuses a caller who may not edit the review before the upload's body is read: guards run
 * before interceptors, so a non-member's 50 MB file is answered 403 at once instead of being
 * stored first (and refused 413 when it is too large). A malformed id is left to the route's pipe.
 */
@Injectable()
export class ReviewEditGuard implements CanActivate {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ReviewAccessService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const { req } = httpOf(context);
    if (!req.user) throw unauthenticated();
    const reviewId = req.params.id;
    if (typeof reviewId !== 'string' || !UUID.test(reviewId)) return true;
    await this.access.require(req.user, reviewId, 'edit', new RequestLoaders(this.dataSource));
    return true;
  }
}
