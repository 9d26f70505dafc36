import { useApolloClient, useMutation } from '@apollo/client/react';
import { FACTOR_TIER_LABELS, PATTERN_EFFECT_SHORT_LABELS, type FactorLevelName } from '@scr/shared';
import { useState } from 'react';
import { ConfirmRemoval } from '../../components/ConfirmRemoval';
import { useConfirmRemoval } from '../../components/use-confirm-removal';
import { conflictOf } from '../../components/graphql-errors';
import { conflictMessage } from '../../components/save-conflict';
import type { EpisodeEditorFactorFragment } from '../../gql/graphql';
import {
  EPISODE_EDITOR_ADD_FACTOR,
  EPISODE_EDITOR_REMOVE_FACTOR,
  EPISODE_EDITOR_UPDATE_FACTOR,
} from './episodes.graphql';
import { groupFactorsByLevel } from './factor-grouping';
import { FactorForm, FactorValues, NEW_FACTOR_DEFAULTS } from './FactorForm';

export type EpisodeFactor = EpisodeEditorFactorFragment;

type Editing = { kind: 'add'; level: FactorLevelName } | { kind: 'edit'; id: string } | null;

/** The contributory factors of an episode under SCIE's levels; each saves on its own. */
export function FactorsByLevel({
  episodeId,
  factors,
  themes,
  canEdit,
}: {
  episodeId: string;
  factors: readonly EpisodeFactor[];
  themes: readonly { key: string; label: string }[];
  canEdit: boolean;
}) {
  const [editing, setEditing] = useState<Editing>(null);
  const [announcement, setAnnouncement] = useState('');
  const refetch = { refetchQueries: ['EpisodeEditor'], awaitRefetchQueries: true };
  const [add] = useMutation(EPISODE_EDITOR_ADD_FACTOR, refetch);
  const [update] = useMutation(EPISODE_EDITOR_UPDATE_FACTOR);
  const client = useApolloClient();

  /** Saves against the version shown; if someone saved first, shows theirs and keeps the form. */
  const saveFactor = async (factor: EpisodeFactor, values: FactorValues) => {
    try {
      await update({
        variables: { id: factor.id, expectedVersion: factor.version, input: values },
      });
    } catch (caught) {
      const conflict = conflictOf(caught);
      if (!conflict) throw caught;
      await client.refetchQueries({ include: ['EpisodeEditor'] });
      throw new Error(conflictMessage('factor', conflict.current.description), { cause: caught });
    }
  };
  const removalOf = useConfirmRemoval(EPISODE_EDITOR_REMOVE_FACTOR, {
    consequencesOf: (removed) => removed.removeContributoryFactor.consequences,
    update: (cache, _result, { variables }) => {
      cache.evict({ id: cache.identify({ __typename: 'ContributoryFactor', id: variables?.id }) });
      cache.gc();
    },
  });

  return (
    <section className="episode-section" aria-labelledby="episode-factors-heading">
      <h2 id="episode-factors-heading">Contributory factors</h2>
      <p className="hint">
        For each level, what made the practice more or less likely. Good practice is recorded too:
        note what helped as well as what got in the way. Each factor is saved on its own as you add
        or change it.
      </p>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {groupFactorsByLevel(factors).map((group) => (
        <div key={group.level} className="factor-level">
          <div className="factor-level__header">
            <h3 id={`factor-level-${group.level}`}>
              {group.label} <span className="factor-level__count">({group.factors.length})</span>
            </h3>
            {canEdit && !(editing?.kind === 'add' && editing.level === group.level) && (
              <button
                type="button"
                className="button button--secondary factor-level__add"
                aria-label={`Add a factor: ${group.label}`}
                onClick={() => setEditing({ kind: 'add', level: group.level })}
              >
                Add a factor
              </button>
            )}
          </div>
          {group.factors.length > 0 && (
            <ul className="factor-list" aria-labelledby={`factor-level-${group.level}`}>
              {group.factors.map((factor) => (
                <li key={factor.id} className="factor">
                  {editing?.kind === 'edit' && editing.id === factor.id ? (
                    <FactorForm
                      initial={{
                        description: factor.description,
                        level: factor.level,
                        effect: factor.effect,
                        tier: factor.tier,
                        themeKeys: factor.themes.map((theme) => theme.key),
                      }}
                      themes={themes}
                      submitLabel="Save factor"
                      onCancel={() => setEditing(null)}
                      onSave={async (values: FactorValues) => {
                        await saveFactor(factor, values);
                        setEditing(null);
                        setAnnouncement('Factor saved.');
                      }}
                    />
                  ) : (
                    <>
                      <p className="factor__description">{factor.description}</p>
                      <p className="factor__effect-tier">
                        <span
                          className={`factor__effect factor__effect--${factor.effect.toLowerCase()}`}
                        >
                          {factor.effect === 'SUPPORTS_GOOD_PRACTICE' ? '+ ' : '− '}
                          {PATTERN_EFFECT_SHORT_LABELS[factor.effect]}
                        </span>{' '}
                        · {FACTOR_TIER_LABELS[factor.tier]}
                      </p>
                      {factor.themes.length > 0 && (
                        <ul className="factor__themes" aria-label="Practice themes">
                          {factor.themes.map((theme) => (
                            <li key={theme.key}>{theme.label}</li>
                          ))}
                        </ul>
                      )}
                      {canEdit && (
                        <div className="factor__actions">
                          <button
                            type="button"
                            className="button button--secondary factor__button"
                            aria-label={`Edit the factor “${factor.description.slice(0, 60)}”`}
                            onClick={() => setEditing({ kind: 'edit', id: factor.id })}
                          >
                            Edit
                          </button>
                          <ConfirmRemoval
                            what={`the factor “${factor.description.slice(0, 60)}${factor.description.length > 60 ? '…' : ''}”`}
                            className="button button--secondary factor__button factor__remove"
                            {...removalOf({ id: factor.id })}
                            onRemoved={() => setAnnouncement('Factor removed.')}
                          />
                        </div>
                      )}
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
          {editing?.kind === 'add' && editing.level === group.level && (
            <FactorForm
              initial={{
                description: '',
                level: group.level,
                ...NEW_FACTOR_DEFAULTS,
                themeKeys: [],
              }}
              themes={themes}
              submitLabel="Add factor"
              onCancel={() => setEditing(null)}
              onSave={async (values: FactorValues) => {
                await add({ variables: { episodeId, input: values } });
                setEditing(null);
                setAnnouncement('Factor added.');
              }}
            />
          )}
        </div>
      ))}
    </section>
  );
}
