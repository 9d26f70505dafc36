import { useMutation, useQuery } from '@apollo/client/react';
import { FormEvent, KeyboardEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ConfirmRemoval } from '../../components/ConfirmRemoval';
import { DocumentDownloads } from '../../components/DocumentDownloads';
import { conflictOf, messageOf } from '../../components/graphql-errors';
import { plural } from '../../components/plural';
import { useConfirmRemoval } from '../../components/use-confirm-removal';
import { PracticeIssueSetQuery } from '../../gql/graphql';
import { downloadWithToken } from '../chronology';
import { BriefingPreview } from './BriefingPreview';
import {
  COLLECTIONS_FOR_SET,
  CREATE_PRACTICE_ISSUE,
  PRACTICE_ISSUE_SET,
  PRACTICE_ISSUE_SETS,
  PUBLISHED_REVIEWS,
  REMOVE_PRACTICE_ISSUE_SET,
  REORDER_PRACTICE_ISSUES,
  UPDATE_PRACTICE_ISSUE_SET,
} from './practice-issues.graphql';
import './briefings.css';

type PracticeSet = NonNullable<PracticeIssueSetQuery['practiceIssueSet']>;

/** The issues of the set in order, moved with buttons or Alt+Arrow keys; each move renumbers. */
export function IssueOrder({
  set,
  onMove,
  busy,
}: {
  set: Pick<PracticeSet, 'issues'>;
  onMove: (ids: string[], movedId: string) => void;
  busy: boolean;
}) {
  const ids = set.issues.map((issue) => issue.id);
  const move = (index: number, by: -1 | 1) => {
    const to = index + by;
    if (to < 0 || to >= ids.length) return;
    const next = [...ids];
    [next[index], next[to]] = [next[to], next[index]];
    onMove(next, ids[index]);
  };
  const onKey = (index: number) => (event: KeyboardEvent) => {
    if (!event.altKey) return;
    if (event.key === 'ArrowUp') {
      event.preventDefault();
      move(index, -1);
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      move(index, 1);
    }
  };
  if (!set.issues.length)
    return <p>No practice issues yet. Add the first one below: it will be number 1.</p>;
  return (
    <>
      <p className="corpus__hint" id="order-hint">
        Move an issue with its buttons, or with Alt+Up and Alt+Down on its link; the issues are
        numbered again in their new order.
      </p>
      <ol className="briefings__issues" aria-label="Practice issues in order">
        {set.issues.map((issue, index) => (
          <li key={issue.id} className="briefings__issue" onKeyDown={onKey(index)}>
            <span>{issue.number}.</span>
            <Link to={`/briefings/issues/${issue.id}`} aria-describedby="order-hint">
              {issue.title}
            </Link>
            <button
              type="button"
              className="button button--quiet"
              disabled={busy || index === 0}
              onClick={() => move(index, -1)}
              aria-label={`Move ${issue.title} up`}
            >
              Up
            </button>
            <button
              type="button"
              className="button button--quiet"
              disabled={busy || index === set.issues.length - 1}
              onClick={() => move(index, 1)}
              aria-label={`Move ${issue.title} down`}
            >
              Down
            </button>
          </li>
        ))}
      </ol>
    </>
  );
}

interface SetForm {
  title: string;
  purpose: string;
  gathering: string;
  participantCount: string;
  closingSource: string;
  collectionId: string;
  reviewIds: string[];
}

const formOf = (set: PracticeSet): SetForm => ({
  title: set.title,
  purpose: set.purpose ?? '',
  gathering: set.gathering ?? '',
  participantCount: set.participantCount == null ? '' : String(set.participantCount),
  closingSource: set.closingSource ?? '',
  collectionId: set.collectionId ?? '',
  reviewIds: set.reviewIds,
});

function SetDetails({ set }: { set: PracticeSet }) {
  const [form, setForm] = useState<SetForm>(() => formOf(set));
  const [version, setVersion] = useState(set.version);
  const [message, setMessage] = useState<string | null>(null);
  const reviews = useQuery(PUBLISHED_REVIEWS);
  const collections = useQuery(COLLECTIONS_FOR_SET);
  const [update, { loading }] = useMutation(UPDATE_PRACTICE_ISSUE_SET, {
    refetchQueries: [{ query: PRACTICE_ISSUE_SET, variables: { id: set.id } }],
    awaitRefetchQueries: true,
  });
  const field = (key: keyof Omit<SetForm, 'reviewIds' | 'collectionId'>) => ({
    value: form[key],
    onChange: (event: { target: { value: string } }) =>
      setForm({ ...form, [key]: event.target.value }),
  });

  const save = async (event: FormEvent, on = version) => {
    event.preventDefault();
    setMessage(null);
    try {
      const result = await update({
        variables: {
          id: set.id,
          expectedVersion: on,
          input: {
            title: form.title,
            purpose: form.purpose,
            gathering: form.gathering,
            participantCount: form.participantCount ? Number(form.participantCount) : null,
            closingSource: form.closingSource,
            collectionId: form.collectionId || null,
            reviewIds: form.reviewIds,
          },
        },
      });
      setVersion(result.data!.updatePracticeIssueSet.version);
      setMessage('Saved.');
    } catch (caught) {
      const conflict = conflictOf(caught);
      if (conflict) {
        setVersion(conflict.currentVersion);
        setMessage(
          'Someone else saved this set while you were editing, so your change was not saved. Save again to replace their version with yours.',
        );
      } else setMessage(`The set could not be saved: ${messageOf(caught)}`);
    }
  };

  const published = reviews.data?.corpusReviews.edges.map((edge) => edge.node) ?? [];
  return (
    <form
      className="briefings__panel"
      onSubmit={(event) => void save(event)}
      aria-labelledby="set-details"
    >
      <h2 id="set-details">About the set</h2>
      <label className="briefings__field">
        Title
        <input {...field('title')} required />
      </label>
      <label className="briefings__field">
        What the briefings are for (side box)
        <textarea {...field('purpose')} />
      </label>
      <label className="briefings__field">
        How practitioners' views were gathered (events, where and when)
        <textarea {...field('gathering')} />
      </label>
      <label className="briefings__field">
        Number of practitioners who took part
        <input type="number" min={0} {...field('participantCount')} />
      </label>
      <label className="briefings__field">
        Where the briefings come from (closing line: project, funder)
        <input {...field('closingSource')} />
      </label>
      <label className="briefings__field">
        Collection the set draws on
        <select
          value={form.collectionId}
          onChange={(event) => setForm({ ...form, collectionId: event.target.value })}
          aria-describedby="set-collection-hint"
        >
          <option value="">No collection</option>
          {(collections.data?.collections ?? []).map((collection) => (
            <option key={collection.id} value={collection.id}>
              {collection.name}
            </option>
          ))}
          {form.collectionId &&
            collections.data &&
            !collections.data.collections.some((c) => c.id === form.collectionId) && (
              <option value={form.collectionId}>A collection you may not see</option>
            )}
        </select>
      </label>
      <p className="hint" id="set-collection-hint">
        Its published reviews are counted with the ones ticked below, each review once; the side box
        changes when you save.
      </p>
      <fieldset className="briefings__fieldset">
        <legend>Published reviews the set draws on</legend>
        {reviews.loading && <p role="status">Reading the published reviews…</p>}
        {published.length === 0 && !reviews.loading && <p>No reviews are published yet.</p>}
        {published.map((review) => (
          <label key={review.reviewId} className="briefings__check">
            <input
              type="checkbox"
              checked={form.reviewIds.includes(review.reviewId)}
              onChange={(event) =>
                setForm({
                  ...form,
                  reviewIds: event.target.checked
                    ? [...form.reviewIds, review.reviewId]
                    : form.reviewIds.filter((id) => id !== review.reviewId),
                })
              }
            />{' '}
            {review.reference}: {review.title}
            {review.publishedAt &&
              ` (published ${new Date(review.publishedAt).toLocaleDateString('en-GB', {
                month: 'long',
                year: 'numeric',
              })})`}
          </label>
        ))}
      </fieldset>
      <button type="submit" className="button button--primary" disabled={loading}>
        Save the set
      </button>
      {message && <p role="status">{message}</p>}
    </form>
  );
}

export function PracticeSetPage() {
  const { setId = '' } = useParams();
  const navigate = useNavigate();
  const { data, loading, error, refetch } = useQuery(PRACTICE_ISSUE_SET, {
    variables: { id: setId },
    fetchPolicy: 'cache-and-network',
  });
  const [reorder, { loading: moving, error: moveError }] = useMutation(REORDER_PRACTICE_ISSUES);
  const [create, { loading: creating, error: createError }] = useMutation(CREATE_PRACTICE_ISSUE, {
    refetchQueries: [{ query: PRACTICE_ISSUE_SET, variables: { id: setId } }],
  });
  const removalOf = useConfirmRemoval(REMOVE_PRACTICE_ISSUE_SET, {
    consequencesOf: (result) => result.removePracticeIssueSet.consequences,
    refetchQueries: [{ query: PRACTICE_ISSUE_SETS }],
  });
  const [newTitle, setNewTitle] = useState('');
  const [announce, setAnnounce] = useState('');
  const [preview, setPreview] = useState(false);

  if (loading && !data) return <p role="status">Reading the set…</p>;
  if (error)
    return (
      <div className="notice notice--error" role="alert">
        The set could not be read: {messageOf(error)}
      </div>
    );
  const set = data?.practiceIssueSet;
  if (!set)
    return (
      <div className="notice notice--error" role="alert">
        There is no such set of practice issues. <Link to="/briefings">Back to the briefings</Link>
      </div>
    );

  const onMove = async (ids: string[], movedId: string) => {
    await reorder({ variables: { setId: set.id, issueIds: ids } }).catch(() => null);
    await refetch();
    const moved = set.issues.find((issue) => issue.id === movedId);
    setAnnounce(`${moved?.title ?? 'The issue'} is now number ${ids.indexOf(movedId) + 1}.`);
    // Keep the keyboard on the issue that moved.
    requestAnimationFrame(() =>
      document.querySelector<HTMLAnchorElement>(`a[href="/briefings/issues/${movedId}"]`)?.focus(),
    );
  };

  const addIssue = async (event: FormEvent) => {
    event.preventDefault();
    if (!newTitle.trim()) return;
    const result = await create({
      variables: { input: { setId: set.id, title: newTitle.trim() } },
    }).catch(() => null);
    const id = result?.data?.createPracticeIssue.id;
    if (id) void navigate(`/briefings/issues/${id}`);
  };

  return (
    <>
      <p>
        <Link to="/briefings">Briefings</Link>
      </p>
      <h1>{set.title}</h1>
      <section className="briefings__facts" aria-label="Side box facts">
        <p>
          {plural(set.issues.length, 'practice issue')}. The briefings are based on analysis of{' '}
          <strong>{set.basis.sentence}</strong>: counted from the published reviews the set draws
          on, never typed.
        </p>
        {set.participantCount != null && (
          <p>{plural(set.participantCount, 'practitioner')} took part.</p>
        )}
      </section>
      {set.withdrawnReviews.length > 0 && (
        <div className="notice notice--warning" role="alert">
          {set.withdrawnReviews.length === 1 ? 'A review' : 'Reviews'} this set drew on{' '}
          {set.withdrawnReviews.length === 1 ? 'was' : 'were'} withdrawn from the corpus and{' '}
          {set.withdrawnReviews.length === 1 ? 'is' : 'are'} no longer counted:{' '}
          {set.withdrawnReviews.map((r) => r.reference).join(', ')}. Check the briefings that quote{' '}
          {set.withdrawnReviews.length === 1 ? 'it' : 'them'}.
        </div>
      )}
      <section aria-labelledby="set-issues" className="briefings__panel">
        <h2 id="set-issues">Practice issues</h2>
        <IssueOrder set={set} onMove={(ids, moved) => void onMove(ids, moved)} busy={moving} />
        <p role="status" aria-live="polite">
          {announce}
        </p>
        {moveError && (
          <div className="notice notice--error" role="alert">
            The issues could not be moved: {messageOf(moveError)}
          </div>
        )}
        <form onSubmit={(event) => void addIssue(event)}>
          <label className="briefings__field">
            Title of a new practice issue
            <input value={newTitle} onChange={(event) => setNewTitle(event.target.value)} />
          </label>
          <button type="submit" className="button button--primary" disabled={creating}>
            Add the issue
          </button>
          {createError && (
            <div className="notice notice--error" role="alert">
              The issue could not be added: {messageOf(createError)}
            </div>
          )}
        </form>
      </section>
      <SetDetails key={set.id} set={set} />
      <section className="briefings__panel" aria-labelledby="set-downloads">
        <h2 id="set-downloads">Download the whole set</h2>
        <p className="hint">
          Every issue in its order, after a contents page, as last saved: one file to hand out.
        </p>
        <DocumentDownloads
          label="Download the whole set"
          basePath={`/api/practice-issue-sets/${set.id}/briefing`}
          fileName={set.title}
          download={downloadWithToken}
          disabledReason={
            set.issues.length === 0 ? 'Add a practice issue first: the set is empty.' : null
          }
        />
      </section>
      <section className="briefings__panel" aria-labelledby="set-preview">
        <h2 id="set-preview">The whole set as it will print</h2>
        <button
          type="button"
          className="button"
          aria-expanded={preview}
          onClick={() => setPreview(!preview)}
        >
          {preview ? 'Hide the preview' : 'Preview the whole set'}
        </button>
        {preview && <BriefingPreview json={set.printedDocument} />}
      </section>
      <p className="briefings__panel">
        <ConfirmRemoval
          what={`the set “${set.title}” and its issues`}
          label="Remove this set"
          {...removalOf({ id: set.id })}
          onRemoved={() => void navigate('/briefings')}
        />
      </p>
    </>
  );
}
