import { useApolloClient } from '@apollo/client/react';
import { useState } from 'react';
import { EmptyState } from '../../components/EmptyState';
import { useReview } from '../../app/review-context';
import { ChronologyTable } from './ChronologyTable';
import { DuplicateCandidates } from './DuplicateCandidates';
import { downloadWithToken } from './download';
import { ImportWizard } from './ImportWizard';
import { TimelineChronology } from './TimelineChronology';
import { loadedSummary, loadingProgress, useWholeChronology } from './timeline-loading';
import { useChronologyView } from './timeline-view';
import { useEventActions } from './use-event-actions';

/**
 * The review's merged multi-agency chronology, as a timeline of agencies' lanes or as a table,
 * with the import of agency chronologies.
 */
export function ChronologyPage() {
  const { review: header, canEdit } = useReview();
  const reviewId = header.id;
  const chronology = useWholeChronology(reviewId);
  const [view, setView] = useChronologyView();
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
  const { review, events, total } = chronology;
  // Before the first event there is no timeline or table to add from: the empty state offers it.
  const firstEvent = useEventActions({
    reviewId,
    agencies: review?.agencies ?? [],
    onChanged: chronology.refetch,
  });

  if (chronology.loading) return <p role="status">Loading the chronology…</p>;
  if (!review) {
    return (
      <p className="notice notice--error" role="alert">
        The chronology could not be loaded:{' '}
        {chronology.error?.message ?? 'the review is no longer there.'}
      </p>
    );
  }

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
        !importing && (
          <EmptyState title="No events yet">
            <p>
              The merged multi-agency chronology will appear here. Import each agency’s chronology
              (CSV or Excel): the dates are read with their precision and the agencies’ entries
              merged in date order.
            </p>
            {canEdit && (
              <p>
                <button type="button" className="button button--secondary" onClick={firstEvent.add}>
                  Add an event by hand
                </button>
              </p>
            )}
            {firstEvent.elements}
          </EmptyState>
        )
      ) : (
        <>
          <div className="timeline-view">
            <div className="timeline-view__switch" role="group" aria-label="Show the chronology as">
              <button
                type="button"
                aria-pressed={view === 'timeline'}
                onClick={() => setView('timeline')}
              >
                Timeline
              </button>
              <button
                type="button"
                aria-pressed={view === 'table'}
                onClick={() => setView('table')}
              >
                Table
              </button>
            </div>
            <span className="hint">
              Press <kbd>T</kbd> to switch
            </span>
            <p className="timeline-view__progress" role="status">
              {chronology.complete
                ? loadedSummary(total, review.agencies.length)
                : loadingProgress(events.length, total)}
            </p>
          </div>
          {chronology.error && (
            <p className="notice notice--error" role="alert">
              The rest of the chronology could not be loaded: {chronology.error.message}
            </p>
          )}
          {view === 'timeline' ? (
            <TimelineChronology
              reviewId={reviewId}
              events={events}
              agencies={review.agencies}
              episodes={review.episodes}
              canEdit={canEdit}
              reviewPeriod={{ start: review.periodStart, end: review.periodEnd }}
              onChanged={chronology.refetch}
            />
          ) : (
            <ChronologyTable
              reviewId={reviewId}
              events={events}
              agencies={review.agencies}
              people={review.people}
              canEdit={canEdit}
              onSaved={chronology.refetch}
            />
          )}
        </>
      )}
    </>
  );
}
