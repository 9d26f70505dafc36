import { Args, Context, ID, Int, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser } from '../auth/current-user.decorator';
import { OnReview } from '../auth/policy';
import { RemovalResult } from '../common/removal-result';
import { Finding } from '../findings/finding.entity';
import { GraphqlContext } from '../graphql/graphql-context';
import { Review } from '../reviews/review.entity';
import { User } from '../users/user.entity';
import {
  ReviewConversationInput,
  UpdateReviewConversationInput,
} from './dto/review-conversation.inputs';
import { ReviewQuestionInput } from './dto/review-question.inputs';
import { ReviewConversation } from './review-conversation.entity';
import { ReviewQuestion } from './review-question.entity';
import { ReviewSetupService } from './review-setup.service';

@Resolver(() => ReviewQuestion)
export class ReviewQuestionsResolver {
  constructor(private readonly setup: ReviewSetupService) {}

  @OnReview('edit', { arg: 'reviewId' })
  @Mutation(() => ReviewQuestion, {
    description: "Adds a question to the end of the review's terms of reference",
  })
  addReviewQuestion(
    @CurrentUser() user: User,
    @Args('reviewId', { type: () => ID }) reviewId: string,
    @Args('input') input: ReviewQuestionInput,
    @Context() ctx: GraphqlContext,
  ) {
    return this.setup.addQuestion(user, reviewId, input, ctx.loaders);
  }

  @OnReview('edit', { arg: 'id', of: 'reviewQuestion' })
  @Mutation(() => ReviewQuestion)
  updateReviewQuestion(
    @CurrentUser() user: User,
    @Args('id', { type: () => ID }) id: string,
    @Args('expectedVersion', { type: () => Int }) expectedVersion: number,
    @Args('input') input: ReviewQuestionInput,
    @Context() ctx: GraphqlContext,
  ) {
    return this.setup.updateQuestion(user, id, expectedVersion, input, ctx.loaders);
  }

  @OnReview('edit', { arg: 'reviewId' })
  @Mutation(() => [ReviewQuestion], {
    description: "Puts the review's questions in the given order (list them all)",
  })
  reorderReviewQuestions(
    @CurrentUser() user: User,
    @Args('reviewId', { type: () => ID }) reviewId: string,
    @Args('questionIds', { type: () => [ID] }) questionIds: string[],
    @Context() ctx: GraphqlContext,
  ) {
    return this.setup.reorderQuestions(user, reviewId, questionIds, ctx.loaders);
  }

  @OnReview('edit', { arg: 'id', of: 'reviewQuestion' })
  @Mutation(() => RemovalResult, {
    description: 'Removes a question; findings that answered it no longer say so',
  })
  removeReviewQuestion(
    @CurrentUser() user: User,
    @Args('id', { type: () => ID }) id: string,
    @Args('dryRun', { defaultValue: false }) dryRun: boolean,
    @Context() ctx: GraphqlContext,
  ) {
    return this.setup.removeQuestion(user, id, dryRun, ctx.loaders);
  }
}

@Resolver(() => ReviewConversation)
export class ReviewConversationsResolver {
  constructor(private readonly setup: ReviewSetupService) {}

  @OnReview('edit', { arg: 'reviewId' })
  @Mutation(() => ReviewConversation, {
    description: "Records a conversation with practitioners, or the family's contribution",
  })
  async addReviewConversation(
    @CurrentUser() user: User,
    @Args('reviewId', { type: () => ID }) reviewId: string,
    @Args('input') input: ReviewConversationInput,
    @Context() ctx: GraphqlContext,
  ) {
    const [conversation] = await ctx.loaders.withConversationLinks([
      await this.setup.addConversation(user, reviewId, input, ctx.loaders),
    ]);
    return conversation;
  }

  @OnReview('edit', { arg: 'id', of: 'reviewConversation' })
  @Mutation(() => ReviewConversation)
  async updateReviewConversation(
    @CurrentUser() user: User,
    @Args('id', { type: () => ID }) id: string,
    @Args('expectedVersion', { type: () => Int }) expectedVersion: number,
    @Args('input') input: UpdateReviewConversationInput,
    @Context() ctx: GraphqlContext,
  ) {
    const [conversation] = await ctx.loaders.withConversationLinks([
      await this.setup.updateConversation(user, id, expectedVersion, input, ctx.loaders),
    ]);
    return conversation;
  }

  @OnReview('edit', { arg: 'id', of: 'reviewConversation' })
  @Mutation(() => RemovalResult)
  removeReviewConversation(
    @CurrentUser() user: User,
    @Args('id', { type: () => ID }) id: string,
    @Args('dryRun', { defaultValue: false }) dryRun: boolean,
    @Context() ctx: GraphqlContext,
  ) {
    return this.setup.removeConversation(user, id, dryRun, ctx.loaders);
  }
}

@Resolver(() => Review)
export class ReviewQuestionsFieldResolver {
  @ResolveField(() => [ReviewQuestion], {
    description: 'The questions of the terms of reference, in order',
  })
  questions(@Parent() review: Review, @Context() ctx: GraphqlContext) {
    return ctx.loaders.questionsByReview.load(review.id);
  }

  @ResolveField(() => [ReviewConversation], {
    description:
      "Conversations with practitioners and the family's contribution, by date (undated last)",
  })
  conversations(@Parent() review: Review, @Context() ctx: GraphqlContext) {
    return ctx.loaders.conversationsByReview.load(review.id);
  }
}

@Resolver(() => Finding)
export class FindingAnswersResolver {
  @ResolveField(() => [ID], {
    description: 'The ids of the review questions the finding answers, in their order',
  })
  answersQuestionIds(@Parent() finding: Finding, @Context() ctx: GraphqlContext) {
    return ctx.loaders.answersByFinding.load(finding.id);
  }

  @ResolveField(() => [ReviewQuestion], {
    description: 'The review questions the finding answers, in the order of the questions',
  })
  async answersQuestions(@Parent() finding: Finding, @Context() ctx: GraphqlContext) {
    const [answered, questions] = await Promise.all([
      ctx.loaders.answersByFinding.load(finding.id),
      ctx.loaders.questionsByReview.load(finding.reviewId),
    ]);
    return questions.filter((question) => answered.includes(question.id));
  }
}
