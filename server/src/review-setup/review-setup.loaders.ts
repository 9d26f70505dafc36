import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { listLoader, LoaderContribution, RequestLoadersFactory } from '../common/request-loaders';
import { ReviewQuestion } from './review-question.entity';
import { ReviewSetupRepository } from './review-setup.repository';

/** The review set-up's members of every request's loaders. */
export interface ReviewSetupLoaders {
  questionsByReview: DataLoader<string, ReviewQuestion[]>;
}

declare module '../common/request-loaders' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- adds the set-up's members
  interface RequestLoaders extends ReviewSetupLoaders {}
}

@Injectable()
export class ReviewSetupLoadersProvider implements LoaderContribution {
  constructor(
    factory: RequestLoadersFactory,
    private readonly setup: ReviewSetupRepository,
  ) {
    factory.register(this);
  }

  loadersFor(): ReviewSetupLoaders {
    return {
      questionsByReview: listLoader((ids) => this.setup.questionsOfReviews(ids), 'reviewId'),
    };
  }
}
