import { Injectable } from '@nestjs/common';
import { reviewBasisSentence } from '@scr/shared';
import DataLoader from 'dataloader';
import {
  byIdLoader,
  listLoader,
  LoaderContribution,
  RequestLoadersFactory,
} from '../../common/request-loaders';
import { PracticeIssuesRepository } from './practice-issues.repository';
import {
  LinkedFinding,
  PracticeIssueRow,
  PracticeIssueSetRow,
  PracticeSetBasis,
  WithdrawnLinkedReview,
} from './practice-issues.types';

/** The practice issues' members of every request's loaders. */
export interface PracticeIssuesLoaders {
  practiceSetById: DataLoader<string, PracticeIssueSetRow | null>;
  practiceIssuesBySet: DataLoader<string, PracticeIssueRow[]>;
  /** What each set draws on now, counted from the corpus. */
  practiceSetBasis: DataLoader<string, PracticeSetBasis>;
  practiceSetWithdrawn: DataLoader<string, WithdrawnLinkedReview[]>;
  linkedFindingsByIssue: DataLoader<string, LinkedFinding[]>;
}

declare module '../../common/request-loaders' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- adds the practice issues' members
  interface RequestLoaders extends PracticeIssuesLoaders {}
}

/** A set's basis from its counted row, or none counted. */
export function basisOf(found: Omit<PracticeSetBasis, 'sentence'> | undefined): PracticeSetBasis {
  const reviewCount = found?.reviewCount ?? 0;
  const firstPublishedAt = found?.firstPublishedAt ?? null;
  const lastPublishedAt = found?.lastPublishedAt ?? null;
  return {
    reviewCount,
    firstPublishedAt,
    lastPublishedAt,
    sentence: reviewBasisSentence(reviewCount, firstPublishedAt, lastPublishedAt),
  };
}

@Injectable()
export class PracticeIssuesLoadersProvider implements LoaderContribution {
  constructor(
    factory: RequestLoadersFactory,
    private readonly issues: PracticeIssuesRepository,
  ) {
    factory.register(this);
  }

  loadersFor(): PracticeIssuesLoaders {
    return {
      practiceSetById: byIdLoader((ids) => this.issues.setsByIds(ids)),
      practiceIssuesBySet: listLoader((ids) => this.issues.issuesOfSets(ids), 'setId'),
      practiceSetBasis: new DataLoader(async (ids) => {
        const found = await this.issues.basisOfSets([...ids]);
        return ids.map((id) => basisOf(found.get(id)));
      }),
      practiceSetWithdrawn: new DataLoader(async (ids) => {
        const found = await this.issues.withdrawnOfSets([...ids]);
        return ids.map((id) => found.get(id) ?? []);
      }),
      linkedFindingsByIssue: new DataLoader(async (ids) => {
        const found = await this.issues.findingsOfIssues([...ids]);
        return ids.map((id) => found.get(id) ?? []);
      }),
    };
  }
}
