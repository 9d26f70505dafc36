import { FINDING_PART_HEADINGS, FINDING_PART_HINTS } from '@scr/shared';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ConflictDialog, ConflictField } from '../../components/ConflictDialog';
import { conflictOf, messageOf } from '../../components/graphql-errors';
import { FindingEditorQuery } from '../../gql/graphql';
import { useReview } from '../../app/review-context';
import { useEventSummaries } from '../chronology';
import { CommentsPanel } from '../comments';
import { FindingCategoryField } from './FindingCategoryField';
import { FindingEffectField } from './FindingEffectField';
import { FindingEvidence } from './FindingEvidence';
import { UnsavedChangesGuard } from '../../components/UnsavedChangesGuard';
import { FindingQuestions } from './FindingQuestions';
import { FindingReferences } from './FindingReferences';
import { FindingTextPart } from './FindingTextPart';
import { FindingAnswers } from './FindingAnswers';
import { FindingThemes } from './FindingThemes';
import { FINDING_EDITOR, FINDING_EDITOR_SAVE } from './finding.graphql';
import { catalogueOf, namesFrom } from './finding-catalogue';
import {
  conflictingParts,
  EditedFinding,
  FindingForm,
  formOf,
  hasChanges,
  inputOf,
  resolvedFinding,
  SavedEvidence,
  theirFinding,
} from './finding-form';
import './findings.css';

/** One finding of the review, to write and to link to the evidence behind it. */
export function FindingEditor() {
  const { findingId = '' } = useParams();
  const { review } = useReview();
  const { data, loading, error, refetch } = useQuery(FINDING_EDITOR, {
    variables: { reviewId: review.id },
  });
  const finding = data?.review?.findings.find((candidate) => candidate.id === findingId);

  if (loading && !data) return <p role="status">Loading the finding…</p>;
  if (error && !data) {
    return (
      <div className="notice notice--error" role="alert">
        <p>The finding could not be loaded: {messageOf(error)}</p>
        <button type="button" className="button button--secondary" onClick={() => void refetch()}>
          Try again
        </button>
      </div>
    );
  }
  if (!data?.review || !finding) {
    return (
      <>
        <p className="notice notice--error" role="alert">
          This review has no such finding: it may have been removed.
        </p>
        <Link to=".." relative="path">
          Back to the findings
        </Link>
      </>
    );
  }
  return (
    <>
      <FindingEditorForm key={finding.id} finding={finding} data={data} reviewId={review.id} />
      <CommentsPanel key={`comments-${finding.id}`} target={{ findingId: finding.id }} />
    </>
  );
}

interface PendingConflict {
  currentVersion: number;
  theirs: Partial<FindingForm>;
  fields: ConflictField[];
}

function FindingEditorForm({
  finding,
  data,
  reviewId,
}: {
  finding: EditedFinding;
  data: FindingEditorQuery;
  reviewId: string;
}) {
  const { canEdit } = useReview();
  const client = useApolloClient();
  const [form, setForm] = useState(() => formOf(finding));
  const [saved, setSaved] = useState(() => formOf(finding));
  const [version, setVersion] = useState(finding.version);
  const [problem, setProblem] = useState<string | null>(null);
  const [justSaved, setJustSaved] = useState(false);
  const [conflict, setConflict] = useState<PendingConflict | null>(null);
  const [update, { loading: saving }] = useMutation(FINDING_EDITOR_SAVE);
  const chronology = useEventSummaries(reviewId);
  const episodes = useMemo(() => data.review?.episodes ?? [], [data.review]);
  const catalogue = useMemo(
    () => catalogueOf(episodes, [...finding.events, ...chronology.events], data.themes),
    [episodes, finding.events, chronology.events, data.themes],
  );
  const changed = hasChanges(form, saved);
  const position = (data.review?.findings.findIndex((other) => other.id === finding.id) ?? 0) + 1;

  const change = (part: Partial<FindingForm>) => {
    setJustSaved(false);
    setForm((before) => ({ ...before, ...part }));
  };

  /** The evidence someone else left on the finding, which the CONFLICT's record leaves out. */
  const savedEvidence = async (): Promise<SavedEvidence | null> => {
    try {
      const { data: fresh } = await client.query({
        query: FINDING_EDITOR,
        variables: { reviewId },
        fetchPolicy: 'network-only',
      });
      const now = fresh?.review?.findings.find((other) => other.id === finding.id);
      if (!now) return null;
      const { episodeIds, factorIds, eventIds } = formOf(now);
      return { episodeIds, factorIds, eventIds };
    } catch {
      return null;
    }
  };

  const save = async (values: FindingForm, expectedVersion: number) => {
    if (!values.title.trim()) {
      setProblem('A finding needs a title.');
      return;
    }
    setProblem(null);
    try {
      const result = await update({
        variables: { id: finding.id, expectedVersion, input: inputOf(values) },
      });
      const updated = result.data?.updateFinding;
      if (updated) {
        setVersion(updated.version);
        setSaved(formOf(updated));
        setJustSaved(true);
      }
    } catch (caught) {
      const found = conflictOf(caught);
      if (!found) {
        setProblem(`Not saved: ${messageOf(caught)}`);
        return;
      }
      const theirs = theirFinding(found.current, await savedEvidence());
      const fields = conflictingParts(values, theirs, namesFrom(catalogue));
      if (fields.length === 0) {
        // They saved exactly what is being saved: nothing to choose between.
        await save(values, found.currentVersion);
        return;
      }
      setConflict({ currentVersion: found.currentVersion, theirs, fields });
    }
  };

  const latestSave = useRef(() => {});
  useEffect(() => {
    latestSave.current = () => {
      if (canEdit && changed && !saving && !conflict) void save(form, version);
    };
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault();
        latestSave.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    latestSave.current();
  };
  const state = saving
    ? 'Saving…'
    : changed
      ? 'Unsaved changes'
      : justSaved
        ? 'All changes saved'
        : 'No changes';

  return (
    <form className="finding-editor" onSubmit={submit} aria-labelledby="finding-editor-heading">
      <UnsavedChangesGuard when={canEdit && changed} what="this finding" />
      <div className="finding-editor__bar">
        <div>
          <p className="finding-editor__back">
            <Link to=".." relative="path">
              All findings
            </Link>
          </p>
          <h2 id="finding-editor-heading">
            Finding {position}: {saved.title}
          </h2>
        </div>
        {canEdit && (
          <div className="finding-editor__save">
            <span className="finding-editor__state" role="status">
              {changed && <span aria-hidden="true">● </span>}
              {state}
            </span>
            <button
              type="submit"
              className="button button--primary"
              disabled={!changed || saving}
              aria-keyshortcuts="Control+S Meta+S"
            >
              Save
            </button>
          </div>
        )}
      </div>
      {!canEdit && (
        <p className="notice notice--warning">
          You can read this finding; changing it needs edit rights on the review.
        </p>
      )}
      {problem && (
        <p className="notice notice--error" role="alert">
          {problem}
        </p>
      )}
      <fieldset className="finding-editor__fields" disabled={!canEdit}>
        <legend className="visually-hidden">The finding</legend>
        <div className="finding-editor__columns">
          <div className="finding-editor__text" role="region" aria-label="The finding’s parts">
            <section className="finding-section" aria-labelledby="finding-pattern">
              <h3 id="finding-pattern">The pattern</h3>
              <label className="finding-field">
                <span>Title</span>
                <input
                  value={form.title}
                  onChange={(event) => change({ title: event.target.value })}
                  required
                />
              </label>
              <FindingTextPart
                label={FINDING_PART_HEADINGS.statement}
                hint={FINDING_PART_HINTS.statement}
                rows={3}
                value={form.statement}
                onChange={(statement) => change({ statement })}
              />
              <FindingCategoryField
                value={form.category}
                onChange={(category) => change({ category })}
              />
              <FindingEffectField value={form.effect} onChange={(effect) => change({ effect })} />
            </section>
            <section className="finding-section" aria-labelledby="finding-manifestation">
              <h3 id="finding-manifestation">{FINDING_PART_HEADINGS.manifestation}</h3>
              <FindingTextPart
                label={FINDING_PART_HEADINGS.manifestation}
                hint={FINDING_PART_HINTS.manifestation}
                value={form.manifestation}
                onChange={(manifestation) => change({ manifestation })}
                hideLabel
              />
            </section>
            <section className="finding-section" aria-labelledby="finding-not-peculiar">
              <h3 id="finding-not-peculiar">{FINDING_PART_HEADINGS.notPeculiar}</h3>
              <FindingTextPart
                label={FINDING_PART_HEADINGS.notPeculiar}
                hint={FINDING_PART_HINTS.notPeculiar}
                value={form.notPeculiar}
                onChange={(notPeculiar) => change({ notPeculiar })}
                hideLabel
              />
            </section>
            <section className="finding-section" aria-labelledby="finding-prevalence">
              <h3 id="finding-prevalence">{FINDING_PART_HEADINGS.prevalence}</h3>
              <FindingTextPart
                label={FINDING_PART_HEADINGS.prevalence}
                hint={FINDING_PART_HINTS.prevalence}
                value={form.prevalence}
                onChange={(prevalence) => change({ prevalence })}
                hideLabel
              />
              <FindingReferences
                references={form.references}
                onChange={(references) => change({ references })}
              />
            </section>
            <section className="finding-section" aria-labelledby="finding-significance">
              <h3 id="finding-significance">{FINDING_PART_HEADINGS.significance}</h3>
              <FindingTextPart
                label={FINDING_PART_HEADINGS.significance}
                hint={FINDING_PART_HINTS.significance}
                value={form.significance}
                onChange={(significance) => change({ significance })}
                hideLabel
              />
            </section>
            <section className="finding-section" aria-labelledby="finding-questions">
              <h3 id="finding-questions">{FINDING_PART_HEADINGS.questions}</h3>
              <p className="hint">{FINDING_PART_HINTS.questions}</p>
              <FindingQuestions
                questions={form.questions}
                onChange={(questions) => change({ questions })}
              />
            </section>
            <section className="finding-section" aria-labelledby="finding-answers">
              <h3 id="finding-answers">Review questions it answers</h3>
              <FindingAnswers
                questions={data.review?.questions ?? []}
                chosen={form.answersQuestionIds}
                onChange={(answersQuestionIds) => change({ answersQuestionIds })}
              />
            </section>
            <section className="finding-section" aria-labelledby="finding-themes">
              <h3 id="finding-themes">Practice themes</h3>
              <FindingThemes
                themes={data.themes}
                chosen={form.themeKeys}
                onChange={(themeKeys) => change({ themeKeys })}
              />
            </section>
          </div>
          <div
            className="finding-editor__evidence"
            role="region"
            aria-label="The evidence: episodes, factors and events"
          >
            <FindingEvidence
              evidence={form}
              onChange={change}
              episodes={episodes}
              catalogue={catalogue}
              chronology={chronology}
            />
          </div>
        </div>
      </fieldset>
      {canEdit && (
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={!changed || saving}>
            Save
          </button>
          <span className="hint">Ctrl+S or ⌘S saves too.</span>
        </div>
      )}
      {conflict && (
        <ConflictDialog
          what="finding"
          fields={conflict.fields}
          onCancel={() => setConflict(null)}
          onResolve={(choice) => {
            const resolved = resolvedFinding(form, conflict.theirs, choice);
            setConflict(null);
            setForm(resolved);
            void save(resolved, conflict.currentVersion);
          }}
        />
      )}
    </form>
  );
}
