import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { ConflictChoice, ConflictField, differingFields } from '../../components/ConflictDialog';
import { conflictOf, messageOf } from '../../components/graphql-errors';
import type { EpisodeEditorSaveMutation, UpdateEpisodeInput } from '../../gql/graphql';
import {
  allFieldsOf,
  changesOf,
  chosenFields,
  displayedFields,
  draftOf,
  EPISODE_FIELD_LABELS,
  EpisodeDraft,
  fieldsOf,
} from './episode-form';
import { EPISODE_EDITOR_SAVE } from './episodes.graphql';

export type SavedEpisode = EpisodeEditorSaveMutation['updateEpisode'];

interface PendingConflict {
  fields: ConflictField[];
  mine: EpisodeDraft;
  theirs: Record<string, unknown>;
  currentVersion: number;
}

/**
 * The episode form's saving: only what changed, against the version loaded; when someone else
 * saved first, the user chooses part by part and the choice is saved against their version.
 */
export function useEpisodeSave({
  episodeId,
  initial,
  initialVersion,
  onSaved,
}: {
  episodeId: string;
  initial: EpisodeDraft;
  initialVersion: number;
  onSaved: (episode: SavedEpisode) => void;
}) {
  const [saved, setSaved] = useState({ values: initial, version: initialVersion });
  const [draft, setDraft] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [conflict, setConflict] = useState<PendingConflict | null>(null);
  const [mutate, { loading: saving }] = useMutation(EPISODE_EDITOR_SAVE);
  const changes = changesOf(saved.values, draft);
  const dirty = Object.keys(changes).length > 0;

  const submit = async (input: UpdateEpisodeInput, expectedVersion: number, sent: EpisodeDraft) => {
    setProblem(null);
    try {
      const { data } = await mutate({ variables: { id: episodeId, expectedVersion, input } });
      if (!data) return;
      const values = draftOf(data.updateEpisode);
      setSaved({ values, version: data.updateEpisode.version });
      // Whatever was typed while the save was on its way stays in the form.
      setDraft((current) => (JSON.stringify(current) === JSON.stringify(sent) ? values : current));
      setSavedAt(new Date());
      onSaved(data.updateEpisode);
    } catch (caught) {
      const found = conflictOf(caught);
      if (!found) {
        setProblem(messageOf(caught));
        return;
      }
      const fields = differingFields(
        EPISODE_FIELD_LABELS,
        displayedFields(fieldsOf(sent)),
        displayedFields(fieldsOf(found.current)),
      );
      if (fields.length === 0) {
        // Their save left these fields as ours: nothing to choose, save ours on their version.
        await submit(input, found.currentVersion, sent);
        return;
      }
      setConflict({
        fields,
        mine: sent,
        theirs: found.current,
        currentVersion: found.currentVersion,
      });
    }
  };

  const save = () => {
    if (!dirty || saving || conflict) return;
    if (!draft.title.trim()) {
      setProblem('The episode needs a title.');
      return;
    }
    void submit(changes, saved.version, draft);
  };

  const resolve = (choice: ConflictChoice) => {
    if (!conflict) return;
    const chosen = chosenFields(fieldsOf(conflict.mine), fieldsOf(conflict.theirs), choice);
    const next: EpisodeDraft = { ...chosen, eventIds: conflict.mine.eventIds };
    const input = allFieldsOf(chosen);
    const eventsChanged = changesOf(saved.values, conflict.mine).eventIds;
    if (eventsChanged) input.eventIds = eventsChanged;
    setConflict(null);
    setDraft(next);
    void submit(input, conflict.currentVersion, next);
  };

  return {
    savedEventIds: saved.values.eventIds,
    draft,
    setDraft,
    dirty,
    saving,
    problem,
    savedAt,
    save,
    conflict,
    resolve,
    cancelConflict: () => setConflict(null),
  };
}
