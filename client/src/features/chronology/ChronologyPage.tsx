import { useApolloClient, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { EmptyState } from '../../components/EmptyState';
import { formatPartialDate } from './format-date';
import { DuplicateCandidates } from './DuplicateCandidates';
import { downloadWithToken } from './download';
import { ImportWizard } from './ImportWizard';
import { useReview } from '../reviews/review-context';
import { REVIEW_CHRONOLOGY } from './chronology.graphql';

/** The review's merged multi-agency chronology, with the import of agency chronologies. */
export function ChronologyPage() {
  const { review: header, canEdit } = useReview();
  const reviewId = header.id;
  const { data, loading, error, fetchMore } = useQuery(REVIEW_CHRONOLOGY, {
    variables: { id: reviewId },
  });
  const client = useApolloClient();
  const [importing, setImporting] = useState(false);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const download = async (extension: 'csv' | 'xlsx') => {
    setDownloadError(null);
    try {
      await downloadWithToken(
        `/api/reviews/${reviewId}/timeline.${extension}`,
        `chronology.${extension}`,
      );
    } catch (caught) {
      setDownloadError((caught as Error).message);
    }
  };
  const review = data?.review;

  if (loading && !data) return <p role="status">Loading the chronology…</p>;
  if (error || !review) {
    return (
      <p className="notice notice--error" role="alert">
        The chronology could not be loaded: {error?.message ?? 'the review is no longer there.'}
      </p>
    );
  }
  const events = review.events.edges.map((edge) => edge.node);

  return (
    <>
      <div className="section-header">
        <h2>Chronology</h2>
        <div className="section-header__actions">
          {events.length > 0 && (
            <>
              <button
                type="button"
                className="button button--secondary"
                onClick={() => void download('csv')}
              >
                Download CSV
              </button>
              <button
                type="button"
                className="button button--secondary"
                onClick={() => void download('xlsx')}
              >
                Download Excel
              </button>
            </>
          )}
          {canEdit && !importing && (
            <button
              type="button"
              className="button button--primary"
              onClick={() => setImporting(true)}
            >
              Import a chronology
            </button>
          )}
        </div>
      </div>
      {downloadError && (
        <p className="notice notice--error" role="alert">
          {downloadError}
        </p>
      )}
      <DuplicateCandidates reviewId={review.id} canEdit={canEdit} />
      {importing && (
        <ImportWizard
          reviewId={review.id}
          agencies={review.agencies}
          onImported={() =>
            void client.refetchQueries({ include: ['ReviewChronology', 'DuplicateCandidates'] })
          }
          onClose={() => setImporting(false)}
        />
      )}
      {events.length === 0 ? (
        <EmptyState title="No events yet">
          <p>
            The merged multi-agency chronology will appear here. Import each agency’s chronology
            (CSV or Excel): the dates are read with their precision and the agencies’ entries merged
            in date order.
          </p>
        </EmptyState>
      ) : (
        <table className="data-table" aria-label="Chronology">
          <caption>
            {review.events.totalCount} events from {review.agencies.length} agencies, in date order
          </caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Agency</th>
              <th scope="col">Entry</th>
              <th scope="col">Source</th>
            </tr>
          </thead>
          <tbody>
            {events.map((event) => (
              <tr key={event.id}>
                <td className="data-table__nowrap">
                  {formatPartialDate(event.occurredOn, event.precision)}
                  {event.timeOfDay ? ` ${event.timeOfDay}` : ''}
                </td>
                <td>{event.agency?.name ?? '—'}</td>
                <td>
                  <span className="data-table__title">{event.title}</span>
                  {event.description && event.description !== event.title && (
                    <span className="data-table__sub">{event.description}</span>
                  )}
                  {event.linkedEvents.length > 0 && (
                    <span className="data-table__sub">
                      Also recorded by{' '}
                      {event.linkedEvents.map((e) => e.agency?.name ?? 'another record').join(', ')}
                    </span>
                  )}
                </td>
                <td>{event.source}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {review.events.pageInfo.hasNextPage && (
        <button
          type="button"
          className="button button--secondary"
          onClick={() =>
            void fetchMore({
              variables: { after: review.events.pageInfo.endCursor },
              updateQuery: (previous, { fetchMoreResult }) => ({
                review: {
                  ...fetchMoreResult.review!,
                  events: {
                    ...fetchMoreResult.review!.events,
                    edges: [
                      ...previous.review!.events.edges,
                      ...fetchMoreResult.review!.events.edges,
                    ],
                  },
                },
              }),
            })
          }
        >
          Show more events
        </button>
      )}
    </>
  );
}
