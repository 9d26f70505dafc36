import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { notFound } from '../common/app-error';
import { plural, RemovalResult } from '../common/removal-result';
import { RequestLoaders } from '../common/request-loaders';
import { User } from '../users/user.entity';
import { HouseholdMembershipInput, PersonInput } from './dto/review.inputs';
import { HouseholdMembership } from './household-membership.entity';
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
      const people = this.people.in(transaction);
      const { fields, households } = personChanges(input);
      const person = await people.insert({ ...fields, name: input.name?.trim() ?? '', reviewId });
      const memberships = households ? await people.replaceHouseholds(person.id, households) : [];
      await this.audit.record(transaction, user, {
        reviewId,
        entityType: 'Person',
        entityId: person.id,
        action: 'create',
        after: { ...person, households: memberships },
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
      const people = this.people.in(transaction);
      const { fields, households } = personChanges(input);
      if (fields.deceased === undefined && fields.diedOn === null) fields.deceased = false;
      const { before, after } = await people.updateVersioned(id, expectedVersion, {
        ...fields,
        name: input.name?.trim() ?? person.name,
      });
      const memberships = households ? await people.replaceHouseholds(id, households) : undefined;
      await this.audit.record(transaction, user, {
        reviewId: before.reviewId,
        entityType: 'Person',
        entityId: id,
        action: 'update',
        before,
        after: memberships ? { ...after, households: memberships } : after,
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

/**
 * The columns an input sets, and the household memberships it replaces (none when it says
 * nothing of households). The deprecated `household` text becomes the only membership, without
 * dates, unless `households` is given. A date of death marks the person deceased.
 */
function personChanges(input: PersonInput): {
  fields: Partial<Person>;
  households?: Omit<HouseholdMembership, 'id' | 'personId' | 'position'>[];
} {
  const { household, households, ...fields } = input;
  const changes: Partial<Person> = { ...fields };
  if (fields.diedOn) changes.deceased = true;
  const given: HouseholdMembershipInput[] | undefined =
    households ?? (household === undefined ? undefined : household ? [{ household }] : []);
  return {
    fields: changes,
    households: given?.map((m) => ({
      household: m.household.trim(),
      from: m.from ?? null,
      to: m.to ?? null,
      knownToAgencies: m.knownToAgencies ?? true,
      note: m.note ?? null,
    })),
  };
}
