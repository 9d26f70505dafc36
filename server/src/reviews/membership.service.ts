import { Injectable } from '@nestjs/common';
import { ReviewRoleName } from '@scr/shared';
import { AuditService } from '../audit/audit.service';
import { badInput, notFound } from '../common/app-error';
import { RequestLoaders } from '../common/request-loaders';
import { User } from '../users/user.entity';
import { MembersRepository } from './members.repository';
import { HOLDABLE_REVIEW_ROLES } from './review-access';
import { ReviewAccessService } from './review-access.service';
import { Review } from './review.entity';

/** Who is a member of a review, and in which role. */
@Injectable()
export class MembershipService {
  constructor(
    private readonly members: MembersRepository,
    private readonly access: ReviewAccessService,
    private readonly audit: AuditService,
  ) {}

  async add(
    user: User,
    reviewId: string,
    memberId: string,
    role: ReviewRoleName,
    loaders: RequestLoaders,
  ): Promise<Review> {
    const review = await this.access.require(user, reviewId, 'manage', loaders);
    const member = await loaders.userById.load(memberId);
    if (!member)
      throw badInput(`userId: there is no account with id ${memberId}.`, {
        field: 'userId',
        value: memberId,
      });
    if (!HOLDABLE_REVIEW_ROLES[member.role].includes(role))
      throw badInput(
        `role: an account with the role ${member.role} may at most be ${HOLDABLE_REVIEW_ROLES[member.role].join(' or ')} of a review, and then sees no real names.`,
        { field: 'role', value: role },
      );
    await this.members.transaction(async (transaction) => {
      const members = this.members.in(transaction);
      const before = await members.find(reviewId, memberId);
      await members.upsert(reviewId, memberId, role);
      await this.audit.record(transaction, user, {
        reviewId,
        entityType: 'ReviewMember',
        entityId: memberId,
        action: before ? 'update' : 'create',
        before,
        after: { reviewId, userId: memberId, email: member.email, role },
      });
    });
    loaders.membersByReview.clear(reviewId);
    return review;
  }

  async remove(
    user: User,
    reviewId: string,
    memberId: string,
    loaders: RequestLoaders,
  ): Promise<Review> {
    const review = await this.access.require(user, reviewId, 'manage', loaders);
    await this.members.transaction(async (transaction) => {
      const members = this.members.in(transaction);
      const before = await members.find(reviewId, memberId);
      if (!before) throw notFound('That account is not a member of this review.');
      const leads = await members.countWithRole(reviewId, 'LEAD_REVIEWER');
      if (before.role === 'LEAD_REVIEWER' && leads === 1) {
        throw badInput('A review needs a lead reviewer: make someone else lead reviewer first.', {
          field: 'userId',
          value: memberId,
        });
      }
      await members.delete(reviewId, memberId);
      await this.audit.record(transaction, user, {
        reviewId,
        entityType: 'ReviewMember',
        entityId: memberId,
        action: 'remove',
        before,
      });
    });
    loaders.membersByReview.clear(reviewId);
    return review;
  }
}
