import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { forbidden, notFound } from '../common/app-error';
import { RequestLoaders } from '../common/request-loaders';
import { User } from '../users/user.entity';
import { Collection } from './collection.entity';
import { CollectionsRepository } from './collections.repository';
import { CollectionInput } from './dto/review.inputs';
import { mayChangeCollection } from './review-access';
import { ReviewAccessService } from './review-access.service';
import { Review } from './review.entity';

/** Collections: named sets of reviews, such as audit rounds. */
@Injectable()
export class CollectionsService {
  constructor(
    private readonly collections: CollectionsRepository,
    private readonly access: ReviewAccessService,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<Collection[]> {
    return this.collections.list();
  }

  find(id: string): Promise<Collection | null> {
    return this.collections.findById(id);
  }

  async create(user: User, input: CollectionInput): Promise<Collection> {
    return this.collections.transaction(async (transaction) => {
      const collection = await this.collections
        .in(transaction)
        .insert({ ...input, createdById: user.id });
      await this.audit.record(transaction, user, {
        reviewId: null,
        entityType: 'Collection',
        entityId: collection.id,
        action: 'create',
        after: collection,
      });
      return collection;
    });
  }

  async addReviews(
    user: User,
    collectionId: string,
    reviewIds: string[],
    loaders: RequestLoaders,
  ): Promise<Collection> {
    const collection = await this.collections.findById(collectionId);
    if (!collection) throw notFound(`There is no collection with id ${collectionId}.`);
    if (!mayChangeCollection(user, collection))
      throw forbidden("Only the collection's owner or an administrator may change it.");
    for (const reviewId of reviewIds) await this.access.require(user, reviewId, 'read', loaders);
    return this.collections.transaction(async (transaction) => {
      await this.collections.in(transaction).addReviews(collectionId, reviewIds);
      await this.audit.record(transaction, user, {
        reviewId: null,
        entityType: 'Collection',
        entityId: collectionId,
        action: 'link',
        after: { reviewIds },
      });
      return collection;
    });
  }

  /**
   * Whether the user may analyse the collection as it is now (CorpusFilter.live): when they may
   * read every one of its reviews. The corpus's guard applies the same rule.
   */
  async canAnalyse(user: User, collection: Collection, loaders: RequestLoaders): Promise<boolean> {
    const ids = await this.collections.reviewIds(collection.id);
    return (await this.access.unreadable(user, ids, loaders)) === 0;
  }

  /**
   * Takes reviews out of the collection (its owner or an administrator). Any review id may be
   * named, even one the user can no longer read, so that nothing stays stuck in a collection.
   */
  async removeReviews(user: User, collectionId: string, reviewIds: string[]): Promise<Collection> {
    const collection = await this.collections.findById(collectionId);
    if (!collection) throw notFound(`There is no collection with id ${collectionId}.`);
    if (!mayChangeCollection(user, collection))
      throw forbidden("Only the collection's owner or an administrator may change it.");
    return this.collections.transaction(async (transaction) => {
      await this.collections.in(transaction).removeReviews(collectionId, reviewIds);
      await this.audit.record(transaction, user, {
        reviewId: null,
        entityType: 'Collection',
        entityId: collectionId,
        action: 'unlink',
        before: { reviewIds },
      });
      return collection;
    });
  }

  /** Whether the user may add reviews to the collection or take them out. */
  mayChange(user: User, collection: Collection): boolean {
    return mayChangeCollection(user, collection);
  }

  /** The reviews of the collection that the user may read, by reference. */
  async visibleReviews(
    user: User,
    collection: Collection,
    loaders: RequestLoaders,
  ): Promise<Review[]> {
    const ids = await this.collections.reviewIds(collection.id);
    const reviews = (await loaders.reviewById.loadMany(ids)).filter(
      (r): r is Review => r instanceof Review,
    );
    const visible = await Promise.all(
      reviews.map(async (r) => (await this.access.capabilities(user, r, loaders)).has('read')),
    );
    return reviews
      .filter((_, i) => visible[i])
      .sort((a, b) => a.reference.localeCompare(b.reference));
  }
}
