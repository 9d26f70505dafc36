import { useMutation, useQuery } from '@apollo/client/react';
import { FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { messageOf } from '../../components/graphql-errors';
import { plural } from '../../components/plural';
import { CREATE_PRACTICE_ISSUE_SET, PRACTICE_ISSUE_SETS } from './practice-issues.graphql';
import './briefings.css';

/** The trainers' briefings: sets of practice issues drawn from published reviews. */
export function BriefingsPage() {
  const { data, loading, error } = useQuery(PRACTICE_ISSUE_SETS, {
    fetchPolicy: 'cache-and-network',
  });
  const [create, { loading: creating, error: createError }] =
    useMutation(CREATE_PRACTICE_ISSUE_SET);
  const [title, setTitle] = useState('');
  const navigate = useNavigate();
  const sets = data?.practiceIssueSets ?? [];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) return;
    const result = await create({ variables: { input: { title: title.trim() } } }).catch(
      () => null,
    );
    const id = result?.data?.createPracticeIssueSet.id;
    if (id) void navigate(`/briefings/sets/${id}`);
  };

  return (
    <>
      <h1>Briefings</h1>
      {error && (
        <div className="notice notice--error" role="alert">
          The briefings could not be read: {messageOf(error)}
        </div>
      )}
      {loading && !data && <p role="status">Reading the briefings…</p>}
      {data && sets.length === 0 && (
        <EmptyState title="No briefings yet">
          <p>
            Practice-issue briefings drawn from the findings of many reviews will appear here, ready
            to export for practitioners. Start a set below: give it a title, choose the published
            reviews it draws on, then add each practice issue, find the findings behind it through
            the corpus search and write its sections.
          </p>
        </EmptyState>
      )}
      {sets.length > 0 && (
        <section aria-labelledby="practice-sets">
          <h2 id="practice-sets">Sets of practice issues</h2>
          <ul className="briefings__sets">
            {sets.map((set) => (
              <li key={set.id} className="briefings__set">
                <h3>
                  <Link to={`/briefings/sets/${set.id}`}>{set.title}</Link>
                </h3>
                <p>
                  {plural(set.issues.length, 'practice issue')} · based on {set.basis.sentence}
                </p>
                {set.withdrawnReviews.length > 0 && (
                  <p className="notice notice--warning">
                    {plural(set.withdrawnReviews.length, 'review')} it drew on{' '}
                    {set.withdrawnReviews.length === 1 ? 'was' : 'were'} withdrawn:{' '}
                    {set.withdrawnReviews.map((r) => r.reference).join(', ')}.
                  </p>
                )}
                {set.issues.length > 0 && (
                  <ol>
                    {set.issues.map((issue) => (
                      <li key={issue.id}>
                        <Link to={`/briefings/issues/${issue.id}`}>{issue.title}</Link>
                      </li>
                    ))}
                  </ol>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      <form className="briefings__new" onSubmit={submit} aria-labelledby="new-set">
        <h2 id="new-set">Start a set of practice issues</h2>
        <label className="briefings__field">
          Title of the set
          <input value={title} onChange={(event) => setTitle(event.target.value)} required />
        </label>
        <button type="submit" className="button button--primary" disabled={creating}>
          Start the set
        </button>
        {createError && (
          <div className="notice notice--error" role="alert">
            The set could not be started: {messageOf(createError)}
          </div>
        )}
      </form>
    </>
  );
}
