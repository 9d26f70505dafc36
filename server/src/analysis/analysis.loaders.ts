import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import {
  byIdLoader,
  listLoader,
  LoaderContribution,
  RequestLoaders,
  RequestLoadersFactory,
} from '../common/request-loaders';
import { AnalysisRepository } from './analysis.repository';
import { ContributoryFactor } from './contributory-factor.entity';
import { PracticeEpisode } from './practice-episode.entity';

/** The analysis's members of every request's loaders. */
export interface AnalysisLoaders {
  episodeById: DataLoader<string, PracticeEpisode | null>;
  episodesByReview: DataLoader<string, PracticeEpisode[]>;
  factorsByReview: DataLoader<string, ContributoryFactor[]>;
  /** Puts each factor's themes on it from the vocabulary, for the same reason as withAgencies. */
  withThemes(factors: ContributoryFactor[]): Promise<ContributoryFactor[]>;
  /** Puts each episode's events and factors on it: two statements for any number of episodes. */
  withEpisodeDetails(episodes: PracticeEpisode[]): Promise<PracticeEpisode[]>;
  factorsOfEpisode(reviewId: string, episodeId: string): Promise<ContributoryFactor[]>;
}

declare module '../common/request-loaders' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- adds the analysis's members
  interface RequestLoaders extends AnalysisLoaders {}
}

@Injectable()
export class AnalysisLoadersProvider implements LoaderContribution {
  constructor(
    factory: RequestLoadersFactory,
    private readonly analysis: AnalysisRepository,
  ) {
    factory.register(this);
  }

  loadersFor(loaders: RequestLoaders): AnalysisLoaders {
    const withThemes = async (factors: ContributoryFactor[]) => {
      const vocabulary = await loaders.themes();
      for (const factor of factors)
        factor.themes = factor.themeKeys.flatMap((key) => vocabulary.get(key) ?? []);
      return factors;
    };
    const factorsByReview = listLoader((ids) => this.analysis.factorsOfReviews(ids), 'reviewId', {
      complete: withThemes,
    });
    const factorsOfEpisode = async (reviewId: string, episodeId: string) =>
      (await factorsByReview.load(reviewId)).filter((factor) => factor.episodeId === episodeId);
    const withEpisodeDetails = async (episodes: PracticeEpisode[]) => {
      const [events] = await Promise.all([
        loaders.eventsByEpisode.loadMany(episodes.map((episode) => episode.id)),
        factorsByReview.loadMany([...new Set(episodes.map((episode) => episode.reviewId))]),
      ]);
      await Promise.all(
        episodes.map(async (episode, i) => {
          const own = events[i];
          episode.events = Array.isArray(own) ? own : [];
          episode.factors = await factorsOfEpisode(episode.reviewId, episode.id);
        }),
      );
      return episodes;
    };
    return {
      episodeById: byIdLoader((ids) => this.analysis.episodesByIds(ids), withEpisodeDetails),
      episodesByReview: listLoader((ids) => this.analysis.episodesOfReviews(ids), 'reviewId', {
        complete: withEpisodeDetails,
      }),
      factorsByReview,
      withThemes,
      withEpisodeDetails,
      factorsOfEpisode,
    };
  }
}
