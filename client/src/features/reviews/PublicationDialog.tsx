import { useMutation, useQuery } from '@apollo/client/react';
import {
  formatPartialDate,
  numberedCategoryLabel,
  REVIEW_TYPE_LABELS,
  TEXT_LIMITS,
} from '@scr/shared';
import { useState } from 'react';
import { Link } from 'react-router';
import { Dialog } from '../../components/Dialog';
import { PublicationProblemKind } from '../../gql/graphql';
import { PUBLICATION_PREVIEW, PUBLISH_REVIEW } from './publication.graphql';

/** What the anonymisation check found, in words. */
export const PROBLEM_KIND_LABELS: Record<PublicationProblemKind, string> = {
  REAL_NAME: 'A real name',
  PRACTITIONER_NAME: 'A practitioner’s name',
  DATE_OF_BIRTH: 'A date of birth',
  ADDRESS: 'An address',
  POSTCODE: 'A postcode',
  PHONE: 'A phone number',
  EMAIL: 'An email address',
  NAMED_PLACE: 'A named place',
  READINESS: 'Not ready',
};

/** Record types as a reviewer calls them. */
const RECORD_LABELS: Record<string, string> = {
  Review: 'the review',
  TimelineEvent: 'an event',
  PracticeEpisode: 'an episode',
  ContributoryFactor: 'a contributory factor',
  Finding: 'a finding',
  ReviewConversation: 'a conversation',
  Agency: 'an agency',
  Person: 'a person',
  ReviewQuestion: 'a question',
  BoardAction: 'a board action',
};

type Problem = {
  kind: PublicationProblemKind;
  recordType: string;
  recordId: string;
  field: string;
  excerpt: string;
  fixAt: string;
};

/** The excerpt, with what was found marked where the check's window shows it whole. */
function ProblemEntry({ problem }: { problem: Problem }) {
  const record = RECORD_LABELS[problem.recordType] ?? problem.recordType;
  const isReadiness = problem.kind === 'READINESS';
  return (
    <li className="publication__problem">
      <strong>{PROBLEM_KIND_LABELS[problem.kind]}</strong>
      {isReadiness ? ': ' : ` in ${record}, field “${problem.field}”: `}
      <q className="publication__excerpt">{problem.excerpt}</q>{' '}
      {problem.fixAt === 'details' ? (
        <span className="hint">(set it in the review’s details)</span>
      ) : (
        <Link to={problem.fixAt}>Fix it</Link>
      )}
    </li>
  );
}

export function PublicationDialog({
  reviewId,
  canOverride,
  onClose,
  onPublished,
}: {
  reviewId: string;
  /** The lead reviewer or an administrator: may publish despite problems, with a reason. */
  canOverride: boolean;
  onClose: () => void;
  onPublished: (version: number) => void;
}) {
  const { data, loading, error } = useQuery(PUBLICATION_PREVIEW, {
    variables: { reviewId },
    // Kept out of the cache: its partial findings would replace the home's fuller list.
    fetchPolicy: 'no-cache',
  });
  const [publish, { loading: publishing }] = useMutation(PUBLISH_REVIEW, {
    refetchQueries: ['ReviewHeader', 'ReviewHome'],
    awaitRefetchQueries: true,
  });
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [refused, setRefused] = useState<Problem[] | null>(null);
  const problems: Problem[] = refused ?? data?.publicationProblems ?? [];
  const review = data?.review;

  async function submit(overrideReason?: string) {
    setFailure(null);
    try {
      const result = await publish({
        variables: { id: reviewId, overrideReason: overrideReason ?? null },
      });
      const outcome = result.data?.publishReview;
      if (outcome?.published && outcome.version) onPublished(outcome.version);
      else if (outcome) setRefused(outcome.problems);
    } catch (caught) {
      setFailure(caught instanceof Error ? caught.message : String(caught));
    }
  }

  return (
    <Dialog title="Publish the review" onClose={onClose} wide>
      {loading && <p role="status">Checking the review for publication…</p>}
      {error && (
        <p className="notice notice--error" role="alert">
          The check could not be run: {error.message}
        </p>
      )}
      {data && problems.length > 0 && (
        <section aria-labelledby="publication-problems">
          <h3 id="publication-problems">
            {problems.length === 1
              ? 'One thing stands in the way of publication'
              : `${problems.length} things stand in the way of publication`}
          </h3>
          <ul className="publication__problems" aria-label="Problems">
            {problems.map((problem, index) => (
              <ProblemEntry
                key={`${problem.recordId}-${problem.field}-${index}`}
                problem={problem}
              />
            ))}
          </ul>
        </section>
      )}
      {data && problems.length === 0 && (
        <p className="review-home__ready">
          <span aria-hidden="true">✓ </span>The anonymisation check found nothing, and the review is
          ready.
        </p>
      )}
      {review && (
        <section className="publication__preview" aria-labelledby="publication-preview">
          <h3 id="publication-preview">As analysts will see it</h3>
          <p className="hint">
            Pseudonyms only: real names never leave the review. The corpus keeps this version until
            the review is published again.
          </p>
          <p>
            <strong>{review.title}</strong>
            <br />
            {REVIEW_TYPE_LABELS[review.type]} · {review.partnership}
            {review.periodStart && review.periodEnd
              ? ` · ${formatPartialDate(review.periodStart, 'DAY')} – ${formatPartialDate(review.periodEnd, 'DAY')}`
              : ''}
          </p>
          {review.findings.length > 0 && (
            <ol className="publication__findings">
              {review.findings.map((finding) => (
                <li key={finding.id}>
                  <strong>{finding.title}</strong>{' '}
                  <span className="hint">({numberedCategoryLabel(finding.category)})</span>
                  {finding.statement && <p>{finding.statement}</p>}
                </li>
              ))}
            </ol>
          )}
        </section>
      )}
      {failure && (
        <p className="notice notice--error" role="alert">
          {failure}
        </p>
      )}
      {data && problems.length > 0 && canOverride && (
        <div className="form__field">
          <label htmlFor="publication-override-reason">Why publish despite these problems?</label>
          <textarea
            id="publication-override-reason"
            aria-describedby="publication-override-reason-hint"
            value={reason}
            maxLength={TEXT_LIMITS.publicationOverrideReason}
            rows={3}
            onChange={(event) => setReason(event.target.value)}
          />
          <p id="publication-override-reason-hint" className="hint">
            Required. It is kept with the published version and in the audit trail.
          </p>
        </div>
      )}
      {data && problems.length > 0 && !canOverride && (
        <p className="notice">
          Only the review’s lead reviewer or an administrator may publish despite problems. Fix
          them, or ask the lead reviewer.
        </p>
      )}
      <div className="dialog__actions">
        <button type="button" className="button button--secondary" autoFocus onClick={onClose}>
          Not now
        </button>
        {data && problems.length === 0 && (
          <button
            type="button"
            className="button button--primary"
            disabled={publishing}
            onClick={() => void submit()}
          >
            {publishing ? 'Publishing…' : 'Publish'}
          </button>
        )}
        {data && problems.length > 0 && canOverride && (
          <button
            type="button"
            className="button button--primary"
            disabled={publishing || !reason.trim()}
            onClick={() => void submit(reason.trim())}
          >
            {publishing ? 'Publishing…' : 'Publish despite these problems'}
          </button>
        )}
      </div>
    </Dialog>
  );
}
