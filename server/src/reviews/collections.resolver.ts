import { Context, ID, Parent, Query, ResolveField, Resolver, Args } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CurrentUser } from '../auth/current-user.decorator';
import { GraphqlContext } from '../common/graphql-context';
import { User } from '../users/user.entity';
import { Collection } from './collection.entity';
import { ReviewAccessService } from './review-access.service';
import { Review } from './review.entity';
import { ReviewsService } from './reviews.service';
import { SignedIn } from '../auth/policy';

@Resolver(() => Collection)
export class CollectionsResolver {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reviewsService: ReviewsService,
    private readonly access: ReviewAccessService,
  ) {}

  @SignedIn('each collection lists only the reviews the account may read')
  @Query(() => [Collection], { description: 'Named sets of reviews, such as audit rounds' })
  collections() {
    return this.dataSource.getRepository(Collection).find({ order: { name: 'ASC' } });
  }

  @SignedIn('lists only the reviews the account may read')
  @Query(() => Collection, { nullable: true })
  collection(@Args('id', { type: () => ID }) id: string) {
    return this.dataSource.getRepository(Collection).findOneBy({ id });
  }

  @ResolveField(() => [Review], { description: 'The reviews of the collection that you may see' })
  async reviews(
    @Parent() collection: Collection,
    @CurrentUser() user: User,
    @Context() ctx: GraphqlContext,
  ): Promise<Review[]> {
    const ids = await this.reviewsService.collectionReviewIds(collection.id);
    const reviews = (await ctx.loaders.reviewById.loadMany(ids)).filter(
      (r): r is Review => r instanceof Review,
    );
    const visible = await Promise.all(
      reviews.map(async (r) => (await this.access.capabilities(user, r, ctx.loaders)).has('read')),
    );
    return reviews
      .filter((_, i) => visible[i])
      .sort((a, b) => a.reference.localeCompare(b.reference));
  }
}
