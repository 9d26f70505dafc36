import { PracticeAppraisalName, REVIEW_STATUSES, ReviewStatusName } from './vocabulary';

/** The stages a review works through, in order; archiving happens outside this sequence. */
export const REVIEW_STAGES: readonly ReviewStatusName[] = REVIEW_STATUSES.filter(
  (status) => status !== 'ARCHIVED',
);

/** What the readiness rules look at: counts and the parts of episodes and findings that matter. */
export interface ReadinessReview {
  status: ReviewStatusName;
  periodStart?: string | null;
  periodEnd?: string | null;
  agencyCount: number;
  eventCount: number;
  episodes: readonly ReadinessEpisode[];
  findings: readonly ReadinessFinding[];
  /** Whether the case group has signed off the analysis (and the sign-off was not withdrawn). */
  caseGroupSignedOff: boolean;
  /** The review's questions (terms of reference), in order; left out, none is checked. */
  reviewQuestions?: readonly ReadinessQuestion[];
}

export interface ReadinessQuestion {
  id: string;
  ordinal: number;
  text: string;
}

export interface ReadinessEpisode {
  id: string;
  ordinal: number;
  title: string;
  appraisal: PracticeAppraisalName;
  viewFromTheTunnel?: string | null;
  factorCount: number;
}

export interface ReadinessFinding {
  id: string;
  ordinal: number;
  title: string;
  statement?: string | null;
  questions: readonly string[];
  /** Episodes, contributory factors and chronology events cited as its evidence. */
  evidenceCount: number;
  /** The review questions the finding answers. */
  answersQuestionIds?: readonly string[];
}

/** One thing still to do before a stage: what it concerns, what it needs, and where to fix it. */
export interface MissingItem {
  /** Stable and unique within a list, for React keys and tests. */
  key: string;
  /** The stage that needs it. */
  stage: ReviewStatusName;
  /** What is lacking, as the subject of a sentence: "The review", "Episode 2 “Home visit”". */
  subject: string;
  /** What it needs, each as the object of "needs": "at least one agency". */
  needs: string[];
  /**
   * Where it is fixed: a path relative to the review ("registers", "episodes/<id>"), or
   * "details" for the review's own details on its home.
   */
  fixAt: string;
}

const has = (text: string | null | undefined): boolean => Boolean(text?.trim());

/** The stage after this one, or null at the end of the sequence (published or archived). */
export function nextStage(status: ReviewStatusName): ReviewStatusName | null {
  const index = REVIEW_STAGES.indexOf(status);
  return index >= 0 && index < REVIEW_STAGES.length - 1 ? REVIEW_STAGES[index + 1] : null;
}

function gatheringNeeds(review: ReadinessReview): MissingItem[] {
  const missing: MissingItem[] = [];
  if (review.agencyCount === 0) {
    missing.push({
      key: 'agencies',
      stage: 'DATA_GATHERING',
      subject: 'The review',
      needs: ['at least one agency involved with the family'],
      fixAt: 'registers',
    });
  }
  const period = [
    ...(has(review.periodStart) ? [] : ['the start of the period under review']),
    ...(has(review.periodEnd) ? [] : ['the end of the period under review']),
  ];
  if (period.length > 0) {
    missing.push({
      key: 'period',
      stage: 'DATA_GATHERING',
      subject: 'The review',
      needs: period,
      fixAt: 'details',
    });
  }
  return missing;
}

function analysisNeeds(review: ReadinessReview): MissingItem[] {
  if (review.eventCount > 0) return [];
  return [
    {
      key: 'events',
      stage: 'ANALYSIS',
      subject: 'The chronology',
      needs: ['at least one event'],
      fixAt: 'chronology',
    },
  ];
}

function draftingNeeds(review: ReadinessReview): MissingItem[] {
  const signOff: MissingItem[] = review.caseGroupSignedOff
    ? []
    : [
        {
          key: 'case-group-sign-off',
          stage: 'DRAFTING',
          subject: 'The analysis',
          needs: ["the case group's sign-off"],
          fixAt: 'comments',
        },
      ];
  if (review.episodes.length === 0) {
    return [
      {
        key: 'episodes',
        stage: 'DRAFTING',
        subject: 'The review',
        needs: ['at least one key practice episode'],
        fixAt: 'episodes',
      },
      ...signOff,
    ];
  }
  return [
    ...review.episodes.flatMap((episode) => {
      const needs = [
        ...(episode.appraisal === 'NOT_APPRAISED' ? ['an appraisal of the practice'] : []),
        ...(has(episode.viewFromTheTunnel) ? [] : ['the view from the tunnel']),
        ...(episode.factorCount > 0 ? [] : ['at least one contributory factor']),
      ];
      return needs.length === 0
        ? []
        : [
            {
              key: `episode:${episode.id}`,
              stage: 'DRAFTING' as const,
              subject: `Episode ${episode.ordinal} “${episode.title}”`,
              needs,
              fixAt: `episodes/${episode.id}`,
            },
          ];
    }),
    ...signOff,
  ];
}

/** A question of the terms of reference that no finding answers, as a short quotation. */
function unansweredQuestions(review: ReadinessReview): MissingItem[] {
  const answered = new Set(review.findings.flatMap((finding) => finding.answersQuestionIds ?? []));
  return (review.reviewQuestions ?? [])
    .filter((question) => !answered.has(question.id))
    .map((question) => ({
      key: `question:${question.id}`,
      stage: 'PUBLISHED' as const,
      subject: `Review question ${question.ordinal} “${quote(question.text)}”`,
      needs: ['a finding that answers it'],
      fixAt: 'findings',
    }));
}

const quote = (text: string) => (text.length > 80 ? `${text.slice(0, 79).trimEnd()}…` : text);

function publicationNeeds(review: ReadinessReview): MissingItem[] {
  return [...findingNeeds(review), ...unansweredQuestions(review)];
}

function findingNeeds(review: ReadinessReview): MissingItem[] {
  if (review.findings.length === 0) {
    return [
      {
        key: 'findings',
        stage: 'PUBLISHED',
        subject: 'The review',
        needs: ['at least one finding'],
        fixAt: 'findings',
      },
    ];
  }
  return review.findings.flatMap((finding) => {
    const needs = [
      ...(has(finding.statement) ? [] : ['a statement of the pattern']),
      ...(finding.evidenceCount > 0 ? [] : ['evidence from episodes, factors or events']),
      ...(finding.questions.some(has) ? [] : ['at least one question for the board']),
    ];
    return needs.length === 0
      ? []
      : [
          {
            key: `finding:${finding.id}`,
            stage: 'PUBLISHED' as const,
            subject: `Finding ${finding.ordinal} “${finding.title}”`,
            needs,
            fixAt: `findings/${finding.id}`,
          },
        ];
  });
}

const NEEDS_BY_STAGE: Partial<
  Record<ReviewStatusName, (review: ReadinessReview) => MissingItem[]>
> = {
  DATA_GATHERING: gatheringNeeds,
  ANALYSIS: analysisNeeds,
  DRAFTING: draftingNeeds,
  PUBLISHED: publicationNeeds,
};

/**
 * Everything still missing before the review can be in `stage`. The needs add up: a review going
 * into drafting also needs what data gathering and analysis needed, in case a stage was passed
 * with something left undone.
 */
export function missingFor(review: ReadinessReview, stage: ReviewStatusName): MissingItem[] {
  const upTo = REVIEW_STAGES.indexOf(stage);
  if (upTo < 0) return [];
  return REVIEW_STAGES.slice(0, upTo + 1).flatMap((each) => NEEDS_BY_STAGE[each]?.(review) ?? []);
}

/** The next stage and what is missing for it; no next stage at the end of the sequence. */
export function readinessForNextStage(review: ReadinessReview): {
  next: ReviewStatusName | null;
  missing: MissingItem[];
} {
  const next = nextStage(review.status);
  return { next, missing: next ? missingFor(review, next) : [] };
}

/** A missing item as a sentence: "Episode 2 “Home visit” needs an appraisal and …". */
export function describeMissing(item: MissingItem): string {
  const needs =
    item.needs.length <= 1
      ? (item.needs[0] ?? '')
      : `${item.needs.slice(0, -1).join(', ')} and ${item.needs[item.needs.length - 1]}`;
  return `${item.subject} needs ${needs}.`;
}
