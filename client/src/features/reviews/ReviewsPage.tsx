import { EmptyState } from '../../components/EmptyState';

export function ReviewsPage() {
  return (
    <>
      <h1>Reviews</h1>
      <EmptyState title="No reviews yet">
        <p>
          The case reviews you lead or take part in will appear here. Each review holds its
          multi-agency chronology, key practice episodes with the view from the tunnel, contributory
          factors, and findings in the six-category typology.
        </p>
      </EmptyState>
    </>
  );
}
