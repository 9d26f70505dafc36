import { Args, Context, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser } from '../auth/current-user.decorator';
import { GraphqlContext } from '../graphql/graphql-context';
import { User } from '../users/user.entity';
import { Collection } from './collection.entity';
import { CollectionsService } from './collections.service';
import { Review } from './review.entity';
import { SignedIn } from '../auth/policy';

@Resolver(() => Collection)
export class CollectionsResolver {
  constructor(private readonly collectionsService: CollectionsService) {}

  @SignedIn('each collection lists only the reviews the account may read')
  @Query(() => [Collection], { description: 'Named sets of reviews, such as audit rounds' })
  collections() {
    return this.collectionsService.list();
  }

  @SignedIn('lists only the reviews the account may read')
  @Query(() => Collection, { nullable: true })
  collection(@Args('id', { type: () => ID }) id: string) {
    return this.collectionsService.find(id);
  }

  @ResolveField(() => Boolean, {
    description:
      'Whether you may analyse the collection as it is now, published or not (CorpusFilter.live): when you may read every review in it',
  })
  canAnalyse(
    @Parent() collection: Collection,
    @CurrentUser() user: User,
    @Context() ctx: GraphqlContext,
  ): Promise<boolean> {
    return this.collectionsService.canAnalyse(user, collection, ctx.loaders);
  }

  @ResolveField(() => Boolean, {
    description:
      'Whether you may add reviews to it or take them out: its owner or an administrator',
  })
  editable(@Parent() collection: Collection, @CurrentUser() user: User): boolean {
    return this.collectionsService.mayChange(user, collection);
  }

  @ResolveField(() => [Review], { description: 'The reviews of the collection that you may see' })
  reviews(
    @Parent() collection: Collection,
    @CurrentUser() user: User,
    @Context() ctx: GraphqlContext,
  ): Promise<Review[]> {
    return this.collectionsService.visibleReviews(user, collection, ctx.loaders);
  }
}
