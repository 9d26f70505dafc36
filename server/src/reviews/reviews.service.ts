import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ReviewRoleName } from '@scr/shared';
import { Brackets, DataSource, EntityManager, In } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { badInput, forbidden, notFound } from '../common/app-error';
import { ConnectionShape, decodeCursor, pageSize, toConnection } from '../common/pagination';
import { plural, RemovalResult } from '../common/removal-result';
import { RequestLoaders } from '../common/request-loaders';
import { updateVersioned } from '../common/versioned-update';
import { Theme } from '../themes/theme.entity';
import { Role, User } from '../users/user.entity';
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
import { Person } from './person.entity';
import { PersonRelationship } from './person-relationship.entity';
import {
  CORPUS_READERS,
  HOLDABLE_REVIEW_ROLES,
  mayChangeCollection,
  publishedSql,
} from './review-access';
import { ReviewAccessService } from './review-access.service';
import { Review } from './review.entity';
import { ReviewMember } from './review-member.entity';

/**
 * The text the reviews list searches; the trigram index ix_review_search is built on this very
 * expression, so a search by any part of a word reads the index instead of every review.
 */
export const REVIEW_SEARCH_TEXT =
  "(review.reference || ' ' || review.title || ' ' || review.partnership)";

const REVIEW_CREATORS: Role[] = [Role.ADMIN, Role.REVIEWER];

export function checkPeriod(
  start: string | null | undefined,
  end: string | null | undefined,
  names = ['periodStart', 'periodEnd'],
): void {
  if (start && end && end < start) {
    throw badInput(`${names[1]} (${end}) must not be before ${names[0]} (${start}).`, {
      field: names[1],
      value: end,
    });
  }
}

@Injectable()
export class ReviewsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ReviewAccessService,
    private readonly audit: AuditService,
  ) {}

  async list(
    user: User,
    filter: ReviewFilter | undefined,
    first?: number | null,
    after?: string | null,
  ): Promise<ConnectionShape<Review>> {
    const limit = pageSize(first, 50);
    const cursor = decodeCursor(after, 2) as [string, string] | null;
    const query = this.dataSource.getRepository(Review).createQueryBuilder('review');
    if (user.role !== Role.ADMIN) {
      query.where(
        new Brackets((visible) => {
          visible.where(
            'review.id IN (SELECT review_id FROM review_member WHERE user_id = :userId)',
            { userId: user.id },
          );
          // The list shows what capabilitiesFor lets read: members, and corpus readers of
          // published reviews.
          if (CORPUS_READERS.includes(user.role)) visible.orWhere(publishedSql('review'));
        }),
      );
    }
    if (filter?.statuses?.length)
      query.andWhere('review.status IN (:...statuses)', { statuses: filter.statuses });
    if (filter?.types?.length)
      query.andWhere('review.type IN (:...types)', { types: filter.types });
    if (filter?.search?.trim()) {
      query.andWhere(`${REVIEW_SEARCH_TEXT} ILIKE :search`, {
        search: `%${filter.search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
      });
    }
    const totalCount = await query.getCount();
    if (cursor) {
      query.andWhere('(review.updated_at, review.id) < (:cursorAt::timestamptz, :cursorId::uuid)', {
        cursorAt: cursor[0],
        cursorId: cursor[1],
      });
    }
    const rows = await query
      .orderBy('review.updated_at', 'DESC')
      .addOrderBy('review.id', 'DESC')
      .take(limit + 1)
      .getMany();
    return toConnection(rows, limit, totalCount, (row) => [row.updatedAt.toISOString(), row.id]);
  }

  /** The review, or null when it does not exist or the user may not see it. */
  async findVisible(user: User, id: string, loaders: RequestLoaders): Promise<Review | null> {
    const [review] = await Promise.all([
      loaders.reviewById.load(id),
      loaders.membersByReview.load(id),
    ]);
    if (!review) return null;
    const allowed = await this.access.capabilities(user, review, loaders);
    if (!allowed.has('read')) throw forbidden('You are not a member of this review.');
    return review;
  }

  async create(user: User, input: CreateReviewInput): Promise<Review> {
    if (!REVIEW_CREATORS.includes(user.role))
      throw forbidden('Only reviewers and administrators create reviews.');
    checkPeriod(input.periodStart, input.periodEnd);
    const work = async (manager: EntityManager) => {
      const review = await manager.getRepository(Review).save(
        manager.getRepository(Review).create({
          ...input,
          partnership: input.partnership?.trim() ?? '',
          methodology: input.methodology ?? 'LEARNING_TOGETHER',
          createdById: user.id,
          updatedById: user.id,
        }),
      );
      await manager
        .getRepository(ReviewMember)
        .insert({ reviewId: review.id, userId: user.id, role: 'LEAD_REVIEWER' });
      await this.audit.record(manager, user, {
        reviewId: review.id,
        entityType: 'Review',
        entityId: review.id,
        action: 'create',
        after: review,
      });
      return review;
    };
    return this.dataSource.transaction(work);
  }

  async update(
    user: User,
    id: string,
    expectedVersion: number,
    input: UpdateReviewInput,
    loaders: RequestLoaders,
  ): Promise<Review> {
    const current = await this.access.require(user, id, 'edit', loaders);
    checkPeriod(
      input.periodStart !== undefined ? input.periodStart : current.periodStart,
      input.periodEnd !== undefined ? input.periodEnd : current.periodEnd,
    );
    return this.dataSource.transaction(async (manager) => {
      const changes: Partial<Review> = { ...input, updatedById: user.id };
      // publishedAt says since when the review is published; it goes when the review leaves
      // PUBLISHED (the audit trail keeps the history). Who may read follows the status only.
      if (input.status === 'PUBLISHED' && current.status !== 'PUBLISHED')
        changes.publishedAt = new Date();
      else if (input.status && input.status !== 'PUBLISHED') changes.publishedAt = null;
      const { before, after } = await updateVersioned(
        manager,
        Review,
        id,
        expectedVersion,
        changes,
        'review',
      );
      await this.audit.record(manager, user, {
        reviewId: id,
        entityType: 'Review',
        entityId: id,
        action: 'update',
        before,
        after,
      });
      return after;
    });
  }

  async addMember(
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
    await this.dataSource.transaction(async (manager) => {
      const before = await manager
        .getRepository(ReviewMember)
        .findOneBy({ reviewId, userId: memberId });
      await manager
        .getRepository(ReviewMember)
        .upsert({ reviewId, userId: memberId, role }, ['reviewId', 'userId']);
      await this.audit.record(manager, user, {
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

  async removeMember(
    user: User,
    reviewId: string,
    memberId: string,
    loaders: RequestLoaders,
  ): Promise<Review> {
    const review = await this.access.require(user, reviewId, 'manage', loaders);
    await this.dataSource.transaction(async (manager) => {
      const before = await manager
        .getRepository(ReviewMember)
        .findOneBy({ reviewId, userId: memberId });
      if (!before) throw notFound('That account is not a member of this review.');
      const leads = await manager
        .getRepository(ReviewMember)
        .countBy({ reviewId, role: 'LEAD_REVIEWER' });
      if (before.role === 'LEAD_REVIEWER' && leads === 1) {
        throw badInput('A review needs a lead reviewer: make someone else lead reviewer first.', {
          field: 'userId',
          value: memberId,
        });
      }
      await manager.getRepository(ReviewMember).delete({ reviewId, userId: memberId });
      await this.audit.record(manager, user, {
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

  async validateThemeKeys(keys: string[], field: string, kind?: Theme['kind']): Promise<string[]> {
    const unique = [...new Set(keys)];
    if (unique.length === 0) return [];
    const found = await this.dataSource.getRepository(Theme).findBy({ key: In(unique) });
    const byKey = new Map(found.map((theme) => [theme.key, theme]));
    for (const key of unique) {
      const theme = byKey.get(key);
      if (!theme) throw badInput(`${field}: there is no theme "${key}".`, { field, value: key });
      if (kind && theme.kind !== kind) {
        throw badInput(
          `${field}: "${key}" is a ${theme.kind.toLowerCase().replace('_', ' ')}, not a ${kind.toLowerCase().replace('_', ' ')}.`,
          { field, value: key },
        );
      }
    }
    return unique;
  }

  async setCaseCharacteristics(
    user: User,
    reviewId: string,
    themeKeys: string[],
    loaders: RequestLoaders,
  ): Promise<Review> {
    await this.access.require(user, reviewId, 'edit', loaders);
    const keys = await this.validateThemeKeys(themeKeys, 'themeKeys', 'CASE_CHARACTERISTIC');
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(Review);
      const before = await repository.findOneByOrFail({ id: reviewId });
      await repository.update(
        { id: reviewId },
        { caseCharacteristicKeys: keys, updatedById: user.id },
      );
      const after = await repository.findOneByOrFail({ id: reviewId });
      await this.audit.record(manager, user, {
        reviewId,
        entityType: 'Review',
        entityId: reviewId,
        action: 'update',
        before: { caseCharacteristics: before.caseCharacteristicKeys },
        after: { caseCharacteristics: keys },
      });
      return after;
    });
  }

  // --- registers: agencies, people, relationships -------------------------------------------

  async addAgency(
    user: User,
    reviewId: string,
    input: AgencyInput,
    loaders: RequestLoaders,
  ): Promise<Agency> {
    await this.access.require(user, reviewId, 'edit', loaders);
    return this.dataSource.transaction(async (manager) => {
      const agency = await manager
        .getRepository(Agency)
        .save(manager.getRepository(Agency).create({ ...input, reviewId }));
      await this.audit.record(manager, user, {
        reviewId,
        entityType: 'Agency',
        entityId: agency.id,
        action: 'create',
        after: agency,
      });
      return agency;
    });
  }

  async updateAgency(
    user: User,
    id: string,
    expectedVersion: number,
    input: AgencyInput,
    loaders: RequestLoaders,
  ): Promise<Agency> {
    const agency = await this.findIn(Agency, id, 'agency');
    await this.access.require(user, agency.reviewId, 'edit', loaders);
    return this.dataSource.transaction(async (manager) => {
      const { before, after } = await updateVersioned(
        manager,
        Agency,
        id,
        expectedVersion,
        input,
        'agency',
      );
      await this.audit.record(manager, user, {
        reviewId: before.reviewId,
        entityType: 'Agency',
        entityId: id,
        action: 'update',
        before,
        after,
      });
      return after;
    });
  }

  async removeAgency(
    user: User,
    id: string,
    dryRun: boolean,
    loaders: RequestLoaders,
  ): Promise<RemovalResult> {
    const agency = await this.findIn(Agency, id, 'agency');
    await this.access.require(user, agency.reviewId, 'edit', loaders);
    return this.dataSource.transaction(async (manager) => {
      const [{ events, actions }] = await manager.query(
        `SELECT (SELECT count(*)::int FROM timeline_event WHERE agency_id = $1) AS events,
                (SELECT count(*)::int FROM board_action WHERE owning_agency_id = $1) AS actions`,
        [id],
      );
      const consequences = [
        ...(events ? [`${plural(events, 'event')} will show no agency`] : []),
        ...(actions ? [`${plural(actions, 'board action')} will have no owning agency`] : []),
      ];
      return this.audit.remove(manager, user, Agency, agency, consequences, dryRun);
    });
  }

  async addPerson(
    user: User,
    reviewId: string,
    input: PersonInput,
    loaders: RequestLoaders,
  ): Promise<Person> {
    await this.access.require(user, reviewId, 'edit', loaders);
    return this.dataSource.transaction(async (manager) => {
      const person = await manager
        .getRepository(Person)
        .save(
          manager
            .getRepository(Person)
            .create({ ...input, name: input.name?.trim() ?? '', reviewId }),
        );
      await this.audit.record(manager, user, {
        reviewId,
        entityType: 'Person',
        entityId: person.id,
        action: 'create',
        after: person,
      });
      return person;
    });
  }

  async updatePerson(
    user: User,
    id: string,
    expectedVersion: number,
    input: PersonInput,
    loaders: RequestLoaders,
  ): Promise<Person> {
    const person = await this.findIn(Person, id, 'person');
    await this.access.require(user, person.reviewId, 'edit', loaders);
    return this.dataSource.transaction(async (manager) => {
      const { before, after } = await updateVersioned(
        manager,
        Person,
        id,
        expectedVersion,
        { ...input, name: input.name?.trim() ?? person.name },
        'person',
      );
      await this.audit.record(manager, user, {
        reviewId: before.reviewId,
        entityType: 'Person',
        entityId: id,
        action: 'update',
        before,
        after,
      });
      return after;
    });
  }

  async removePerson(
    user: User,
    id: string,
    dryRun: boolean,
    loaders: RequestLoaders,
  ): Promise<RemovalResult> {
    const person = await this.findIn(Person, id, 'person');
    await this.access.require(user, person.reviewId, 'edit', loaders);
    return this.dataSource.transaction(async (manager) => {
      const [{ events, relationships }] = await manager.query(
        `SELECT (SELECT count(*)::int FROM timeline_event_person WHERE person_id = $1) AS events,
                (SELECT count(*)::int FROM person_relationship WHERE $1 IN (from_person_id, to_person_id)) AS relationships`,
        [id],
      );
      const consequences = [
        ...(events ? [`${plural(events, 'event')} will no longer name ${person.pseudonym}`] : []),
        ...(relationships ? [`${plural(relationships, 'relationship')} will be removed`] : []),
      ];
      return this.audit.remove(manager, user, Person, person, consequences, dryRun);
    });
  }

  async addRelationship(
    user: User,
    reviewId: string,
    input: RelationshipInput,
    loaders: RequestLoaders,
  ): Promise<PersonRelationship> {
    await this.access.require(user, reviewId, 'edit', loaders);
    await this.requireInReview(Person, reviewId, [input.fromPersonId], 'fromPersonId', 'person');
    await this.requireInReview(Person, reviewId, [input.toPersonId], 'toPersonId', 'person');
    return this.dataSource.transaction(async (manager) => {
      const relationship = await manager
        .getRepository(PersonRelationship)
        .save(manager.getRepository(PersonRelationship).create({ ...input, reviewId }));
      await this.audit.record(manager, user, {
        reviewId,
        entityType: 'PersonRelationship',
        entityId: relationship.id,
        action: 'create',
        after: relationship,
      });
      return relationship;
    });
  }

  async removeRelationship(
    user: User,
    id: string,
    loaders: RequestLoaders,
  ): Promise<RemovalResult> {
    const relationship = await this.findIn(PersonRelationship, id, 'relationship');
    await this.access.require(user, relationship.reviewId, 'edit', loaders);
    return this.dataSource.transaction(async (manager) => {
      return this.audit.remove(manager, user, PersonRelationship, relationship, [], false);
    });
  }

  // --- collections ----------------------------------------------------------------------------

  async createCollection(user: User, input: CollectionInput): Promise<Collection> {
    return this.dataSource.transaction(async (manager) => {
      const collection = await manager
        .getRepository(Collection)
        .save(manager.getRepository(Collection).create({ ...input, createdById: user.id }));
      await this.audit.record(manager, user, {
        reviewId: null,
        entityType: 'Collection',
        entityId: collection.id,
        action: 'create',
        after: collection,
      });
      return collection;
    });
  }

  async addToCollection(
    user: User,
    collectionId: string,
    reviewIds: string[],
    loaders: RequestLoaders,
  ): Promise<Collection> {
    const collection = await this.findIn(Collection, collectionId, 'collection');
    if (!mayChangeCollection(user, collection))
      throw forbidden("Only the collection's owner or an administrator may change it.");
    for (const reviewId of reviewIds) await this.access.require(user, reviewId, 'read', loaders);
    return this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO collection_review (collection_id, review_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
        [collectionId, reviewIds],
      );
      await this.audit.record(manager, user, {
        reviewId: null,
        entityType: 'Collection',
        entityId: collectionId,
        action: 'link',
        after: { reviewIds },
      });
      return collection;
    });
  }

  async collectionReviewIds(collectionId: string): Promise<string[]> {
    const rows: { review_id: string }[] = await this.dataSource.query(
      `SELECT review_id FROM collection_review WHERE collection_id = $1`,
      [collectionId],
    );
    return rows.map((row) => row.review_id);
  }

  // --- helpers shared by the contexts ---------------------------------------------------------

  async findIn<T extends { id: string }>(
    entity: new () => T,
    id: string,
    what: string,
  ): Promise<T> {
    const found = await this.dataSource.getRepository(entity).findOneBy({ id } as never);
    if (!found) throw notFound(`There is no ${what} with id ${id}.`);
    return found;
  }

  /** Refuses ids that do not belong to the review, naming the field and the first such id. */
  async requireInReview(
    entity: new () => { id: string; reviewId: string },
    reviewId: string,
    ids: readonly string[],
    field: string,
    what: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return;
    const found = await manager
      .getRepository(entity)
      .find({ select: { id: true }, where: { id: In(unique), reviewId } as never });
    const present = new Set(found.map((row) => row.id));
    const stranger = unique.find((id) => !present.has(id));
    if (stranger)
      throw badInput(`${field}: ${what} ${stranger} is not part of this review.`, {
        field,
        value: stranger,
      });
  }
}
