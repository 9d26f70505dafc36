import {
  Args,
  Context,
  Field,
  ID,
  Int,
  Mutation,
  ObjectType,
  Parent,
  Query,
  registerEnumType,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import { CurrentUser } from '../auth/current-user.decorator';
import { OnReview } from '../auth/policy';
import { Roles } from '../auth/roles.decorator';
import { GraphqlContext } from '../graphql/graphql-context';
import { Review } from '../reviews/review.entity';
import { Role, User } from '../users/user.entity';
import { PublicationProblemKind } from './anonymisation';
import { PublicationService } from './publication.service';

registerEnumType(PublicationProblemKind, {
  name: 'PublicationProblemKind',
  description: 'What the anonymisation check found, or READINESS for a readiness rule not met',
});

@ObjectType({ description: 'Something that stands in the way of publishing a review' })
export class PublicationProblem {
  @Field({ description: 'The kind of record: Review, TimelineEvent, PracticeEpisode, Finding…' })
  recordType: string;

  @Field(() => ID)
  recordId: string;

  @Field({ description: 'The field of the record, e.g. summary or references.citation' })
  field: string;

  @Field({
    description: 'A short window of the text around what was found (at most 80 characters)',
  })
  excerpt: string;

  @Field(() => PublicationProblemKind)
  kind: PublicationProblemKind;

  @Field({
    description: 'Where it is fixed: a client path relative to the review, e.g. episodes/<id>',
  })
  fixAt: string;
}

@ObjectType()
export class PublicationResult {
  @Field()
  published: boolean;

  @Field(() => [PublicationProblem], {
    description: 'What refused the publication, or what the override covered',
  })
  problems: PublicationProblem[];

  @Field(() => Int, { nullable: true, description: 'The snapshot version written, when published' })
  version: number | null;
}

@Resolver()
export class PublicationResolver {
  constructor(private readonly publication: PublicationService) {}

  @OnReview('respond', { arg: 'reviewId' })
  @Query(() => [PublicationProblem], {
    description:
      'What the anonymisation check and the readiness rules find before publication (the review team, the lead reviewer and administrators)',
  })
  publicationProblems(
    @CurrentUser() user: User,
    @Args('reviewId', { type: () => ID }) reviewId: string,
    @Context() ctx: GraphqlContext,
  ) {
    return this.publication.problems(user, reviewId, ctx.loaders);
  }

  @OnReview('respond', { arg: 'id' })
  @Mutation(() => PublicationResult, {
    description:
      'Publishes the review and writes the snapshot the corpus reads; refused while problems remain, unless the lead reviewer or an administrator gives overrideReason',
  })
  publishReview(
    @CurrentUser() user: User,
    @Args('id', { type: () => ID }) id: string,
    @Context() ctx: GraphqlContext,
    // Typed `string` alone so that the validation pipe sees a String argument and checks it.
    @Args('overrideReason', { type: () => String, nullable: true }) overrideReason?: string,
  ) {
    return this.publication.publish(user, id, overrideReason, ctx.loaders);
  }

  @OnReview('manage', { arg: 'id' })
  @Mutation(() => Review, {
    description:
      'Reopens a published review for correction (back to drafting); the corpus keeps the last snapshot until it is published again',
  })
  reopenReview(
    @CurrentUser() user: User,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason') reason: string,
    @Context() ctx: GraphqlContext,
  ) {
    return this.publication.reopen(user, id, reason, ctx.loaders);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => Review, {
    description:
      'Takes a published review out of the corpus and archives it (administrators); who and why are kept',
  })
  withdrawReview(
    @CurrentUser() user: User,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason') reason: string,
    @Context() ctx: GraphqlContext,
  ) {
    return this.publication.withdraw(user, id, reason, ctx.loaders);
  }
}

@Resolver(() => Review)
export class ReviewPublicationResolver {
  constructor(private readonly publication: PublicationService) {}

  @ResolveField(() => Int, {
    nullable: true,
    description:
      'The version of the latest publication (its snapshot); null when the review was never published',
  })
  publishedVersion(@Parent() review: Review) {
    return this.publication.publishedVersion(review.id);
  }
}
