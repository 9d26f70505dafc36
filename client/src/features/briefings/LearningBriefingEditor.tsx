import { formatPartialDate } from '@scr/shared';
import { FormEvent, useEffect, useRef, useState } from 'react';
import { ConflictDialog } from '../../components/ConflictDialog';
import { DocumentDownloads } from '../../components/DocumentDownloads';
import { messageOf } from '../../components/graphql-errors';
import { chosenDraft, SaveConflict, saveConflictOf } from '../../components/save-conflict';
import { UnsavedChangesGuard } from '../../components/UnsavedChangesGuard';
import type { LearningBriefingFieldsFragment, LearningBriefingInput } from '../../gql/graphql';
import { downloadWithToken } from '../chronology';
import { BriefingPreview } from './BriefingPreview';
import {
  formOf,
  hasChanges,
  inputOf,
  LearningBriefingForm,
  LIST_SECTIONS,
  SECTION_LABELS,
  warningPlace,
} from './learning-briefing-form';
import './learning-briefing.css';

const HINTS: Partial<Record<keyof LearningBriefingForm, string>> = {
  title: 'Printed in the title band; "Learning lessons briefing" when left blank.',
  background: 'Paragraphs, separated by a blank line.',
  methodology: 'Paragraphs, separated by a blank line. How the cases were chosen and audited.',
};
const LIST_HINT = 'One item a line. Pseudonyms only ("Child M", "Mother"), never a real name.';

/**
 * The sections of a learning briefing, saved with the Save button (or Ctrl+S) on the version
 * they were loaded at; the emerging themes beside them are computed from the cases and read-only.
 */
export function LearningBriefingEditor({
  briefing,
  what,
  download,
  save,
}: {
  briefing: LearningBriefingFieldsFragment;
  /** "this review's briefing" */
  what: string;
  /** Where the briefing downloads from, without the extension, and the file's name. */
  download: { basePath: string; fileName: string };
  save: (
    expectedVersion: number,
    input: LearningBriefingInput,
  ) => Promise<LearningBriefingFieldsFragment | null | undefined>;
}) {
  const [saved, setSaved] = useState(() => formOf(briefing));
  const [form, setForm] = useState(saved);
  const [version, setVersion] = useState(briefing.version);
  const [current, setCurrent] = useState(briefing);
  const [saving, setSaving] = useState(false);
  const [justSaved, setJustSaved] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [conflict, setConflict] = useState<SaveConflict<LearningBriefingForm> | null>(null);
  const editable = briefing.editable;
  const changed = hasChanges(form, saved);

  const doSave = async (values: LearningBriefingForm, expectedVersion: number) => {
    setSaving(true);
    setProblem(null);
    try {
      const updated = await save(expectedVersion, inputOf(values));
      if (updated) {
        const now = formOf(updated);
        setCurrent(updated);
        setVersion(updated.version);
        setSaved(now);
        setForm(now);
        setJustSaved(true);
      }
    } catch (caught) {
      const found = saveConflictOf(caught, SECTION_LABELS, values, (record) => ({
        ...formOf(record),
      }));
      if (!found) setProblem(`Not saved: ${messageOf(caught)}`);
      else if (found.fields.length === 0) await doSave(values, found.currentVersion);
      else setConflict(found);
    } finally {
      setSaving(false);
    }
  };

  const latestSave = useRef(() => {});
  useEffect(() => {
    latestSave.current = () => {
      if (editable && changed && !saving && !conflict) void doSave(form, version);
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
  const change = (key: keyof LearningBriefingForm, value: string) => {
    setJustSaved(false);
    setForm((before) => ({ ...before, [key]: value }));
  };
  const state = saving
    ? 'Saving…'
    : changed
      ? 'Unsaved changes'
      : justSaved
        ? 'All changes saved'
        : 'No changes';
  const themes = current.emergingThemes;

  return (
    <div className="learning-briefing">
      <UnsavedChangesGuard when={editable && changed} what={what} />
      <form
        className="learning-briefing__form"
        onSubmit={submit}
        aria-label="Sections of the briefing"
      >
        <div className="learning-briefing__bar">
          <p role="status" className="learning-briefing__state">
            {editable ? state : 'You may read this briefing; its authors change it.'}
          </p>
          {editable && (
            <button
              type="submit"
              className="button button--primary"
              disabled={!changed || saving || !!conflict}
            >
              Save
            </button>
          )}
        </div>
        {problem && (
          <p className="notice notice--error" role="alert">
            {problem}
          </p>
        )}
        {(Object.keys(SECTION_LABELS) as (keyof LearningBriefingForm)[]).map((key) => {
          const list = (LIST_SECTIONS as readonly string[]).includes(key);
          const id = `learning-briefing-${key}`;
          return (
            <div className="learning-briefing__field" key={key}>
              <label htmlFor={id}>{SECTION_LABELS[key]}</label>
              {key === 'title' ? (
                <input
                  id={id}
                  value={form[key]}
                  readOnly={!editable}
                  onChange={(event) => change(key, event.target.value)}
                />
              ) : (
                <textarea
                  id={id}
                  rows={list ? 4 : 5}
                  value={form[key]}
                  readOnly={!editable}
                  onChange={(event) => change(key, event.target.value)}
                />
              )}
              <p className="hint">{HINTS[key] ?? LIST_HINT}</p>
            </div>
          );
        })}
      </form>
      <aside className="learning-briefing__side">
        <section
          aria-labelledby="briefing-downloads-heading"
          className="learning-briefing__downloads"
        >
          <h2 id="briefing-downloads-heading">Download the briefing</h2>
          <p className="hint">The briefing as last saved, laid out for printing and sharing.</p>
          <DocumentDownloads
            label="Download the briefing"
            basePath={download.basePath}
            fileName={download.fileName}
            download={downloadWithToken}
            disabledReason={
              editable && changed
                ? 'Save your changes first: the downloads are the briefing as last saved.'
                : null
            }
          />
        </section>
        <section aria-labelledby="emerging-themes-heading" className="learning-briefing__themes">
          <h2 id="emerging-themes-heading">Emerging themes</h2>
          <p className="hint">
            Computed from the case characteristics, never typed. Change a review’s case
            characteristics to change them.
          </p>
          {themes.caseCount > 0 && (
            <p>
              <strong>
                {themes.caseCount} {themes.caseCount === 1 ? 'case' : 'cases'}
              </strong>
              {themes.reviewTypes.length > 0 ? ` · ${themes.reviewTypes.join(', ')}` : ''}
              {themes.periodStart && themes.periodEnd
                ? ` · ${formatPartialDate(themes.periodStart, 'DAY')} to ${formatPartialDate(themes.periodEnd, 'DAY')}`
                : ''}
            </p>
          )}
          {themes.rows.length > 0 ? (
            <ul className="learning-briefing__theme-list" aria-label="Computed emerging themes">
              {themes.rows.map((row) => (
                <li key={row.key}>
                  {row.sentence}{' '}
                  <span className="learning-briefing__count">
                    ({row.count} of {themes.caseCount})
                  </span>
                </li>
              ))}
            </ul>
          ) : null}
          <p className="learning-briefing__message">{themes.message}</p>
        </section>
        {current.anonymisationWarnings.length > 0 && (
          <section
            aria-labelledby="anonymisation-heading"
            className="notice notice--warning learning-briefing__warnings"
          >
            <h2 id="anonymisation-heading">Check before you share it</h2>
            <p>The briefing prints pseudonyms only. These saved texts may identify someone:</p>
            <ul>
              {current.anonymisationWarnings.map((warning, i) => (
                <li key={i}>
                  <strong>{warningPlace(warning.field)}</strong>: “{warning.excerpt}” (
                  {warning.kind === 'REAL_NAME'
                    ? 'a real name from the people register'
                    : warning.kind.toLowerCase().replace(/_/g, ' ')}
                  )
                </li>
              ))}
            </ul>
          </section>
        )}
      </aside>
      <section className="learning-briefing__preview" aria-labelledby="preview-heading">
        <h2 id="preview-heading">Preview {changed ? '(as last saved)' : ''}</h2>
        <BriefingPreview json={JSON.stringify(current.document)} label="Preview of the briefing" />
      </section>
      {conflict && (
        <ConflictDialog
          what="briefing"
          fields={conflict.fields}
          onCancel={() => setConflict(null)}
          onResolve={(choice) => {
            const next = chosenDraft(conflict, choice);
            setConflict(null);
            setForm(next);
            void doSave(next, conflict.currentVersion);
          }}
        />
      )}
    </div>
  );
}
