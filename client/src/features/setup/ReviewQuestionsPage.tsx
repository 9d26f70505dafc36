import { useMutation, useQuery } from '@apollo/client/react';
import { TEXT_LIMITS } from '@scr/shared';
import { FormEvent, useRef, useState } from 'react';
import { useReview } from '../../app/review-context';
import { conflictOf, messageOf } from '../../components/graphql-errors';
import {
  REVIEW_QUESTION_ADD,
  REVIEW_QUESTION_REMOVE,
  REVIEW_QUESTION_REORDER,
  REVIEW_QUESTION_UPDATE,
  REVIEW_QUESTIONS,
} from './setup.graphql';

type Question = { id: string; ordinal: number; text: string; version: number };

/**
 * The review's questions (its terms of reference), in order: added, reworded, moved and removed
 * here; each finding then says which it answers, and readiness asks for an answer to each.
 */
export function ReviewQuestionsPage() {
  const { review, canEdit } = useReview();
  const reviewId = review.id;
  const { data, loading, error, refetch } = useQuery(REVIEW_QUESTIONS, {
    variables: { reviewId },
  });
  const [add] = useMutation(REVIEW_QUESTION_ADD);
  const [update] = useMutation(REVIEW_QUESTION_UPDATE);
  const [reorder] = useMutation(REVIEW_QUESTION_REORDER);
  const [remove] = useMutation(REVIEW_QUESTION_REMOVE);
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<{ id: string; consequences: string[] } | null>(null);
  const [editing, setEditing] = useState<{
    id: string;
    text: string;
    version: number;
    /** What was typed when someone else saved first, kept to re-apply. */
    mine?: string;
  } | null>(null);
  const list = useRef<HTMLOListElement>(null);

  if (loading && !data) return <p>Loading the review questions…</p>;
  if (error) return <p role="alert">The review questions could not be loaded: {error.message}</p>;
  const questions: Question[] = data?.review?.questions ?? [];

  const run = async (action: () => Promise<unknown>) => {
    setProblem(null);
    try {
      await action();
      await refetch();
    } catch (failure) {
      setProblem(messageOf(failure));
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!draft.trim()) return setProblem('Write the question first.');
    return run(async () => {
      await add({ variables: { reviewId, input: { text: draft.trim() } } });
      setDraft('');
    });
  };

  const move = (index: number, offset: number) =>
    run(async () => {
      const ids = questions.map((q) => q.id);
      const [moved] = ids.splice(index, 1);
      ids.splice(index + offset, 0, moved);
      await reorder({ variables: { reviewId, questionIds: ids } });
      requestAnimationFrame(() =>
        list.current
          ?.querySelector<HTMLElement>(`[data-question="${moved}"] [data-action="edit"]`)
          ?.focus(),
      );
    });

  const askToRemove = (question: Question) =>
    run(async () => {
      const { data: dry } = await remove({ variables: { id: question.id, dryRun: true } });
      setConfirming({
        id: question.id,
        consequences: dry?.removeReviewQuestion.consequences ?? [],
      });
    });

  const save = async (question: Question) => {
    if (!editing?.text.trim()) return setProblem('A question cannot be empty.');
    setProblem(null);
    try {
      await update({
        variables: {
          id: question.id,
          expectedVersion: editing.version,
          input: { text: editing.text.trim() },
        },
      });
      setEditing(null);
      await refetch();
    } catch (failure) {
      const found = conflictOf(failure);
      if (!found) return setProblem(messageOf(failure));
      // Someone else saved first: their text goes in the field, ours stays beside it.
      const theirs = typeof found.current.text === 'string' ? found.current.text : editing.text;
      setEditing({
        id: question.id,
        text: theirs,
        version: found.currentVersion,
        mine: editing.text,
      });
      await refetch();
    }
  };

  return (
    <section className="review-setup" aria-labelledby="review-questions-heading">
      <h2 id="review-questions-heading">Review questions (terms of reference)</h2>
      <p className="hint">
        The questions the review set out to answer. Each finding says which it answers; before
        publication every question needs a finding.
      </p>
      {problem && <p role="alert">{problem}</p>}
      {questions.length === 0 ? (
        <p>No review questions yet.</p>
      ) : (
        <ol ref={list} aria-label="Review questions">
          {questions.map((question, index) => (
            <li key={question.id} data-question={question.id}>
              {editing?.id === question.id ? (
                <form
                  aria-label={`Edit question ${question.ordinal}`}
                  onSubmit={(event) => {
                    event.preventDefault();
                    void save(question);
                  }}
                >
                  {editing.mine !== undefined && (
                    <div className="notice notice--warning" role="alert">
                      <p>
                        Someone else saved this question while you were editing, so your change was
                        not saved. The field now holds their saved text. Yours was:
                      </p>
                      <blockquote>{editing.mine}</blockquote>
                      <button
                        type="button"
                        className="button button--secondary"
                        onClick={() =>
                          setEditing({ ...editing, text: editing.mine ?? '', mine: undefined })
                        }
                      >
                        Use my text again
                      </button>
                    </div>
                  )}
                  <label>
                    <span>Question {question.ordinal}</span>
                    <textarea
                      rows={2}
                      maxLength={TEXT_LIMITS.reviewQuestion}
                      value={editing.text}
                      onChange={(event) => setEditing({ ...editing, text: event.target.value })}
                    />
                  </label>
                  <button type="submit" className="button">
                    Save
                  </button>
                  <button
                    type="button"
                    className="button button--secondary"
                    onClick={() => setEditing(null)}
                  >
                    Cancel
                  </button>
                </form>
              ) : (
                <>
                  <span>{question.text}</span>
                  {canEdit && (
                    <span className="review-setup__actions">
                      <button
                        type="button"
                        className="button button--secondary button--inline"
                        data-action="edit"
                        aria-label={`Edit question ${question.ordinal}`}
                        onClick={() =>
                          setEditing({
                            id: question.id,
                            text: question.text,
                            version: question.version,
                          })
                        }
                      >
                        Edit
                      </button>
                      <button
                        type="button"
                        className="button button--secondary button--inline"
                        disabled={index === 0}
                        aria-label={`Move question ${question.ordinal} up`}
                        onClick={() => void move(index, -1)}
                      >
                        Up
                      </button>
                      <button
                        type="button"
                        className="button button--secondary button--inline"
                        disabled={index === questions.length - 1}
                        aria-label={`Move question ${question.ordinal} down`}
                        onClick={() => void move(index, 1)}
                      >
                        Down
                      </button>
                      <button
                        type="button"
                        className="button button--secondary button--inline"
                        aria-label={`Remove question ${question.ordinal}`}
                        onClick={() => void askToRemove(question)}
                      >
                        Remove
                      </button>
                    </span>
                  )}
                  {confirming?.id === question.id && (
                    <div role="alertdialog" aria-label={`Remove question ${question.ordinal}?`}>
                      <p>
                        Remove question {question.ordinal}?{' '}
                        {confirming.consequences.map((consequence) => `${consequence}.`).join(' ')}
                      </p>
                      <button
                        type="button"
                        className="button"
                        onClick={() =>
                          void run(async () => {
                            await remove({ variables: { id: question.id, dryRun: false } });
                            setConfirming(null);
                          })
                        }
                      >
                        Remove
                      </button>
                      <button
                        type="button"
                        className="button button--secondary"
                        autoFocus
                        onClick={() => setConfirming(null)}
                      >
                        Keep it
                      </button>
                    </div>
                  )}
                </>
              )}
            </li>
          ))}
        </ol>
      )}
      {canEdit && (
        <form aria-label="Add a review question" onSubmit={(event) => void submit(event)}>
          <label>
            <span>New question</span>
            <textarea
              rows={2}
              maxLength={TEXT_LIMITS.reviewQuestion}
              value={draft}
              onChange={(event) => setDraft(event.target.value)}
            />
          </label>
          <button type="submit" className="button">
            Add question
          </button>
        </form>
      )}
    </section>
  );
}
