import {
  Args,
  Context,
  ID,
  Int,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
  Field,
  ObjectType,
} from '@nestjs/graphql';
import { ReviewRoleName } from '@scr/shared';
import { CurrentUser } from '../auth/current-user.decorator';
import { GraphqlContext } from '../graphql/graphql-context';
import { QUERY_COSTS } from '../graphql/query-cost';
import { Connection } from '../common/pagination';
import { RemovalResult } from '../common/removal-result';
import { ReviewRole } from '../graphql/enums';
import { Theme } from '../themes/theme.entity';
import { Agency } from './agency.entity';
import { Collection } from './collection.entity';
import {
  AgencyInput,
  CollectionInput,
  CreateReviewInput,
  PersonInput,
  RelationshipInput,
  ReviewFilter,
  UpdateReviewInput,
} from './dto/review.inputs';
import { HouseholdMembership } from './household-membership.entity';
import { Person } from './person.entity';
import { PersonRelationship } from './person-relationship.entity';
import { effectiveReviewRole } from './review-access';
import { ReviewAccessService } from './review-access.service';
import { ImportedFrom, Review } from './review.entity';
import { ReviewsService } from './reviews.service';
import { AgenciesService } from './agencies.service';
import { CollectionsService } from './collections.service';
import { MembershipService } from './membership.service';
import { PeopleRegisterService } from './people-register.service';
import { RelationshipsService } from './relationships.service';
import { OnReview, OwnsCollection, SignedIn } from '../auth/policy';
import { Roles } from '../auth/roles.decorator';
import { Role, User } from '../users/user.entity';

export const ReviewConnection = Connection(Review, 'Review');

@ObjectType({ description: 'A member of a review and their role on it' })
export class ReviewMembership {
  @Field(() => User)
  user: User;

  @Field(() => ReviewRole)
  role: ReviewRoleName;
}

@Resolver(() => Review)
export class ReviewsResolver {
  constructor(
    private readonly reviewsService: ReviewsService,
    private readonly membershipService: MembershipService,
    private readonly agenciesService: AgenciesService,
    private readonly peopleRegister: PeopleRegisterService,
    private readonly relationshipsService: RelationshipsService,
    private readonly collectionsService: CollectionsService,
    private readonly access: ReviewAccessService,
  ) {}

  @SignedIn('lists only the reviews the account may read')
  @Query(() => ReviewConnection, {
    description: 'The reviews you may see, most recently changed first',
    complexity: QUERY_COSTS.search,
  })
  reviews(
    @CurrentUser() user: User,
    @Args('filter', { nullable: true }) filter?: ReviewFilter,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { nullable: true }) after?: string,
  ) {
    return this.reviewsService.list(user, filter, first, after);
  }

  @OnReview('read', { arg: 'id' })
  @Query(() => Review, { nullable: true })
  review(
    @CurrentUser() user: User,
    @Args('id', { type: () => ID }) id: string,
    @Context() ctx: GraphqlContext,
  ) {
    return this.reviewsService.findVisible(user, id, ctx.loaders);
  }

  @Roles(Role.ADMIN, Role.REVIEWER)
  @Mutation(() => Review, {
    description: 'Creates a review; its creator becomes its lead reviewer',
  })
  createReview(@CurrentUser() user: User, @Args('input') input: CreateReviewInput) {
    return this.reviewsService.create(user, input);
  }

  @OnReview('edit', { arg: 'id' })
  @Mutation(() => Review)
  updateReview(
    @CurrentUser() user: User,
    @Args('id', { type: () => ID }) id: string,
    @Args('expectedVersion', { type: () => Int }) expectedVersion: number,
    @Args('input') input: UpdateReviewInput,
    @Context() ctx: GraphqlContext,
  ) {
    return this.reviewsService.update(user, id, expectedVersion, input, ctx.loaders);
  }

  @OnReview('manage', { arg: 'reviewId' })
  @Mutation(() => Review, {
    description: "Adds a member or changes a member's role (ADMIN or the lead reviewer)",
  })
  addMember(
    @CurrentUser() user: User,
    @Args('reviewId', { type: () => ID }) reviewId: string,
    @Args('userId', { type: () => ID }) userId: string,
    @Args('role', { type: () => ReviewRole }) role: ReviewRoleName,
    @Context() ctx: GraphqlContext,
  ) {
    return this.membershipService.add(user, reviewId, userId, role, ctx.loaders);
  }

  @OnReview('manage', { arg: 'reviewId' })
  @Mutation(() => Review)
  removeMember(
    @CurrentUser() user: User,
    @Args('reviewId', { type: () => ID }) reviewId: string,
    @Args('userId', { type: () => ID }) userId: string,
    @Context() ctx: GraphqlContext,
  ) {
    return this.membershipService.remove(user, reviewId, userId, ctx.loaders);
  }

  @OnReview('edit', { arg: 'reviewId' })
  @Mutation(() => Review)
  setCaseCharacteristics(
    @CurrentUser() user: User,
    @Args('reviewId', { type: () => ID }) reviewId: string,
    @Args('themeKeys', { type: () => [String] }) themeKeys: string[],
    @Context() ctx: GraphqlContext,
  ) {
    return this.reviewsService.setCaseCharacteristics(user, reviewId, themeKeys, ctx.loaders);
  }

  @OnReview('manage', { arg: 'reviewId' })
  @Mutation(() => Review, {
    description:
      "Records the case group's sign-off on the analysis (the lead reviewer and administrators)",
  })
  signOffAnalysis(
    @CurrentUser() user: User,
    @Args('reviewId', { type: () => ID }) reviewId: string,
    @Context() ctx: GraphqlContext,
  ) {
    return this.reviewsService.setCaseGroupSignOff(user, reviewId, true, ctx.loaders);
  }

  @OnReview('manage', { arg: 'reviewId' })
  @Mutation(() => Review, {
    description: "Withdraws the case group's sign-off on the analysis",
  })
  withdrawAnalysisSignOff(
    @CurrentUser() user: User,
    @Args('reviewId', { type: () => ID }) reviewId: string,
    @Context() ctx: GraphqlContext,
  ) {
    return this.reviewsService.setCaseGroupSignOff(user, reviewId, false, ctx.loaders);
  }

  @OnReview('edit', { arg: 'reviewId' })
  @Mutation(() => Agency)
  addAgency(
    @CurrentUser() user: User,
    @Args('reviewId', { type: () => ID }) reviewId: string,
    @Args('input') input: AgencyInput,
    @Context() ctx: GraphqlContext,
  ) {
    return this.agenciesService.add(user, reviewId, input, ctx.loaders);
  }

  @OnReview('edit', { arg: 'id', of: 'agency' })
  @Mutation(() => Agency)
  updateAgency(
    @CurrentUser() user: User,
    @Args('id', { type: () => ID }) id: string,
    @Args('expectedVersion', { type: () => Int }) expectedVersion: number,
    @Args('input') input: AgencyInput,
    @Context() ctx: GraphqlContext,
  ) {
    return this.agenciesService.update(user, id, expectedVersion, input, ctx.loaders);
  }

  @OnReview('edit', { arg: 'id', of: 'agency' })
  @Mutation(() => RemovalResult)
  removeAgency(
    @CurrentUser() user: User,
    @Args('id', { type: () => ID }) id: string,
    @Args('dryRun', { defaultValue: false }) dryRun: boolean,
    @Context() ctx: GraphqlContext,
  ) {
    return this.agenciesService.remove(user, id, dryRun, ctx.loaders);
  }

  @OnReview('edit', { arg: 'reviewId' })
  @Mutation(() => Person, {
    description: 'Adds to the people register: the real name is kept private, the pseudonym shown',
  })
  addPerson(
    @CurrentUser() user: User,
    @Args('reviewId', { type: () => ID }) reviewId: string,
    @Args('input') input: PersonInput,
    @Context() ctx: GraphqlContext,
  ) {
    return this.peopleRegister.add(user, reviewId, input, ctx.loaders);
  }

  @OnReview('edit', { arg: 'id', of: 'person' })
  @Mutation(() => Person)
  updatePerson(
    @CurrentUser() user: User,
    @Args('id', { type: () => ID }) id: string,
    @Args('expectedVersion', { type: () => Int }) expectedVersion: number,
    @Args('input') input: PersonInput,
    @Context() ctx: GraphqlContext,
  ) {
    return this.peopleRegister.update(user, id, expectedVersion, input, ctx.loaders);
  }

  @OnReview('edit', { arg: 'id', of: 'person' })
  @Mutation(() => RemovalResult)
  removePerson(
    @CurrentUser() user: User,
    @Args('id', { type: () => ID }) id: string,
    @Args('dryRun', { defaultValue: false }) dryRun: boolean,
    @Context() ctx: GraphqlContext,
  ) {
    return this.peopleRegister.remove(user, id, dryRun, ctx.loaders);
  }

  @OnReview('edit', { arg: 'reviewId' })
  @Mutation(() => PersonRelationship)
  addRelationship(
    @CurrentUser() user: User,
    @Args('reviewId', { type: () => ID }) reviewId: string,
    @Args('input') input: RelationshipInput,
    @Context() ctx: GraphqlContext,
  ) {
    return this.relationshipsService.add(user, reviewId, input, ctx.loaders);
  }

  @OnReview('edit', { arg: 'id', of: 'relationship' })
  @Mutation(() => RemovalResult)
  removeRelationship(
    @CurrentUser() user: User,
    @Args('id', { type: () => ID }) id: string,
    @Context() ctx: GraphqlContext,
  ) {
    return this.relationshipsService.remove(user, id, ctx.loaders);
  }

  @SignedIn('the new collection belongs to its creator')
  @Mutation(() => Collection)
  createCollection(@CurrentUser() user: User, @Args('input') input: CollectionInput) {
    return this.collectionsService.create(user, input);
  }

  @OwnsCollection('collectionId')
  @Mutation(() => Collection)
  addToCollection(
    @CurrentUser() user: User,
    @Args('collectionId', { type: () => ID }) collectionId: string,
    @Args('reviewIds', { type: () => [ID] }) reviewIds: string[],
    @Context() ctx: GraphqlContext,
  ) {
    return this.collectionsService.addReviews(user, collectionId, reviewIds, ctx.loaders);
  }

  @OwnsCollection('collectionId')
  @Mutation(() => Collection, {
    description:
      'Takes reviews out of the collection (its owner or an administrator); ids not in it are ignored',
  })
  removeFromCollection(
    @CurrentUser() user: User,
    @Args('collectionId', { type: () => ID }) collectionId: string,
    @Args('reviewIds', { type: () => [ID] }) reviewIds: string[],
  ) {
    return this.collectionsService.removeReviews(user, collectionId, reviewIds);
  }

  @ResolveField(() => [Agency])
  agencies(@Parent() review: Review, @Context() ctx: GraphqlContext) {
    return ctx.loaders.agenciesByReview.load(review.id);
  }

  @ResolveField(() => [Person], { description: 'The people register' })
  people(@Parent() review: Review, @Context() ctx: GraphqlContext) {
    return ctx.loaders.peopleByReview.load(review.id);
  }

  @ResolveField(() => [PersonRelationship], {
    description: 'Ties between people, for the family network',
  })
  relationships(@Parent() review: Review, @Context() ctx: GraphqlContext) {
    return ctx.loaders.relationshipsByReview.load(review.id);
  }

  @ResolveField(() => [Theme])
  caseCharacteristics(@Parent() review: Review, @Context() ctx: GraphqlContext) {
    return ctx.loaders.themesFor(review.caseCharacteristicKeys);
  }

  @ResolveField(() => [ReviewMembership], {
    description: "The review's members; empty for readers who are not members",
  })
  async members(
    @Parent() review: Review,
    @CurrentUser() user: User,
    @Context() ctx: GraphqlContext,
  ): Promise<ReviewMembership[]> {
    const allowed = await this.access.capabilities(user, review, ctx.loaders);
    if (!allowed.has('readRealNames')) return [];
    const members = await ctx.loaders.membersByReview.load(review.id);
    const users = await ctx.loaders.userById.loadMany(members.map((m) => m.userId));
    return members.flatMap((member, i) => {
      const account = users[i];
      if (!(account instanceof User)) return [];
      const role = effectiveReviewRole(account.role, member.role);
      return role ? [{ user: account, role }] : [];
    });
  }

  @ResolveField(() => ImportedFrom, {
    nullable: true,
    description: 'Where the review came from, when it was imported from a bundle',
  })
  async importedFrom(
    @Parent() review: Review,
    @CurrentUser() user: User,
    @Context() ctx: GraphqlContext,
  ): Promise<ImportedFrom | null> {
    if (!review.importedFrom) return null;
    const allowed = await this.access.capabilities(user, review, ctx.loaders);
    if (allowed.has('readRealNames')) return review.importedFrom;
    return { ...review.importedFrom, exportedBy: null, importedBy: null };
  }

  @ResolveField(() => ReviewRole, {
    nullable: true,
    description:
      'Your role on this review, if you are a member, as your account role lets it work (docs/decisions/0005)',
  })
  async myRole(
    @Parent() review: Review,
    @CurrentUser() user: User,
    @Context() ctx: GraphqlContext,
  ): Promise<ReviewRoleName | null> {
    const members = await ctx.loaders.membersByReview.load(review.id);
    const stored = members.find((member) => member.userId === user.id)?.role ?? null;
    return effectiveReviewRole(user.role, stored);
  }

  @ResolveField(() => [String], {
    description: 'What you may do with this review: read, readRealNames, comment, edit, manage',
  })
  async myCapabilities(
    @Parent() review: Review,
    @CurrentUser() user: User,
    @Context() ctx: GraphqlContext,
  ): Promise<string[]> {
    return [...(await this.access.capabilities(user, review, ctx.loaders))];
  }
}

@Resolver(() => Person)
export class PersonResolver {
  constructor(private readonly access: ReviewAccessService) {}

  @ResolveField(() => String, {
    nullable: true,
    description: 'The real name: null for anyone who is not a member',
  })
  async name(
    @Parent() person: Person,
    @CurrentUser() user: User,
    @Context() ctx: GraphqlContext,
  ): Promise<string | null> {
    const review = await ctx.loaders.reviewById.load(person.reviewId);
    if (!review) return null;
    const allowed = await this.access.capabilities(user, review, ctx.loaders);
    return allowed.has('readRealNames') ? person.name : null;
  }

  @ResolveField(() => [String], {
    description:
      'Other names the person was known by: real names, so empty for anyone who may not read them',
  })
  async aliases(
    @Parent() person: Person,
    @CurrentUser() user: User,
    @Context() ctx: GraphqlContext,
  ): Promise<string[]> {
    const review = await ctx.loaders.reviewById.load(person.reviewId);
    if (!review) return [];
    const allowed = await this.access.capabilities(user, review, ctx.loaders);
    return allowed.has('readRealNames') ? person.aliases : [];
  }

  @ResolveField(() => [HouseholdMembership], {
    description: 'The households the person lived in, with dates where known',
  })
  households(@Parent() person: Person, @Context() ctx: GraphqlContext) {
    return ctx.loaders.householdsByPerson.load(person.id);
  }

  @ResolveField(() => String, {
    nullable: true,
    deprecationReason: 'Use households: this is only the last one without an end date',
    description: 'The current household: the last membership without an end date',
  })
  async household(
    @Parent() person: Person,
    @Context() ctx: GraphqlContext,
  ): Promise<string | null> {
    const memberships = await ctx.loaders.householdsByPerson.load(person.id);
    return memberships.filter((m) => m.to === null).at(-1)?.household ?? null;
  }
}
