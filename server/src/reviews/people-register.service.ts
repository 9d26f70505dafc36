import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { notFound } from '../common/app-error';
import { plural, RemovalResult } from '../common/removal-result';
import { RequestLoaders } from '../common/request-loaders';
import { User } from '../users/user.entity';
import { PersonInput } from './dto/review.inputs';
import { PeopleRepository } from './people.repository';
import { Person } from './person.entity';
import { ReviewAccessService } from './review-access.service';

/** The people register of a review: the family members and others, known by pseudonym. */
@Injectable()
export class PeopleRegisterService {
  constructor(
    private readonly people: PeopleRepository,
    private readonly access: ReviewAccessService,
    private readonly audit: AuditService,
  ) {}

  async add(
    user: User,
    reviewId: string,
    input: PersonInput,
    loaders: RequestLoaders,
  ): Promise<Person> {
    await this.access.require(user, reviewId, 'edit', loaders);
    return this.people.transaction(async (transaction) => {
      const person = await this.people
        .in(transaction)
        .insert({ ...input, name: input.name?.trim() ?? '', reviewId });
      await this.audit.record(transaction, user, {
        reviewId,
        entityType: 'Person',
        entityId: person.id,
        action: 'create',
        after: person,
      });
      return person;
    });
  }

  async update(
    user: User,
    id: string,
    expectedVersion: number,
    input: PersonInput,
    loaders: RequestLoaders,
  ): Promise<Person> {
    const person = await this.find(id);
    await this.access.require(user, person.reviewId, 'edit', loaders);
    return this.people.transaction(async (transaction) => {
      const { before, after } = await this.people
        .in(transaction)
        .updateVersioned(id, expectedVersion, {
          ...input,
          name: input.name?.trim() ?? person.name,
        });
      await this.audit.record(transaction, user, {
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

  async remove(
    user: User,
    id: string,
    dryRun: boolean,
    loaders: RequestLoaders,
  ): Promise<RemovalResult> {
    const person = await this.find(id);
    await this.access.require(user, person.reviewId, 'edit', loaders);
    return this.people.transaction(async (transaction) => {
      const { events, relationships } = await this.people.in(transaction).countUses(id);
      const consequences = [
        ...(events ? [`${plural(events, 'event')} will no longer name ${person.pseudonym}`] : []),
        ...(relationships ? [`${plural(relationships, 'relationship')} will be removed`] : []),
      ];
      return this.audit.remove(transaction, user, Person, person, consequences, dryRun);
    });
  }

  private async find(id: string): Promise<Person> {
    const person = await this.people.findById(id);
    if (!person) throw notFound(`There is no person with id ${id}.`);
    return person;
  }
}
