import { ExecutionContext, Injectable } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { AppError, forbidden } from '../common/app-error';
import { RequestLoaders, RequestLoadersFactory } from '../common/request-loaders';
import { mayChangeCollection } from '../reviews/review-access';
import { ReviewAccessService } from '../reviews/review-access.service';
import { User } from '../users/user.entity';
import { declaredPolicies, Policy, ReviewSource } from './policy';
import { PolicyRepository } from './policy.repository';
import { httpOf } from './request-context';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The one declaration of the handler about to run; refuses a handler with none or several. */
export function policyOf(context: ExecutionContext): Policy {
  const policies = declaredPolicies(context.getHandler(), context.getClass());
  if (policies.length !== 1)
    throw new AppError(
      'FORBIDDEN',
      `${context.getClass().name}.${context.getHandler().name} declares ${policies.length} permission rules; it must declare exactly one.`,
    );
  return policies[0];
}

/** Checks a signed-in user against the declaration of the operation (server/src/auth/policy.ts). */
@Injectable()
export class PolicyEnforcer {
  private readonly access = new ReviewAccessService();

  constructor(
    private readonly records: PolicyRepository,
    private readonly loaderFactory: RequestLoadersFactory,
  ) {}

  async enforce(policy: Policy, user: User, context: ExecutionContext): Promise<void> {
    switch (policy.kind) {
      case 'public':
      case 'signedIn':
        return;
      case 'roles':
        if (!policy.roles.includes(user.role))
          throw forbidden(
            `This needs the role ${policy.roles.join(' or ')}; you are signed in as ${user.role}.`,
          );
        return;
      case 'review': {
        const loaders = this.loadersOf(context);
        const reviewId = await this.reviewIdOf(policy.from, context);
        if (!reviewId) return;
        const review = await loaders.reviewById.load(reviewId);
        if (!review) return;
        const allowed = await this.access.capabilities(user, review, loaders);
        if (!allowed.has(policy.capability))
          throw await this.access.refusal(user, review, policy.capability, loaders);
        return;
      }
      case 'corpus': {
        if (!this.asksLive(context)) {
          if (!policy.roles.includes(user.role))
            throw forbidden(
              `The corpus is for the roles ${policy.roles.join(', ')}; you are signed in as ${user.role}. A collection whose every review you may read can be analysed live (filter.live).`,
            );
          return;
        }
        const id = this.collectionIdOf(context);
        // Without a collection, or one that does not exist, the operation says what is wrong.
        if (!id || !(await this.records.collectionById(id))) return;
        const reviewIds = await this.records.collectionReviewIds(id);
        const unreadable = await this.access.unreadable(user, reviewIds, this.loadersOf(context));
        if (unreadable > 0)
          throw forbidden(
            `You may not read ${unreadable} of the ${reviewIds.length} reviews of this collection, so it cannot be analysed as it is now; its published reviews can be (without live).`,
          );
        return;
      }
      case 'collectionOwner': {
        const id = argsOf(context)[policy.arg];
        if (typeof id !== 'string' || !UUID.test(id)) return;
        const collection = await this.records.collectionById(id);
        if (collection && !mayChangeCollection(user, collection))
          throw forbidden("Only the collection's owner or an administrator may change it.");
        return;
      }
    }
  }

  /** Whether the corpus operation asks for a live collection analysis. */
  private asksLive(context: ExecutionContext): boolean {
    if (context.getType<string>() === 'graphql') {
      const filter = argsOf(context).filter as { live?: unknown } | null | undefined;
      return filter?.live === true;
    }
    return httpOf(context).req.query?.live === 'true';
  }

  private collectionIdOf(context: ExecutionContext): string | null {
    const value =
      context.getType<string>() === 'graphql'
        ? (argsOf(context).filter as { collectionId?: unknown } | null | undefined)?.collectionId
        : httpOf(context).req.query?.collectionId;
    return typeof value === 'string' && UUID.test(value) ? value : null;
  }

  /** The review's id, or null when the operation names nothing that exists (it then says so). */
  private async reviewIdOf(from: ReviewSource, context: ExecutionContext): Promise<string | null> {
    const value =
      'param' in from ? httpOf(context).req.params?.[from.param] : argsOf(context)[from.arg];
    if (typeof value !== 'string' || !UUID.test(value)) return null;
    if (!('of' in from)) return value;
    return this.records.reviewIdOfRecord(from.of, value);
  }

  private loadersOf(context: ExecutionContext): RequestLoaders {
    if (context.getType<string>() === 'graphql') {
      const loaders = GqlExecutionContext.create(context).getContext<{ loaders?: RequestLoaders }>()
        .loaders;
      if (loaders) return loaders;
    }
    return this.loaderFactory.create();
  }
}

function argsOf(context: ExecutionContext): Record<string, unknown> {
  if (context.getType<string>() === 'graphql') return GqlExecutionContext.create(context).getArgs();
  return {};
}
