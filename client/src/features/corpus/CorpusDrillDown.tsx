import { useQuery } from '@apollo/client/react';
import { REVIEW_TYPE_LABELS, ReviewTypeName } from '@scr/shared';
import { Link } from 'react-router';
import { downloadText, toCsv } from '../../components/csv-download';
import { messageOf } from '../../components/graphql-errors';
import { plural } from '../../components/plural';
import { useSession } from '../auth';
import { CORPUS_REVIEWS } from './corpus.graphql';
import { BarSelection, CorpusFilters, drillDownFilter } from './corpus-filters';

/** Account roles that may open any published review (analysts and trainers read, administrators all). */
const PUBLISHED_REVIEW_READERS = ['ADMIN', 'ANALYST', 'TRAINER'];
const FIRST = 200;

const EFFECT_WORDS = {
  SUPPORTS_GOOD_PRACTICE: 'findings that support good practice',
  MAKES_PROBLEMS_MORE_LIKELY: 'findings that make problems more likely',
};

/** What the bar stands for, in words: the heading of the list behind it. */
export function selectionWords(bar: BarSelection): string {
  return bar.kind === 'category' ? `${bar.label}, ${EFFECT_WORDS[bar.effect]}` : bar.label;
}

/** The published reviews behind a bar, each opening the review when the reader may open it. */
export function CorpusDrillDown({
  filters,
  selection,
}: {
  filters: CorpusFilters;
  selection: BarSelection;
}) {
  const { session } = useSession();
  const mayOpen = PUBLISHED_REVIEW_READERS.includes(session?.user.role ?? '');
  const { data, loading, error } = useQuery(CORPUS_REVIEWS, {
    variables: { filter: drillDownFilter(filters, selection), first: FIRST },
  });
  const reviews = data?.corpusReviews.edges.map((edge) => edge.node) ?? [];
  const total = data?.corpusReviews.totalCount ?? 0;
  const words = selectionWords(selection);
  const typeLabel = (type: string) => REVIEW_TYPE_LABELS[type as ReviewTypeName] ?? type;

  const download = () =>
    downloadText(
      'corpus-reviews.csv',
      toCsv(
        ['Reference', 'Title', 'Partnership', 'Type', 'Year published'],
        reviews.map((review) => [
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
    <section className="corpus__section" aria-labelledby="corpus-drill-down">
      <h2 id="corpus-drill-down">Reviews behind “{words}”</h2>
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
                      <td>{review.reference}</td>
                      <td>
                        {mayOpen ? (
                          <Link to={`/reviews/${review.reviewId}`}>{review.title}</Link>
                        ) : (
                          review.title
                        )}
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
