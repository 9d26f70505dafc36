import { ReadinessReview } from '@scr/shared';
import { ReviewHomeQuery } from '../../gql/graphql';

export type ReviewHomeData = NonNullable<ReviewHomeQuery['review']>;

/** The home's data in the shape the shared readiness rules read. */
export function readinessOf(review: ReviewHomeData): ReadinessReview {
  return {
    status: review.status,
    periodStart: review.periodStart,
    periodEnd: review.periodEnd,
    agencyCount: review.agencies.length,
    eventCount: review.events.totalCount,
    episodes: review.episodes.map((episode) => ({
      id: episode.id,
      ordinal: episode.ordinal,
      title: episode.title,
      appraisal: episode.appraisal,
      viewFromTheTunnel: episode.viewFromTheTunnel,
      factorCount: episode.factors.length,
    })),
    findings: review.findings.map((finding) => ({
      id: finding.id,
      ordinal: finding.ordinal,
      title: finding.title,
      statement: finding.statement,
      questions: finding.questions,
      evidenceCount: finding.episodes.length + finding.factors.length + finding.events.length,
      answersQuestionIds: finding.answersQuestionIds,
    })),
    caseGroupSignedOff: Boolean(review.caseGroupSignedOffAt),
    reviewQuestions: review.questions.map(({ id, ordinal, text }) => ({ id, ordinal, text })),
  };
}

/** The home's key figures, each with the tab where its records are kept. */
export function keyFiguresOf(review: ReviewHomeData) {
  const count = (total: number, one: string, many: string) => (total === 1 ? one : many);
  const factors = review.episodes.reduce((sum, episode) => sum + episode.factors.length, 0);
  const actions = review.findings.reduce((sum, finding) => sum + finding.boardActions.length, 0);
  return [
    {
      key: 'events',
      value: review.events.totalCount,
      label: count(review.events.totalCount, 'event in the chronology', 'events in the chronology'),
      tab: 'chronology',
    },
    {
      key: 'agencies',
      value: review.agencies.length,
      label: count(review.agencies.length, 'agency', 'agencies'),
      tab: 'registers/agencies',
    },
    {
      key: 'people',
      value: review.people.length,
      label: count(review.people.length, 'person in the register', 'people in the register'),
      tab: 'registers/people',
    },
    {
      key: 'episodes',
      value: review.episodes.length,
      label: count(review.episodes.length, 'key practice episode', 'key practice episodes'),
      tab: 'episodes',
    },
    {
      key: 'factors',
      value: factors,
      label: count(factors, 'contributory factor', 'contributory factors'),
      tab: 'factor-map',
    },
    {
      key: 'findings',
      value: review.findings.length,
      label: count(review.findings.length, 'finding', 'findings'),
      tab: 'findings',
    },
    {
      key: 'actions',
      value: actions,
      label: count(actions, 'board action', 'board actions'),
      tab: 'board',
    },
  ];
}
