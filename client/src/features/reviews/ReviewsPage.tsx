import { useQuery } from '@apollo/client/react';
import { REVIEW_ROLE_LABELS, REVIEW_STATUS_LABELS, REVIEW_TYPE_LABELS } from '@scr/shared';
import { Link } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { REVIEW_LIST } from './reviews.graphql';

function period(start: string | null | undefined, end: string | null | undefined): string {
  const format = (day: string) =>
    new Date(`${day}T00:00:00Z`).toLocaleDateString('en-GB', {
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    });
  if (!start && !end) return '—';
  return `${start ? format(start) : '…'} – ${end ? format(end) : '…'}`;
}

export function ReviewsPage() {
  const { data, loading, error, refetch } = useQuery(REVIEW_LIST, { variables: { first: 100 } });
  const reviews = data?.reviews.edges.map((edge) => edge.node) ?? [];

  return (
    <>
      <h1>Reviews</h1>
      {loading && !data && <p role="status">Loading reviews…</p>}
      {error && (
        <div className="notice notice--error" role="alert">
          The reviews could not be loaded: {error.message}{' '}
          <button type="button" className="button button--inline" onClick={() => void refetch()}>
            Try again
          </button>
        </div>
      )}
      {data && reviews.length === 0 && (
        <EmptyState title="No reviews yet">
          <p>
            The case reviews you lead or take part in will appear here. Each review holds its
            multi-agency chronology, key practice episodes with the view from the tunnel,
            contributory factors, and findings in the six-category typology.
          </p>
        </EmptyState>
      )}
      {reviews.length > 0 && (
        <table className="data-table">
          <caption>
            {data?.reviews.totalCount === 1 ? '1 review' : `${data?.reviews.totalCount} reviews`}{' '}
            you can see, most recently changed first
          </caption>
          <thead>
            <tr>
              <th scope="col">Reference</th>
              <th scope="col">Review</th>
              <th scope="col">Type</th>
              <th scope="col">Period under review</th>
              <th scope="col">Stage</th>
              <th scope="col">Your role</th>
            </tr>
          </thead>
          <tbody>
            {reviews.map((review) => (
              <tr key={review.id}>
                <td className="data-table__nowrap">{review.reference}</td>
                <td>
                  <Link className="data-table__title" to={`/reviews/${review.id}`}>
                    {review.title}
                  </Link>
                  {review.partnership && (
                    <span className="data-table__sub">{review.partnership}</span>
                  )}
                </td>
                <td>{REVIEW_TYPE_LABELS[review.type]}</td>
                <td>{period(review.periodStart, review.periodEnd)}</td>
                <td>
                  <span className={`status status--${review.status.toLowerCase()}`}>
                    {REVIEW_STATUS_LABELS[review.status]}
                  </span>
                </td>
                <td>{review.myRole ? REVIEW_ROLE_LABELS[review.myRole] : 'Administrator'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
