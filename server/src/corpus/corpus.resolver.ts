import { Args, Extensions, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { FINDING_CATEGORIES, ThemeKindName } from '@scr/shared';
import { CorpusAnalysis } from '../auth/policy';
import { ThemeKind } from '../graphql/enums';
import { QUERY_COSTS } from '../graphql/query-cost';
import { Role } from '../users/user.entity';
import { CorpusService } from './corpus.service';
import {
  CooccurrenceMatrix,
  CorpusFindingConnection,
  CorpusReviewConnection,
  FindingHit,
  PrevalenceTable,
  TrendPoint,
} from './corpus.types';
import { CorpusFilter, TrendBasis, TrendBasisName } from './dto/corpus-filter.input';

/**
 * The filter argument. Its parameters are typed `CorpusFilter` (not `CorpusFilter | null`, which
 * TypeScript reflects as Object) so that the validation pipe checks it; GraphQL may pass null.
 */
const filterOptions = { type: () => CorpusFilter, nullable: true } as const;

/**
 * The national corpus: counts, trends, lists and search over published reviews only (the
 * current, not withdrawn snapshot of each), pseudonyms only. With filter.live, the same analyses
 * over a collection's reviews as they are now, for whoever may read every one of them.
 */
@CorpusAnalysis(Role.ANALYST, Role.TRAINER, Role.ADMIN)
@Resolver()
export class CorpusResolver {
  constructor(private readonly corpus: CorpusService) {}

  @Query(() => PrevalenceTable, {
    description: 'Per theme of the kind, the published reviews having it (or a narrower theme)',
    complexity: QUERY_COSTS.page,
  })
  themePrevalence(
    @Args('filter', filterOptions) filter: CorpusFilter,
    @Args('kind', { type: () => ThemeKind }) kind: ThemeKindName,
  ) {
    return this.corpus.themePrevalence(filter, kind);
  }

  @Query(() => PrevalenceTable, {
    description:
      "Per finding category (numbered 1–6 in SCIE's order), the published reviews with a finding of it; filter.effects counts good practice and problems apart",
    complexity: QUERY_COSTS.page,
  })
  categoryPrevalence(@Args('filter', filterOptions) filter: CorpusFilter) {
    return this.corpus.categoryPrevalence(filter);
  }

  @Query(() => CooccurrenceMatrix, {
    description: 'Per unordered pair of the keys, the published reviews having both',
    complexity: QUERY_COSTS.page,
  })
  themeCooccurrence(
    @Args('filter', filterOptions) filter: CorpusFilter,
    @Args('themeKeys', { type: () => [String] }) themeKeys: string[],
  ) {
    return this.corpus.themeCooccurrence(filter, themeKeys);
  }

  @Extensions({ listSize: 300 })
  @Query(() => [TrendPoint], {
    description:
      'Per year and key, the published reviews of the year having it; keys are theme keys or finding categories (TOOLS …)',
    complexity: QUERY_COSTS.page,
  })
  themeTrend(
    @Args('filter', filterOptions) filter: CorpusFilter,
    @Args('keys', { type: () => [String] }) keys: string[],
    @Args('by', { type: () => TrendBasis, defaultValue: 'PUBLICATION_YEAR' }) by: TrendBasisName,
  ) {
    return this.corpus.trend(filter, keys, by);
  }

  @Extensions({ listSize: 300 })
  @Query(() => [TrendPoint], {
    description: "Per year and finding category (SCIE's order), as themeTrend",
    complexity: QUERY_COSTS.page,
  })
  categoryTrend(
    @Args('filter', filterOptions) filter: CorpusFilter,
    @Args('by', { type: () => TrendBasis, defaultValue: 'PUBLICATION_YEAR' }) by: TrendBasisName,
  ) {
    return this.corpus.trend(filter, [...FINDING_CATEGORIES], by);
  }

  @Query(() => CorpusReviewConnection, {
    description: 'The published reviews behind a figure: the same filter gives the same reviews',
    complexity: QUERY_COSTS.page,
  })
  corpusReviews(
    @Args('filter', filterOptions) filter: CorpusFilter,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { nullable: true }) after?: string,
  ) {
    return this.corpus.reviews(filter, first, after);
  }

  @Query(() => CorpusFindingConnection, {
    description:
      'The findings of the published reviews behind a figure (of filter.effects, when given)',
    complexity: QUERY_COSTS.page,
  })
  corpusFindings(
    @Args('filter', filterOptions) filter: CorpusFilter,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { nullable: true }) after?: string,
  ) {
    return this.corpus.findings(filter, first, after);
  }

  @Query(() => [FindingHit], {
    description:
      'Full-text search of published findings (English stemming; "phrases", OR, -word, prefix*), best first',
    complexity: QUERY_COSTS.search,
  })
  searchFindings(
    @Args('query') query: string,
    @Args('filter', filterOptions) filter: CorpusFilter,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
  ) {
    return this.corpus.search(query, filter, first);
  }

  @Query(() => [FindingHit], {
    description: 'More like this: published findings of other reviews similar in words and themes',
    complexity: QUERY_COSTS.search,
  })
  similarFindings(
    @Args('findingId', { type: () => ID }) findingId: string,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
  ) {
    return this.corpus.similar(findingId, first);
  }
}
