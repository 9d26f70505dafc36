import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { listLoader, LoaderContribution, RequestLoadersFactory } from '../common/request-loaders';
import { ReviewConversation } from './review-conversation.entity';
import { ReviewQuestion } from './review-question.entity';
import { ReviewSetupRepository } from './review-setup.repository';

/** The review set-up's members of every request's loaders. */
export interface ReviewSetupLoaders {
  questionsByReview: DataLoader<string, ReviewQuestion[]>;
  /** The review's conversations, each with its family members and episodes. */
  conversationsByReview: DataLoader<string, ReviewConversation[]>;
  /** Puts each conversation's family members and episodes on it. */
  withConversationLinks(conversations: ReviewConversation[]): Promise<ReviewConversation[]>;
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
    const withConversationLinks = async (conversations: ReviewConversation[]) => {
      const rows = await this.setup.linksOfConversations(conversations.map((c) => c.id));
      for (const conversation of conversations) {
        const own = rows.filter((row) => row.conversationId === conversation.id);
        conversation.familyPersonIds = own.flatMap((row) => (row.personId ? [row.personId] : []));
        conversation.episodeIds = own.flatMap((row) => (row.episodeId ? [row.episodeId] : []));
      }
      return conversations;
    };
    return {
      questionsByReview: listLoader((ids) => this.setup.questionsOfReviews(ids), 'reviewId'),
      conversationsByReview: listLoader(
        (ids) => this.setup.conversationsOfReviews(ids),
        'reviewId',
        { complete: withConversationLinks },
      ),
      withConversationLinks,
    };
  }
}
