import { useQuery } from '@apollo/client/react';
import { REVIEW_TYPE_LABELS, ReviewTypeName } from '@scr/shared';
import { useId } from 'react';
import { Link } from 'react-router';
import { downloadText, toCsv } from '../../components/csv-download';
import { messageOf } from '../../components/graphql-errors';
import { plural } from '../../components/plural';
import { CORPUS_REVIEWS } from './corpus.graphql';
import type { CorpusFilter } from '../../gql/graphql';

const FIRST = 200;

/** What a corpus item is: a review published here, or a report coded from the library. */
export const sourceLabel = (source: string) => (source === 'REPORT' ? 'Report' : 'Review');

/**
 * The published reviews of a filter, headed by what they stand for, each opening the review when
 * the reader may open it now (a review reopened for correction since is named, not linked).
 */
export function CorpusReviewList({
  filter,
  words,
}: {
  filter: CorpusFilter;
  /** What the figure stands for, e.g. "Neglect and domestic abuse". */
  words: string;
}) {
  const headingId = useId();
  const { data, loading, error } = useQuery(CORPUS_REVIEWS, {
    variables: { filter, first: FIRST },
  });
  const reviews = data?.corpusReviews.edges.map((edge) => edge.node) ?? [];
  const total = data?.corpusReviews.totalCount ?? 0;
  const typeLabel = (type: string) => REVIEW_TYPE_LABELS[type as ReviewTypeName] ?? type;

  const download = () =>
    downloadText(
      'corpus-reviews.csv',
      toCsv(
        ['Kind', 'Reference', 'Title', 'Partnership', 'Type', 'Year published'],
        reviews.map((review) => [
          sourceLabel(review.source),
          review.reference,
          review.title,
          review.partnership,
          typeLabel(review.type),
          review.publicationYear,
        ]),
      ),
      'text/csv;charset=utf-8',
    );

  return (
    <section className="corpus__section" aria-labelledby={headingId}>
      <h2 id={headingId}>Reviews behind “{words}”</h2>
      {loading && <p role="status">Loading the reviews…</p>}
      {error && (
        <p className="notice notice--error" role="alert">
          The reviews could not be listed: {messageOf(error)}
        </p>
      )}
      {data && (
        <>
          <p role="status">
            {plural(total, 'published review')}
            {total > reviews.length ? `, the first ${reviews.length} shown` : ''}
          </p>
          {reviews.length > 0 && (
            <>
              <button type="button" className="button" onClick={download}>
                Download the reviews (CSV)
              </button>
              <table className="corpus__table">
                <caption>Published reviews behind “{words}”</caption>
                <thead>
                  <tr>
                    <th scope="col">Kind</th>
                    <th scope="col">Reference</th>
                    <th scope="col">Title</th>
                    <th scope="col">Partnership</th>
                    <th scope="col">Type</th>
                    <th scope="col">Year published</th>
                  </tr>
                </thead>
                <tbody>
                  {reviews.map((review) => (
                    <tr key={review.id}>
                      <td>{sourceLabel(review.source)}</td>
                      <td>{review.reference}</td>
                      <td>
                        <ReviewTitle review={review} />
                      </td>
                      <td>{review.partnership}</td>
                      <td>{typeLabel(review.type)}</td>
                      <td>{review.publicationYear}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </>
      )}
    </section>
  );
}

/** The review's title, a link when the reader may open the review now; otherwise why not. */
export function ReviewTitle({
  review,
  text = review.title,
  asLink = false,
}: {
  review: { reviewId: string; title: string; readable: boolean; currentlyPublished: boolean };
  text?: string;
  /** only a link, or a note saying why there is none: no text besides */
  asLink?: boolean;
}) {
  if (review.readable) return <Link to={`/reviews/${review.reviewId}`}>{text}</Link>;
  if (asLink)
    return review.currentlyPublished ? null : (
      <span className="corpus__note">reopened for correction</span>
    );
  return (
    <>
      {text}
      {!review.currentlyPublished && (
        <span className="corpus__note"> (reopened for correction)</span>
      )}
    </>
  );
}
