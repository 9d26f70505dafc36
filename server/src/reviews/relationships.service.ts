import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { notFound } from '../common/app-error';
import { RecordsService } from '../common/records.service';
import { RemovalResult } from '../common/removal-result';
import { RequestLoaders } from '../common/request-loaders';
import { User } from '../users/user.entity';
import { RelationshipInput } from './dto/review.inputs';
import { Person } from './person.entity';
import { PersonRelationship } from './person-relationship.entity';
import { RelationshipsRepository } from './relationships.repository';
import { ReviewAccessService } from './review-access.service';

/** Ties between the people of a review, for the family network. */
@Injectable()
export class RelationshipsService {
  constructor(
    private readonly relationships: RelationshipsRepository,
    private readonly records: RecordsService,
    private readonly access: ReviewAccessService,
    private readonly audit: AuditService,
  ) {}

  async add(
    user: User,
    reviewId: string,
    input: RelationshipInput,
    loaders: RequestLoaders,
  ): Promise<PersonRelationship> {
    await this.access.require(user, reviewId, 'edit', loaders);
    await this.records.requireInReview(
      Person,
      reviewId,
      [input.fromPersonId],
      'fromPersonId',
      'person',
    );
    await this.records.requireInReview(
      Person,
      reviewId,
      [input.toPersonId],
      'toPersonId',
      'person',
    );
    return this.relationships.transaction(async (transaction) => {
      const { separated, endedOn, ...tie } = input;
      const relationship = await this.relationships.in(transaction).insert({
        ...tie,
        ended: separated === true || Boolean(endedOn),
        endedOn: endedOn ?? null,
        reviewId,
      });
      await this.audit.record(transaction, user, {
        reviewId,
        entityType: 'PersonRelationship',
        entityId: relationship.id,
        action: 'create',
        after: relationship,
      });
      return relationship;
    });
  }

  async remove(user: User, id: string, loaders: RequestLoaders): Promise<RemovalResult> {
    const relationship = await this.relationships.findById(id);
    if (!relationship) throw notFound(`There is no relationship with id ${id}.`);
    await this.access.require(user, relationship.reviewId, 'edit', loaders);
    return this.relationships.transaction((transaction) =>
      this.audit.remove(transaction, user, PersonRelationship, relationship, [], false),
    );
  }
}
