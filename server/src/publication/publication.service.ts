import { Injectable } from '@nestjs/common';
import { TEXT_LIMITS } from '@scr/shared';
import { AuditService } from '../audit/audit.service';
import { BundlesService } from '../bundles/bundles.service';
import { badInput, forbidden } from '../common/app-error';
import { RequestLoaders } from '../common/request-loaders';
import { isPublished } from '../reviews/review-access';
import { ReviewAccessService } from '../reviews/review-access.service';
import { ReviewsService } from '../reviews/reviews.service';
import { User } from '../users/user.entity';
import {
  excerptOf,
  findProblems,
  PublicationProblem,
  PublicationProblemKind,
} from './anonymisation';
import { PublicationRepository } from './publication.repository';
import { corpusFindingsOf, corpusReviewOf, snapshotContentOf } from './snapshot-content';

export interface PublicationOutcome {
  published: boolean;
  problems: PublicationProblem[];
  version: number | null;
}

/** A reason given for a publication step: one line of text, not blank, not too long. */
function reasonOf(value: string | null | undefined, field: string, limit: number): string | null {
  if (value === null || value === undefined) return null;
  const reason = value.trim();
  if (!reason) throw badInput(`${field} must not be blank.`, { field });
  if (reason.length > limit)
    throw badInput(`${field} must be at most ${limit} characters.`, { field });
  return reason;
}

/**
 * Publication of a review: the anonymisation check, the immutable snapshot the corpus reads,
 * reopening for correction and withdrawal from the corpus.
 */
@Injectable()
export class PublicationService {
  constructor(
    private readonly publication: PublicationRepository,
    private readonly access: ReviewAccessService,
    private readonly reviews: ReviewsService,
    private readonly bundles: BundlesService,
    private readonly audit: AuditService,
  ) {}

  /** The version of the review's latest snapshot, or null when it was never published. */
  async publishedVersion(reviewId: string): Promise<number | null> {
    return (await this.publication.latestVersion(reviewId)) || null;
  }

  /** What stands in the way of publishing the review: the anonymisation check and readiness. */
  async problems(
    user: User,
    reviewId: string,
    loaders: RequestLoaders,
  ): Promise<PublicationProblem[]> {
    await this.access.require(user, reviewId, 'respond', loaders);
    return this.check(reviewId);
  }

  private async check(
    reviewId: string,
    repository: PublicationRepository = this.publication,
  ): Promise<PublicationProblem[]> {
    const { people, practitioners, agencyNames, texts } = await repository.textsOf(reviewId);
    const readiness = (await this.reviews.missingForPublication(reviewId)).map(
      (missing): PublicationProblem => ({
        recordType: 'Review',
        recordId: reviewId,
        field: missing.key,
        excerpt: excerptOf(missing.description, 0, missing.description.length),
        kind: PublicationProblemKind.READINESS,
        fixAt: missing.fixAt,
      }),
    );
    return [
      ...readiness,
      ...findProblems({ people, practitioners, allowedNames: agencyNames, texts }),
    ];
  }

  /**
   * Publishes the review when nothing stands in the way, or despite problems when the lead
   * reviewer or an administrator gives a reason. Refused: nothing is written and the problems are
   * returned. Published: the status, the snapshot, the corpus rows and the corpus entry, in one
   * transaction, and the audit trail.
   */
  async publish(
    user: User,
    reviewId: string,
    overrideReasonInput: string | null | undefined,
    loaders: RequestLoaders,
  ): Promise<PublicationOutcome> {
    const review = await this.access.require(user, reviewId, 'respond', loaders);
    const overrideReason = reasonOf(
      overrideReasonInput,
      'overrideReason',
      TEXT_LIMITS.publicationOverrideReason,
    );
    if (isPublished(review))
      throw badInput('This review is already published; reopen it for correction first.', {
        field: 'id',
      });
    const allowed = await this.access.capabilities(user, review, loaders);
    if (overrideReason && !allowed.has('manage'))
      throw forbidden(
        "Only the review's lead reviewer or an administrator may publish despite problems.",
      );
    return this.publication.transaction(async (transaction) => {
      const repo = this.publication.in(transaction);
      await repo.lockReview(reviewId);
      const problems = await this.check(reviewId, repo);
      if (problems.length > 0 && !overrideReason)
        return { published: false, problems, version: null };
      const publishedAt = new Date();
      const bundle = await this.bundles.pseudonymisedIn(transaction, reviewId);
      const content = snapshotContentOf(bundle, publishedAt);
      const version = (await repo.latestVersion(reviewId)) + 1;
      const snapshotId = await repo.insertSnapshot({
        reviewId,
        version,
        publishedAt,
        publishedByName: user.displayName,
        overrideReason: problems.length > 0 ? overrideReason : null,
        content,
      });
      await repo.insertCorpusReview({
        snapshotId,
        reviewId,
        publishedAt,
        ...corpusReviewOf(content),
      });
      const ids = await repo.findingIds(reviewId);
      await repo.insertCorpusFindings(
        snapshotId,
        corpusFindingsOf(content, (ordinal) => ids.get(ordinal)!),
      );
      await repo.pointEntryAt(reviewId, snapshotId);
      const status = await repo.setStatus(reviewId, 'PUBLISHED', publishedAt, user.id);
      await this.audit.record(transaction, user, {
        reviewId,
        entityType: 'Review',
        entityId: reviewId,
        action: 'publish',
        before: { status: status.before },
        after: {
          status: status.after,
          version,
          snapshotId,
          ...(problems.length > 0 ? { overrideReason, problems } : {}),
        },
      });
      loaders.reviewById.clear(reviewId);
      return { published: true, problems, version };
    });
  }

  /** Back to drafting for a correction; the corpus keeps the last snapshot until published again. */
  async reopen(user: User, reviewId: string, reasonInput: string, loaders: RequestLoaders) {
    const review = await this.access.require(user, reviewId, 'manage', loaders);
    const reason = reasonOf(reasonInput, 'reason', TEXT_LIMITS.reopenReason)!;
    if (!isPublished(review))
      throw badInput('Only a published review is reopened for correction.', { field: 'id' });
    await this.publication.transaction(async (transaction) => {
      const status = await this.publication
        .in(transaction)
        .setStatus(reviewId, 'DRAFTING', null, user.id);
      await this.audit.record(transaction, user, {
        reviewId,
        entityType: 'Review',
        entityId: reviewId,
        action: 'reopen',
        before: { status: status.before },
        after: { status: status.after, reason },
      });
    });
    loaders.reviewById.clear(reviewId);
    return (await loaders.reviewById.load(reviewId))!;
  }

  /**
   * Takes the review out of the corpus (administrators): the corpus entry is marked withdrawn and
   * the review archived, so analysts no longer see it anywhere.
   */
  async withdraw(user: User, reviewId: string, reasonInput: string, loaders: RequestLoaders) {
    await this.access.require(user, reviewId, 'manage', loaders);
    const reason = reasonOf(reasonInput, 'reason', TEXT_LIMITS.withdrawReason)!;
    await this.publication.transaction(async (transaction) => {
      const repo = this.publication.in(transaction);
      if (!(await repo.withdraw(reviewId, user.displayName, reason)))
        throw badInput(
          'This review is not in the corpus: it was never published, or is withdrawn.',
          {
            field: 'id',
          },
        );
      const status = await repo.setStatus(reviewId, 'ARCHIVED', null, user.id);
      await this.audit.record(transaction, user, {
        reviewId,
        entityType: 'Review',
        entityId: reviewId,
        action: 'withdraw',
        before: { status: status.before },
        after: { status: status.after, withdrawn: true, reason },
      });
    });
    loaders.reviewById.clear(reviewId);
    return (await loaders.reviewById.load(reviewId))!;
  }
}
