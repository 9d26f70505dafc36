import { useQuery } from '@apollo/client/react';
import {
  REVIEW_ROLE_LABELS,
  REVIEW_STATUS_LABELS,
  REVIEW_STATUSES,
  REVIEW_TYPE_LABELS,
  REVIEW_TYPES,
  ReviewStatusName,
  ReviewTypeName,
} from '@scr/shared';
import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { useSession } from '../auth';
import { CreateReviewDialog } from './CreateReviewDialog';
import { REVIEW_LIST } from './reviews.graphql';
import {
  filtersFromParams,
  hasFilters,
  listVariables,
  paramsFromFilters,
  ReviewsListFilters,
} from './reviews-list-filters';
import './reviews-list.css';

/** Account roles that may start a review; the server holds the same rule. */
const REVIEW_CREATORS = ['ADMIN', 'REVIEWER'];
const SEARCH_DELAY_MS = 300;

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

const plural = (count: number) => (count === 1 ? '1 review' : `${count} reviews`);

export function ReviewsPage() {
  const { session } = useSession();
  const canCreate = REVIEW_CREATORS.includes(session?.user.role ?? '');
  const [creating, setCreating] = useState(false);
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const filtered = hasFilters(filters);
  const [searchText, setSearchText] = useState(filters.search);

  // The address is the record of the search: Back or a shared link puts its words in the box.
  const [searchInAddress, setSearchInAddress] = useState(filters.search);
  if (searchInAddress !== filters.search) {
    setSearchInAddress(filters.search);
    setSearchText(filters.search);
  }

  const applyFilters = (next: ReviewsListFilters, replace = false) =>
    setParams(paramsFromFilters(next), { replace });

  useEffect(() => {
    if (searchText === filters.search) return undefined;
    // Typing replaces the address rather than adding a step to the history for each pause.
    const timer = setTimeout(
      () => setParams(paramsFromFilters({ ...filters, search: searchText }), { replace: true }),
      SEARCH_DELAY_MS,
    );
    return () => clearTimeout(timer);
  }, [searchText, filters, setParams]);

  const { data, previousData, loading, error, refetch, fetchMore } = useQuery(REVIEW_LIST, {
    variables: listVariables(filters),
  });
  const shown = data ?? previousData;
  const reviews = shown?.reviews.edges.map((edge) => edge.node) ?? [];
  const total = shown?.reviews.totalCount ?? 0;

  const clear = () => {
    setSearchText('');
    applyFilters({ search: '', stage: null, type: null });
  };

  const showMore = () =>
    void fetchMore({
      variables: { after: shown?.reviews.pageInfo.endCursor },
      updateQuery: (previous, { fetchMoreResult }) => ({
        reviews: {
          ...fetchMoreResult.reviews,
          edges: [...previous.reviews.edges, ...fetchMoreResult.reviews.edges],
        },
      }),
    });

  return (
    <div className="reviews-list">
      <div className="reviews-list__header">
        <h1>Reviews</h1>
        {canCreate && (
          <button
            type="button"
            className="button button--primary"
            onClick={() => setCreating(true)}
          >
            New review
          </button>
        )}
      </div>
      {creating && <CreateReviewDialog onClose={() => setCreating(false)} />}

      <form
        role="search"
        className="reviews-list__filters"
        aria-label="Find reviews"
        onSubmit={(event) => {
          event.preventDefault();
          applyFilters({ ...filters, search: searchText }, true);
        }}
      >
        <label className="reviews-list__filter reviews-list__filter--search">
          Search
          <input
            type="search"
            value={searchText}
            placeholder="Reference, title or partnership"
            onChange={(event) => setSearchText(event.target.value)}
          />
        </label>
        <label className="reviews-list__filter">
          Stage
          <select
            value={filters.stage ?? ''}
            onChange={(event) =>
              applyFilters({
                ...filters,
                search: searchText,
                stage: (event.target.value || null) as ReviewStatusName | null,
              })
            }
          >
            <option value="">Any stage</option>
            {REVIEW_STATUSES.map((status) => (
              <option key={status} value={status}>
                {REVIEW_STATUS_LABELS[status]}
              </option>
            ))}
          </select>
        </label>
        <label className="reviews-list__filter">
          Type
          <select
            value={filters.type ?? ''}
            onChange={(event) =>
              applyFilters({
                ...filters,
                search: searchText,
                type: (event.target.value || null) as ReviewTypeName | null,
              })
            }
          >
            <option value="">Any type</option>
            {REVIEW_TYPES.map((type) => (
              <option key={type} value={type}>
                {REVIEW_TYPE_LABELS[type]}
              </option>
            ))}
          </select>
        </label>
        {(filtered || searchText) && (
          <button type="button" className="button button--quiet" onClick={clear}>
            Clear filters
          </button>
        )}
      </form>

      <p className="reviews-list__count" role="status">
        {loading && shown
          ? 'Searching…'
          : shown && filtered
            ? `${plural(total)} ${total === 1 ? 'matches' : 'match'}`
            : ''}
      </p>

      {loading && !shown && <p role="status">Loading reviews…</p>}
      {error && (
        <div className="notice notice--error" role="alert">
          The reviews could not be loaded: {error.message}{' '}
          <button type="button" className="button button--inline" onClick={() => void refetch()}>
            Try again
          </button>
        </div>
      )}
      {shown && total === 0 && !filtered && (
        <EmptyState title="No reviews yet">
          <p>
            The case reviews you lead or take part in will appear here. Each review holds its
            multi-agency chronology, key practice episodes with the view from the tunnel,
            contributory factors, and findings in the six-category typology.
          </p>
          {canCreate && <p>Start one with “New review”.</p>}
        </EmptyState>
      )}
      {shown && total === 0 && filtered && (
        <EmptyState title="No reviews match">
          <p>
            None of the reviews you can see matches
            {filters.search.trim() ? ` “${filters.search.trim()}”` : ' these filters'}
            {filters.stage
              ? ` at the ${REVIEW_STATUS_LABELS[filters.stage].toLowerCase()} stage`
              : ''}
            {filters.type ? ` of the type ${REVIEW_TYPE_LABELS[filters.type].toLowerCase()}` : ''}.
          </p>
          <button type="button" className="button button--secondary" onClick={clear}>
            Clear filters
          </button>
        </EmptyState>
      )}
      {reviews.length > 0 && (
        <table className={`data-table${loading ? ' reviews-list__busy' : ''}`}>
          <caption>
            {filtered
              ? 'Matching reviews, most recently changed first'
              : `${plural(total)} you can see, most recently changed first`}
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
                <td>
                  {review.myRole
                    ? REVIEW_ROLE_LABELS[review.myRole]
                    : session?.user.role === 'ADMIN'
                      ? 'Administrator'
                      : 'Not a member'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {shown?.reviews.pageInfo.hasNextPage && (
        <button type="button" className="button button--secondary" onClick={showMore}>
          Show more reviews
        </button>
      )}
    </div>
  );
}
