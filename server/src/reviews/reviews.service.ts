import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { describeMissing, missingFor, REVIEW_STAGES, REVIEW_STATUS_LABELS } from '@scr/shared';
import { badInput, forbidden } from '../common/app-error';
import { ConnectionShape, decodeCursor, pageSize, toConnection } from '../common/pagination';
import { checkPeriod } from '../common/period';
import { RequestLoaders } from '../common/request-loaders';
import { ThemeKeysService } from '../themes/theme-keys.service';
import { Role, User } from '../users/user.entity';
import { CreateReviewInput, ReviewFilter, UpdateReviewInput } from './dto/review.inputs';
import { MembersRepository } from './members.repository';
import { CORPUS_READERS, isPublished } from './review-access';
import { PUBLISHED_READ_ONLY, ReviewAccessService } from './review-access.service';
import { Review } from './review.entity';
import { ReviewReadinessRepository } from './review-readiness.repository';
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
    private readonly readiness: ReviewReadinessRepository,
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
    if (input.status === 'PUBLISHED')
      throw badInput(
        'A review is published with publishReview, which checks it for real names and writes the snapshot the corpus reads.',
        { field: 'status' },
      );
    checkPeriod(
      input.periodStart !== undefined ? input.periodStart : current.periodStart,
      input.periodEnd !== undefined ? input.periodEnd : current.periodEnd,
    );
    const { stageOverrideReason, ...fields } = input;
    const override = await this.checkStageMove(current, input, stageOverrideReason);
    return this.reviews.transaction(async (transaction) => {
      const changes: Partial<Review> = { ...fields, updatedById: user.id };
      // Only publishReview publishes (and sets publishedAt); a published review cannot be
      // updated, so any status set here is unpublished.
      if (input.status) changes.publishedAt = null;
      const { before, after } = await this.reviews
        .in(transaction)
        .updateVersioned(id, expectedVersion, changes);
      await this.audit.record(transaction, user, {
        reviewId: id,
        entityType: 'Review',
        entityId: id,
        action: 'update',
        before,
        after: override ? { ...after, stageOverride: override } : after,
      });
      return after;
    });
  }

  /**
   * A move to a later stage must meet the shared readiness rules (the ones the review's home
   * lists), with this update's own changes to the period applied, unless the reviewer overrides
   * them with a reason. Moving back, or staying, needs nothing. Returns what the override covered,
   * for the audit trail, or null when there is no override.
   */
  private async checkStageMove(
    current: Review,
    input: UpdateReviewInput,
    reason: string | null | undefined,
  ): Promise<{ reason: string; missing: string[] } | null> {
    const to = input.status;
    const later =
      !!to &&
      REVIEW_STAGES.includes(current.status) &&
      REVIEW_STAGES.indexOf(to) > REVIEW_STAGES.indexOf(current.status);
    if (!later) {
      if (reason)
        throw badInput('stageOverrideReason goes only with a move to a later stage.', {
          field: 'stageOverrideReason',
        });
      return null;
    }
    const stored = await this.readiness.readinessOf(current.id);
    if (!stored) return null;
    const missing = missingFor(
      {
        ...stored,
        periodStart: input.periodStart !== undefined ? input.periodStart : stored.periodStart,
        periodEnd: input.periodEnd !== undefined ? input.periodEnd : stored.periodEnd,
      },
      to,
    ).map(describeMissing);
    if (reason) return { reason: reason.trim(), missing };
    if (missing.length > 0)
      throw badInput(
        `Not ready for ${REVIEW_STATUS_LABELS[to].toLowerCase()}: ${missing.join(' ')} Give a reason (stageOverrideReason) to move on anyway.`,
        { field: 'status', missing },
      );
    return null;
  }

  /**
   * What the shared readiness rules still miss for publication, each in words with where it is
   * fixed; [] when ready.
   */
  async missingForPublication(
    reviewId: string,
  ): Promise<{ key: string; description: string; fixAt: string }[]> {
    const stored = await this.readiness.readinessOf(reviewId);
    if (!stored) return [];
    return missingFor(stored, 'PUBLISHED').map((item) => ({
      key: item.key,
      description: describeMissing(item),
      fixAt: item.fixAt === 'details' ? '' : item.fixAt,
    }));
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

  /**
   * Records that the case group has signed off the analysis (the lead reviewer does, after the
   * case group has met), or withdraws the sign-off when the analysis changes again.
   */
  async setCaseGroupSignOff(
    user: User,
    reviewId: string,
    signedOff: boolean,
    loaders: RequestLoaders,
  ): Promise<Review> {
    const current = await this.access.require(user, reviewId, 'manage', loaders);
    if (isPublished(current)) throw badInput(PUBLISHED_READ_ONLY, { reason: 'PUBLISHED' });
    if (Boolean(current.caseGroupSignedOffAt) === signedOff) return current;
    return this.reviews.transaction(async (transaction) => {
      const { before, after } = await this.reviews
        .in(transaction)
        .setCaseGroupSignOff(
          reviewId,
          signedOff ? { at: new Date(), byId: user.id, byName: user.displayName } : null,
        );
      await this.audit.record(transaction, user, {
        reviewId,
        entityType: 'Review',
        entityId: reviewId,
        action: signedOff ? 'case-group-sign-off' : 'withdraw-case-group-sign-off',
        before: {
          caseGroupSignedOffAt: before.caseGroupSignedOffAt,
          caseGroupSignedOffBy: before.caseGroupSignedOffBy,
        },
        after: {
          caseGroupSignedOffAt: after.caseGroupSignedOffAt,
          caseGroupSignedOffBy: after.caseGroupSignedOffBy,
        },
      });
      return after;
    });
  }
}
