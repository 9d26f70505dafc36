import { useQuery } from '@apollo/client/react';
import { REVIEW_STATUS_LABELS, REVIEW_TYPE_LABELS, formatPartialDate } from '@scr/shared';
import { Suspense, useMemo } from 'react';
import { Link, NavLink, Outlet, useParams } from 'react-router';
import { ReviewContext } from '../../app/review-context';
import { useSession } from '../auth';
import { REVIEW_HEADER } from './review-header.graphql';

const TABS = [
  { to: '', label: 'Home', end: true },
  { to: 'setup', label: 'Set-up' },
  { to: 'chronology', label: 'Chronology' },
  { to: 'episodes', label: 'Episodes' },
  { to: 'factor-map', label: 'Factor map' },
  { to: 'findings', label: 'Findings' },
  { to: 'registers', label: 'Registers' },
  { to: 'comments', label: 'Case group' },
  { to: 'board', label: 'Board response' },
  { to: 'learning-briefing', label: 'Learning briefing' },
];

/** One review: its title, the tabs of its workspace, and the open tab. */
export function ReviewLayout() {
  const { reviewId = '' } = useParams();
  const { data, loading, error } = useQuery(REVIEW_HEADER, { variables: { id: reviewId } });
  const review = data?.review;
  const isAdministrator = useSession().session?.user.role === 'ADMIN';
  const context = useMemo<ReviewContext | null>(
    () =>
      review
        ? {
            review,
            canEdit: review.myCapabilities.includes('edit'),
            canReadRealNames: review.myCapabilities.includes('readRealNames'),
            canRespond: review.myCapabilities.includes('respond'),
            isAdministrator,
          }
        : null,
    [review, isAdministrator],
  );

  if (loading && !data) return <p role="status">Loading the review…</p>;
  if (error || !review || !context) {
    return (
      <>
        <h1>Review not available</h1>
        <p className="notice notice--error" role="alert">
          {error?.message ?? 'There is no such review, or you are not a member of it.'}
        </p>
        <Link to="/reviews">Back to the reviews</Link>
      </>
    );
  }

  return (
    <>
      <p className="breadcrumb">
        <Link to="/reviews">Reviews</Link> / {review.reference}
      </p>
      <h1>{review.title}</h1>
      <p className="lede">
        {REVIEW_TYPE_LABELS[review.type]}
        {review.partnership ? ` · ${review.partnership}` : ''}
        {review.periodStart && review.periodEnd
          ? ` · period under review ${formatPartialDate(review.periodStart, 'DAY')} – ${formatPartialDate(review.periodEnd, 'DAY')}`
          : ''}
        {' · '}
        <span className={`status status--${review.status.toLowerCase()}`}>
          {REVIEW_STATUS_LABELS[review.status]}
        </span>
      </p>
      <nav className="review-tabs" aria-label="Review">
        {TABS.map((tab) => (
          <NavLink
            key={tab.label}
            to={tab.to}
            end={tab.end}
            className="review-tabs__link"
            data-testid={`review-tab-${tab.to || 'home'}`}
          >
            {tab.label}
          </NavLink>
        ))}
      </nav>
      <Suspense fallback={<p role="status">Loading…</p>}>
        <Outlet context={context} />
      </Suspense>
    </>
  );
}
