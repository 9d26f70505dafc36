import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { forbidden } from '../common/app-error';
import { ConnectionShape, decodeCursor, pageSize, toConnection } from '../common/pagination';
import { checkPeriod } from '../common/period';
import { RequestLoaders } from '../common/request-loaders';
import { ThemeKeysService } from '../themes/theme-keys.service';
import { Role, User } from '../users/user.entity';
import { CreateReviewInput, ReviewFilter, UpdateReviewInput } from './dto/review.inputs';
import { MembersRepository } from './members.repository';
import { CORPUS_READERS } from './review-access';
import { ReviewAccessService } from './review-access.service';
import { Review } from './review.entity';
import { ReviewsRepository } from './reviews.repository';

const REVIEW_CREATORS: Role[] = [Role.ADMIN, Role.REVIEWER];

/** Reviews themselves: the list, one review, creating and changing one. */
@Injectable()
export class ReviewsService {
  constructor(
    private readonly reviews: ReviewsRepository,
    private readonly members: MembersRepository,
    private readonly access: ReviewAccessService,
    private readonly themeKeys: ThemeKeysService,
    private readonly audit: AuditService,
  ) {}

  async list(
    user: User,
    filter: ReviewFilter | undefined,
    first?: number | null,
    after?: string | null,
  ): Promise<ConnectionShape<Review>> {
    const limit = pageSize(first, 50);
    const cursor = decodeCursor(after, 2) as [string, string] | null;
    // The list shows what capabilitiesFor lets read: members, and corpus readers of published
    // reviews; administrators see every review.
    const visibility =
      user.role === Role.ADMIN
        ? null
        : { memberId: user.id, orPublished: CORPUS_READERS.includes(user.role) };
    const { rows, totalCount } = await this.reviews.page(visibility, filter, limit + 1, cursor);
    return toConnection(rows, limit, totalCount, (row) => [row.updatedAt.toISOString(), row.id]);
  }

  /** The review, or null when it does not exist or the user may not see it. */
  async findVisible(user: User, id: string, loaders: RequestLoaders): Promise<Review | null> {
    const [review] = await Promise.all([
      loaders.reviewById.load(id),
      loaders.membersByReview.load(id),
    ]);
    if (!review) return null;
    const allowed = await this.access.capabilities(user, review, loaders);
    if (!allowed.has('read')) throw forbidden('You are not a member of this review.');
    return review;
  }

  async create(user: User, input: CreateReviewInput): Promise<Review> {
    if (!REVIEW_CREATORS.includes(user.role))
      throw forbidden('Only reviewers and administrators create reviews.');
    checkPeriod(input.periodStart, input.periodEnd);
    return this.reviews.transaction(async (transaction) => {
      const review = await this.reviews.in(transaction).insert({
        ...input,
        partnership: input.partnership?.trim() ?? '',
        methodology: input.methodology ?? 'LEARNING_TOGETHER',
        createdById: user.id,
        updatedById: user.id,
      });
      await this.members.in(transaction).insert(review.id, user.id, 'LEAD_REVIEWER');
      await this.audit.record(transaction, user, {
        reviewId: review.id,
        entityType: 'Review',
        entityId: review.id,
        action: 'create',
        after: review,
      });
      return review;
    });
  }

  async update(
    user: User,
    id: string,
    expectedVersion: number,
    input: UpdateReviewInput,
    loaders: RequestLoaders,
  ): Promise<Review> {
    const current = await this.access.require(user, id, 'edit', loaders);
    checkPeriod(
      input.periodStart !== undefined ? input.periodStart : current.periodStart,
      input.periodEnd !== undefined ? input.periodEnd : current.periodEnd,
    );
    return this.reviews.transaction(async (transaction) => {
      const changes: Partial<Review> = { ...input, updatedById: user.id };
      // publishedAt says since when the review is published; it goes when the review leaves
      // PUBLISHED (the audit trail keeps the history). Who may read follows the status only.
      if (input.status === 'PUBLISHED' && current.status !== 'PUBLISHED')
        changes.publishedAt = new Date();
      else if (input.status && input.status !== 'PUBLISHED') changes.publishedAt = null;
      const { before, after } = await this.reviews
        .in(transaction)
        .updateVersioned(id, expectedVersion, changes);
      await this.audit.record(transaction, user, {
        reviewId: id,
        entityType: 'Review',
        entityId: id,
        action: 'update',
        before,
        after,
      });
      return after;
    });
  }

  async setCaseCharacteristics(
    user: User,
    reviewId: string,
    themeKeys: string[],
    loaders: RequestLoaders,
  ): Promise<Review> {
    await this.access.require(user, reviewId, 'edit', loaders);
    const keys = await this.themeKeys.validate(themeKeys, 'themeKeys', 'CASE_CHARACTERISTIC');
    return this.reviews.transaction(async (transaction) => {
      const { before, after } = await this.reviews
        .in(transaction)
        .setCaseCharacteristics(reviewId, keys, user.id);
      await this.audit.record(transaction, user, {
        reviewId,
        entityType: 'Review',
        entityId: reviewId,
        action: 'update',
        before: { caseCharacteristics: before.caseCharacteristicKeys },
        after: { caseCharacteristics: keys },
      });
      return after;
    });
  }
}
