import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import {
  byIdLoader,
  indexById,
  listLoader,
  LoaderContribution,
  RequestLoadersFactory,
} from '../common/request-loaders';
import { Agency } from './agency.entity';
import { HouseholdMembership } from './household-membership.entity';
import { Person } from './person.entity';
import { PersonRelationship } from './person-relationship.entity';
import { ReviewLoadersRepository } from './review-loaders.repository';
import { Review } from './review.entity';
import { ReviewMember } from './review-member.entity';

/** The reviews context's members of every request's loaders. */
export interface ReviewLoaders {
  reviewById: DataLoader<string, Review | null>;
  personById: DataLoader<string, Person | null>;
  agenciesByReview: DataLoader<string, Agency[]>;
  peopleByReview: DataLoader<string, Person[]>;
  relationshipsByReview: DataLoader<string, PersonRelationship[]>;
  householdsByPerson: DataLoader<string, HouseholdMembership[]>;
  membersByReview: DataLoader<string, ReviewMember[]>;
  /** The agencies of the records' reviews by id, through the lists the page usually loads anyway. */
  agenciesOf(records: { reviewId: string }[]): Promise<Map<string, Agency>>;
}

declare module '../common/request-loaders' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- adds the reviews' members
  interface RequestLoaders extends ReviewLoaders {}
}

@Injectable()
export class ReviewLoadersProvider implements LoaderContribution {
  constructor(
    factory: RequestLoadersFactory,
    private readonly rows: ReviewLoadersRepository,
  ) {
    factory.register(this);
  }

  loadersFor(): ReviewLoaders {
    const personById = byIdLoader((ids) => this.rows.peopleByIds(ids));
    const agenciesByReview = listLoader((ids) => this.rows.agenciesOfReviews(ids), 'reviewId');
    return {
      reviewById: byIdLoader((ids) => this.rows.reviewsByIds(ids)),
      personById,
      agenciesByReview,
      peopleByReview: listLoader((ids) => this.rows.peopleOfReviews(ids), 'reviewId', {
        prime: (person) => personById.prime(person.id, person),
      }),
      relationshipsByReview: listLoader((ids) => this.rows.relationshipsOfReviews(ids), 'reviewId'),
      householdsByPerson: listLoader((ids) => this.rows.householdsOfPeople(ids), 'personId'),
      membersByReview: listLoader((ids) => this.rows.membersOfReviews(ids), 'reviewId'),
      agenciesOf: async (records) =>
        indexById(
          await agenciesByReview.loadMany([...new Set(records.map((record) => record.reviewId))]),
        ),
    };
  }
}
