import { EmptyState } from '../../components/EmptyState';

export function BriefingsPage() {
  return (
    <>
      <h1>Briefings</h1>
      <EmptyState title="No briefings yet">
        <p>
          Practice-issue briefings drawn from the findings of many reviews, and learning-lessons
          briefings for an audit or a single review, will appear here, ready to export for
          practitioners.
        </p>
      </EmptyState>
    </>
  );
}
